/** A point in the network view's 400×400 drawing. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Size of the network view's drawing, in SVG units. */
export const STAGE_SIZE = 400;
const RING_RADIUS = 158;
/** How far the two directions of a link are drawn apart, so A→B and B→A never overlap. */
const LANE_OFFSET = 7;

/** Places `count` nodes on a ring, the first at the top-left for two nodes and at the top otherwise. */
export function nodePositions(count: number): Point[] {
  const start = count === 2 ? Math.PI : -Math.PI / 2;
  return Array.from({ length: count }, (_, i) => {
    const angle = start + (2 * Math.PI * i) / count;
    return { x: STAGE_SIZE / 2 + RING_RADIUS * Math.cos(angle), y: STAGE_SIZE / 2 + RING_RADIUS * Math.sin(angle) };
  });
}

/** Returns the point a fraction `progress` of the way from `a` to `b`, shifted onto its own lane. */
export function pointOnLink(a: Point, b: Point, progress: number): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const p = Math.min(1, Math.max(0, progress));
  return { x: a.x + dx * p - (dy / length) * LANE_OFFSET, y: a.y + dy * p + (dx / length) * LANE_OFFSET };
}

/** A flight dot's radius plus a gap, as far as its label keeps from the dot's centre. */
const LABEL_CLEARANCE = 11;
/** Labels stay this far inside the drawing's edges. */
const LABEL_MARGIN = 2;
/** A link whose midpoint is nearer the centre than this runs through the middle of the ring. */
const CENTRE_LINKS = 20;

/**
 * The side of the link from `a` to `b` that a flight's label goes on, as a unit vector: away
 * from the ring's centre, so the labels of copies leaving one node fan out to both sides of
 * it. A link through the centre (a diameter) has no outside; there the label goes to its
 * lane's side, so the two directions of the link differ.
 */
export function labelSide(a: Point, b: Point): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const lane = { x: -dy / length, y: dx / length };
  const mx = (a.x + b.x) / 2 - STAGE_SIZE / 2;
  const my = (a.y + b.y) / 2 - STAGE_SIZE / 2;
  if (Math.hypot(mx, my) < CENTRE_LINKS) return lane;
  return lane.x * mx + lane.y * my >= 0 ? lane : { x: -lane.x, y: -lane.y };
}

/**
 * Where the centre of a `width`×`height` label goes for a dot at `dot`: just beyond the dot
 * on `side`, but never past the drawing's edges. Where an edge pulls the label back over its
 * dot, the label slides along the other axis (up or down at the sides, sideways at the top
 * and bottom) as far as it was pulled, up to clearing the dot, so it moves smoothly and
 * keeps the dot in view.
 */
export function placeLabel(dot: Point, side: Point, width: number, height: number): Point {
  const reach = LABEL_CLEARANCE + Math.abs(side.x) * (width / 2) + Math.abs(side.y) * (height / 2);
  const x = dot.x + side.x * reach;
  const y = dot.y + side.y * reach;
  const cx = clampLabel(x, width);
  const cy = clampLabel(y, height);
  const pulledX = Math.min(Math.abs(cx - x), LABEL_CLEARANCE + height / 2);
  const pulledY = Math.min(Math.abs(cy - y), LABEL_CLEARANCE + width / 2);
  return {
    x: pulledY > Math.abs(cx - dot.x) ? clampLabel(dot.x + awayFrom(side.x, dot.x) * pulledY, width) : cx,
    y: pulledX > Math.abs(cy - dot.y) ? clampLabel(dot.y + awayFrom(side.y, dot.y) * pulledX, height) : cy,
  };
}

/** Keeps a label's centre coordinate so the label of that extent stays inside the drawing. */
function clampLabel(centre: number, extent: number): number {
  const low = LABEL_MARGIN + extent / 2;
  const high = STAGE_SIZE - LABEL_MARGIN - extent / 2;
  return low > high ? STAGE_SIZE / 2 : Math.min(high, Math.max(low, centre));
}

/** Which way to move off a dot along one axis: the side's own way, or towards the middle when the side has none. */
function awayFrom(component: number, at: number): number {
  if (Math.abs(component) > 0.2) return Math.sign(component);
  return at > STAGE_SIZE / 2 ? -1 : 1;
}

/** Where a flight is drawn: by virtual time while flying, near the receiver when parked, near the sender when held. */
export function flightProgress(status: 'flying' | 'parked' | 'held', sentAt: number, arriveAt: number, now: number): number {
  if (status === 'parked') return 0.84;
  if (status === 'held') return 0.16;
  const span = arriveAt - sentAt;
  return span <= 0 ? 1 : (now - sentAt) / span;
}
