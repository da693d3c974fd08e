import type { FlightView } from '../sim/view.ts';
import type { Point } from './geometry.ts';
import { nodeColor } from './palette.ts';

/** A flight and where its dot is drawn now, in the network view's SVG units. */
export interface PlacedDot {
  readonly flight: FlightView;
  readonly at: Point;
}

/** Radius of a message dot and half the side of a control square, in SVG units (FlightDot draws them too). */
export const DOT_RADIUS = 7;
export const CONTROL_HALF = 5;
const OUTLINE = '#111';
const OUTLINE_WIDTH = 1.5;
/** A pointer this close to a dot's centre picks it, as FlightDot's hit circle does, in SVG units. */
export const PICK_RADIUS = 12;

/**
 * Paints `dots` the way FlightDot draws them (without labels) on a canvas whose units are
 * `scale` device pixels per SVG unit. Flying message dots are batched into one path per
 * sender colour, so a thousand dots cost a handful of fills and strokes, not a thousand.
 */
export function paintDots(context: CanvasRenderingContext2D, scale: number, dots: readonly PlacedDot[], heldFill: string): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.lineWidth = OUTLINE_WIDTH;
  context.strokeStyle = OUTLINE;
  const bySender = new Map<number, Point[]>();
  for (const { flight, at } of dots) {
    if (flight.control || flight.status !== 'flying') paintSingle(context, flight, at, heldFill);
    else {
      const group = bySender.get(flight.message.sender);
      if (group) group.push(at);
      else bySender.set(flight.message.sender, [at]);
    }
  }
  for (const [sender, points] of bySender) {
    context.beginPath();
    for (const { x, y } of points) {
      context.moveTo(x + DOT_RADIUS, y);
      context.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
    }
    context.fillStyle = nodeColor(sender);
    context.fill();
    context.stroke();
  }
}

/** Paints a control square, or a parked (dashed outline) or held (hollow) message dot. */
function paintSingle(context: CanvasRenderingContext2D, flight: FlightView, { x, y }: Point, heldFill: string): void {
  context.beginPath();
  if (flight.control) context.rect(x - CONTROL_HALF, y - CONTROL_HALF, 2 * CONTROL_HALF, 2 * CONTROL_HALF);
  else context.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
  context.fillStyle = flight.control ? '#fff' : flight.status === 'held' ? heldFill : nodeColor(flight.message.sender);
  context.setLineDash(flight.status === 'parked' ? [3, 2] : []);
  context.fill();
  context.stroke();
  context.setLineDash([]);
}

/** Returns the flight whose dot is nearest to `point` within PICK_RADIUS, the topmost (last drawn) on a tie. */
export function pickDot(dots: readonly PlacedDot[], point: Point): FlightView | undefined {
  let best: FlightView | undefined;
  let bestDistance = PICK_RADIUS;
  for (const { flight, at } of dots) {
    const distance = Math.hypot(at.x - point.x, at.y - point.y);
    if (distance <= bestDistance) {
      best = flight;
      bestDistance = distance;
    }
  }
  return best;
}
