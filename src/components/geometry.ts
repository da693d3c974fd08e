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

/** A flight dot's radius (9 when selected) plus a gap: how far a label keeps from the dot's centre. */
const LABEL_CLEARANCE = 11;
/** Labels stay this far inside the drawing's edges. */
const LABEL_MARGIN = 2;
/** A link whose midpoint is nearer the centre than this runs through the middle of the ring. */
const CENTRE_LINKS = 20;
/** Over this much of an edge's push towards the dot, a label slides the whole way off it. */
const LABEL_SLIDE = 2;

/** Which side of its link a flight's label goes on (a unit vector), and how far from the dot it starts. */
export interface LabelSide extends Point {
  readonly clearance: number;
}

/**
 * The two sides of the link from `a` to `b` a flight's label may go on, the preferred one
 * first: away from the ring's centre, so the labels of copies leaving one node fan out to both
 * sides of it. A flight on the inner lane keeps its label beyond the outer lane, so the label
 * does not lie over the dots coming the other way. A link through the centre (a diameter) has
 * no outside; there the label goes to its lane's side, so the two directions of the link differ.
 */
export function linkSides(a: Point, b: Point): readonly [LabelSide, LabelSide] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const lane = { x: -dy / length, y: dx / length, clearance: LABEL_CLEARANCE };
  const across = { x: -lane.x, y: -lane.y, clearance: LABEL_CLEARANCE + 2 * LANE_OFFSET };
  const mx = (a.x + b.x) / 2 - STAGE_SIZE / 2;
  const my = (a.y + b.y) / 2 - STAGE_SIZE / 2;
  return Math.hypot(mx, my) < CENTRE_LINKS || lane.x * mx + lane.y * my >= 0 ? [lane, across] : [across, lane];
}

/**
 * The side of the link from `a` to `b` that a flight's `width`×`height` label goes on: the
 * preferred one (see `linkSides`), unless the drawing's edge would push the label back even
 * halfway along the link (a wide label on a link near the edge) and the other side has room.
 * Decided once per flight and label size, so a label does not jump sides mid-flight; near a
 * node an edge may still push it back, over the other lane (see `placeLabel`).
 */
export function labelSide(a: Point, b: Point, width: number, height: number): LabelSide {
  const [side, other] = linkSides(a, b);
  const middle = pointOnLink(a, b, 0.5);
  return !labelFits(middle, side, width, height) && labelFits(middle, other, width, height) ? other : side;
}

/**
 * Where the centre of a `width`×`height` label goes for a dot at `dot`: just beyond the dot
 * on `side`, but never past the drawing's edges. Where an edge pushes the label back over its
 * dot, the label slides off the dot along the other axis, in the side's own direction, so it
 * moves without jumps and the dot stays in view.
 */
export function placeLabel(dot: Point, side: LabelSide, width: number, height: number): Point {
  const halfW = width / 2;
  const halfH = height / 2;
  const { x, y } = beside(dot, side, width, height);
  const cx = clampLabel(x, width);
  const cy = clampLabel(y, height);
  // How far into the dot's clearance each edge pushed the label (only a clamped axis pushes).
  const intoX = cx === x ? 0 : halfW + LABEL_CLEARANCE - Math.abs(cx - dot.x);
  const intoY = cy === y ? 0 : halfH + LABEL_CLEARANCE - Math.abs(cy - dot.y);
  if (intoX > 0) return { x: cx, y: slideOff(dot.y, cy, side.y, halfH, intoX, height) };
  if (intoY > 0) return { x: slideOff(dot.x, cx, side.x, halfW, intoY, width), y: cy };
  return { x: cx, y: cy };
}

/** True iff a label placed on `side` of a dot at `dot` lies whole inside the drawing, with no edge pushing it. */
export function labelFits(dot: Point, side: LabelSide, width: number, height: number): boolean {
  const { x, y } = beside(dot, side, width, height);
  return clampLabel(x, width) === x && clampLabel(y, height) === y;
}

/** The centre of a `width`×`height` label just beyond a dot at `dot` on `side`, before any edge pushes it. */
function beside(dot: Point, side: LabelSide, width: number, height: number): Point {
  const reach = side.clearance + (Math.abs(side.x) * width) / 2 + (Math.abs(side.y) * height) / 2;
  return { x: dot.x + side.x * reach, y: dot.y + side.y * reach };
}

/** Moves a label's centre along one axis away from the dot, to full clearance once pushed LABEL_SLIDE in. */
function slideOff(dot: number, centre: number, direction: number, half: number, pushed: number, extent: number): number {
  const way = direction < 0 ? -1 : 1;
  const clear = (half + LABEL_CLEARANCE) * Math.min(1, pushed / LABEL_SLIDE);
  return clampLabel(dot + way * Math.max(way * (centre - dot), clear), extent);
}

/** Keeps a label's centre coordinate so the label of that extent stays inside the drawing. */
function clampLabel(centre: number, extent: number): number {
  const low = LABEL_MARGIN + extent / 2;
  const high = STAGE_SIZE - LABEL_MARGIN - extent / 2;
  return low > high ? STAGE_SIZE / 2 : Math.min(high, Math.max(low, centre));
}

/** Where a flight is drawn: by virtual time while flying, near the receiver when parked, near the sender when held. */
export function flightProgress(status: 'flying' | 'parked' | 'held', sentAt: number, arriveAt: number, now: number): number {
  if (status === 'parked') return 0.84;
  if (status === 'held') return 0.16;
  const span = arriveAt - sentAt;
  return span <= 0 ? 1 : (now - sentAt) / span;
}
