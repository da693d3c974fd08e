import { useEffect, type MouseEvent, type RefObject } from 'react';
import { STAGE_SIZE, type Point } from './geometry.ts';
import type { FlightMotionHandle } from './useFlightMotion.ts';

/**
 * The canvas the crowd of flight dots is painted on, filling the network view's drawing under
 * the flights' controls. It is decoration for pointer and screen reader alike: the controls
 * stay in the drawing, and clicks go through it (see `pickCrowdDot`).
 */
export function CrowdCanvas({ attach }: { attach: FlightMotionHandle['attachCanvas'] }) {
  return (
    <foreignObject x={0} y={0} width={STAGE_SIZE} height={STAGE_SIZE} className="flight-crowd" aria-hidden="true">
      <canvas ref={attach} data-testid="flight-crowd" />
    </foreignObject>
  );
}

/** Keeps `motion` told how many device pixels one SVG unit of `svg` covers, as its size on screen changes. */
export function usePixelsPerUnit(svg: RefObject<SVGSVGElement | null>, motion: FlightMotionHandle): void {
  useEffect(() => {
    const element = svg.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      motion.setPixelsPerUnit((Math.min(width, height) / STAGE_SIZE) * (window.devicePixelRatio || 1));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [svg, motion]);
}

/** Converts a pointer position to the drawing's units (its 400×400 box is centred and fitted, as SVG's default does). */
function toStage(svg: SVGSVGElement, clientX: number, clientY: number): Point | undefined {
  const box = svg.getBoundingClientRect();
  const scale = Math.min(box.width, box.height) / STAGE_SIZE;
  if (!(scale > 0)) return undefined;
  return {
    x: (clientX - box.left - (box.width - STAGE_SIZE * scale) / 2) / scale,
    y: (clientY - box.top - (box.height - STAGE_SIZE * scale) / 2) / scale,
  };
}

/**
 * Handles a click on the drawing before the links see it: over a painted crowd dot it picks
 * that flight, as clicking its SVG dot would, and the link under the dot is left alone.
 * Clicks on a shown flight control are left to the control.
 */
export function pickCrowdDot(event: MouseEvent<SVGSVGElement>, motion: FlightMotionHandle, pick: (id: number, messageId: string) => void): void {
  if (event.target instanceof Element && event.target.closest('.flight')) return;
  const point = toStage(event.currentTarget, event.clientX, event.clientY);
  const flight = point && motion.pick(point);
  if (!flight) return;
  event.stopPropagation();
  pick(flight.id, flight.message.id);
}
