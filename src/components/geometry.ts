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

/** Where a flight's label goes: beside its lane, on the side away from the link, so labels leaving one node fan out. */
export function labelPlacement(a: Point, b: Point): { dx: number; dy: number; anchor: 'start' | 'middle' | 'end' } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  const anchor = nx > 0.35 ? 'start' : nx < -0.35 ? 'end' : 'middle';
  return { dx: nx * 12, dy: ny * 12 + 4, anchor };
}

/** Where a flight is drawn: by virtual time while flying, near the receiver when parked, near the sender when held. */
export function flightProgress(status: 'flying' | 'parked' | 'held', sentAt: number, arriveAt: number, now: number): number {
  if (status === 'parked') return 0.84;
  if (status === 'held') return 0.16;
  const span = arriveAt - sentAt;
  return span <= 0 ? 1 : (now - sentAt) / span;
}
