import { useEffect, useMemo, type RefObject } from 'react';
import type { FlightView } from '../sim/view.ts';
import type { SimulationStore } from '../store/simulation-store.ts';
import { flightProgress, pointOnLink, type Point } from './geometry.ts';

/** Clip the progress so a dot sits just outside the node circles at both ends. */
const EDGE = 0.1;
/** A stopped duplicate waits this far behind its original, so both can be seen and picked. */
const BEHIND = 0.14;
/** How long a dot takes to fade out once its flight is over, in ms. */
const EXIT_MS = 300;
/**
 * Positions are written in steps of this many SVG units: under half a pixel even in presenter
 * mode (the 400-unit drawing is at most about 375 px tall there), so motion looks the same, but
 * a slow dot is restyled and repainted only on the frames where it visibly moves.
 */
const STEP_UNITS = 0.5;
/** Most dots fading at once; beyond it (a reset, a seek) finished dots simply go, keeping the work bounded. */
const MAX_FADING = 64;
/**
 * Above this many flights nobody follows a single dot, so dots appear and go without fading:
 * an opacity animation anywhere in the drawing makes Chromium re-layerize every dot each
 * frame, which at a thousand flights costs more than moving them.
 */
export const CROWDED_FLIGHTS = 100;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Registers a dot's element for its flight; returns the function that unregisters it. */
export type AttachFlight = (element: SVGGElement, flight: FlightView, from: Point, to: Point) => () => void;

interface Placed {
  readonly element: SVGGElement;
  readonly flight: FlightView;
  readonly from: Point;
  readonly to: Point;
  /** The transform last written, so an unchanged one is not written again. */
  transform: string;
}

/**
 * Where a flight's dot is drawn at virtual time `nowMs`: by its send and arrival times while
 * flying (in quarter-way hops when `hops`), near an end when stopped.
 */
export function placeFlight(flight: FlightView, from: Point, to: Point, nowMs: number, hops: boolean): Point {
  const { status } = flight;
  let progress = flightProgress(status, flight.sentAt, flight.arriveAt, nowMs);
  if (hops && status === 'flying') progress = Math.floor(Math.min(1, Math.max(0, progress)) * 4) / 4;
  const behind = flight.duplicate && status !== 'flying' ? BEHIND : 0;
  return pointOnLink(from, to, EDGE + (1 - 2 * EDGE) * (progress - behind));
}

/** Leaves a fading copy of a finished flight's dot in `layer`: seen, but no longer a control. */
function fadeOut(element: SVGGElement, layer: SVGGElement | null): void {
  if (!layer || typeof element.animate !== 'function' || layer.childElementCount >= MAX_FADING) return;
  const ghost = element.cloneNode(true) as SVGGElement;
  for (const name of ['role', 'tabindex', 'aria-label', 'aria-pressed']) ghost.removeAttribute(name);
  ghost.setAttribute('data-testid', 'flight-leaving');
  layer.append(ghost);
  const animation = ghost.animate([{ opacity: 1 }, { opacity: 0 }], { duration: EXIT_MS, easing: 'ease-out' });
  const remove = (): void => ghost.remove();
  animation.addEventListener('finish', remove);
  animation.addEventListener('cancel', remove);
}

/** The dots on screen, by flight id, and how to move them. */
class FlightMotion {
  private readonly placed = new Map<number, Placed>();
  /** With reduced motion a dot moves in quarter-way hops instead of sweeping along its link. */
  private hops = false;

  constructor(
    private readonly store: SimulationStore,
    private readonly exitLayer: RefObject<SVGGElement | null>,
  ) {}

  readonly attach: AttachFlight = (element, flight, from, to) => {
    const entry: Placed = { element, flight, from, to, transform: '' };
    this.placed.set(flight.id, entry);
    this.move(entry, this.store.getState().now);
    return () => {
      if (this.placed.get(flight.id) === entry) this.placed.delete(flight.id);
    };
  };

  /** Switches quarter-way hops on or off and puts every dot where that says. */
  setHops(hops: boolean): void {
    this.hops = hops;
    this.moveAll(this.store.getState().now, true);
  }

  /** Moves every flying dot to virtual time `nowMs` (every dot when `all`). */
  moveAll(nowMs: number, all = false): void {
    for (const entry of this.placed.values()) if (all || entry.flight.status === 'flying') this.move(entry, nowMs);
  }

  /** Fades out the dots of flights no longer in `flights` (unless crowded), before React removes them. */
  retire(flights: readonly FlightView[]): void {
    const present = new Set<number>();
    for (const flight of flights) present.add(flight.id);
    const layer = flights.length > CROWDED_FLIGHTS ? null : this.exitLayer.current;
    for (const [id, entry] of this.placed) {
      if (present.has(id)) continue;
      fadeOut(entry.element, layer);
      this.placed.delete(id);
    }
  }

  private move(entry: Placed, nowMs: number): void {
    const { x, y } = placeFlight(entry.flight, entry.from, entry.to, nowMs, this.hops);
    const transform = `translate(${Math.round(x / STEP_UNITS) * STEP_UNITS} ${Math.round(y / STEP_UNITS) * STEP_UNITS})`;
    if (transform === entry.transform) return;
    entry.transform = transform;
    entry.element.setAttribute('transform', transform);
  }
}

/**
 * Moves the flight dots outside React. Each dot registers its element through the returned
 * `attach`; every change of the store's virtual time rewrites the `transform` of the flying
 * ones, so animating K flights costs K attribute writes a frame and no renders. Dots of
 * flights that leave the store's view fade out as copies in `exitLayer`.
 */
export function useFlightMotion(store: SimulationStore, exitLayer: RefObject<SVGGElement | null>): AttachFlight {
  const motion = useMemo(() => new FlightMotion(store, exitLayer), [store, exitLayer]);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(REDUCED_MOTION);
    const follow = (): void => motion.setHops(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [motion]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.view.flights !== previous.view.flights) motion.retire(state.view.flights);
        if (state.now !== previous.now) motion.moveAll(state.now);
      }),
    [motion, store],
  );

  return motion.attach;
}
