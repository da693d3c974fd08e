import { useEffect, useMemo, type RefObject } from 'react';
import type { FlightView } from '../sim/view.ts';
import { useSimulation } from '../store/context.tsx';
import type { SimulationStore } from '../store/simulation-store.ts';
import { paintDots, pickDot, type PlacedDot } from './flight-canvas.ts';
import { flightProgress, labelSide, placeLabel, pointOnLink, STAGE_SIZE, type LabelSide, type Point } from './geometry.ts';

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
 * Above this many flights nobody follows a single dot, so dots appear and go without fading
 * (an opacity animation anywhere in the drawing makes Chromium re-layerize every dot each
 * frame), and the crowd is painted on one canvas: moving K SVG groups a frame costs K style
 * recalculations, K transformed layouts and K repaints, which at 200 flights already fills a
 * frame on a 2-core laptop. Each flight keeps its focusable control, drawn and moved only
 * while it is focused or selected.
 */
export const CROWDED_FLIGHTS = 100;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
/** A label's size in font sizes: per character of a monospace font (0.6 em, a little over), and its height. */
export const LABEL_EM_PER_CHAR = 0.62;
export const LABEL_EM_HIGH = 1.1;
/** The labels' font size when the page's style gives none (as in tests without the stylesheet). */
const LABEL_PX = 13;

/** Registers a dot's element for its flight; returns the function that unregisters it. */
export type AttachFlight = (element: SVGGElement, flight: FlightView, from: Point, to: Point) => () => void;

/** What the network view needs from the code that moves its dots. */
export interface FlightMotionHandle {
  readonly attach: AttachFlight;
  /** Takes the canvas the crowd is painted on (null when it goes). */
  readonly attachCanvas: (canvas: HTMLCanvasElement | null) => void;
  /** Sets how many device pixels one SVG unit covers, as the drawing's size on screen says. */
  setPixelsPerUnit(pixels: number): void;
  /** Moves a dot's control to where its flight is now, when it gets focus. */
  placeElement(element: Element): void;
  /** The flight whose crowd dot is under `point` (SVG units) now, if any. */
  pick(point: Point): FlightView | undefined;
}

interface Placed {
  readonly element: SVGGElement;
  readonly flight: FlightView;
  readonly from: Point;
  readonly to: Point;
  /** The transform last written, so an unchanged one is not written again. */
  transform: string;
  /** The dot's label, its length in characters, its side of the link (for the labels' font size) and the position last written. */
  readonly label: SVGTextElement | null;
  readonly chars: number;
  side: LabelSide;
  labelAt: string;
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

/**
 * A duplicate copy's label side: its original's, one label further out across a flat link. Stopped
 * just behind its original, the copy is beside it along the link, and on a level link their
 * labels, side by side, read "A1 [1,0,0]" over "A1 [1,0,0] (copy)"; on a steeper link the dots'
 * own offset already keeps the labels apart.
 */
export function copySide(side: LabelSide, height: number): LabelSide {
  return { ...side, clearance: side.clearance + Math.abs(side.y) * (height + 2) };
}

/** A label's font size in SVG units, as the page's style sets it. */
function readLabelPx(label: SVGTextElement): number {
  const px = Number.parseFloat(getComputedStyle(label).fontSize);
  return px > 0 ? px : LABEL_PX;
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
class FlightMotion implements FlightMotionHandle {
  private readonly placed = new Map<number, Placed>();
  private readonly byElement = new WeakMap<Element, Placed>();
  /** With reduced motion a dot moves in quarter-way hops instead of sweeping along its link. */
  private hops = false;
  /** True while more than CROWDED_FLIGHTS flights are shown: the crowd is painted on `canvas`. */
  private crowded = false;
  private canvas: HTMLCanvasElement | null = null;
  private pixelsPerUnit = 1;
  /** The held dots' fill, read from the page's theme when the canvas arrives and when the theme changes. */
  private heldFill = '#fff';
  /** A paint requested for the next frame (new or finished flights while nothing else repaints). */
  private paintFrame: number | undefined;
  /** The labels' font size in SVG units, read from the page's style (0 until the first label is read). */
  private labelPx = 0;
  /** Whether presenter mode, whose labels are larger, was on when the labels were last placed. */
  private presenter: boolean | undefined;

  constructor(
    private readonly store: SimulationStore,
    private readonly exitLayer: RefObject<SVGGElement | null>,
  ) {
    this.crowded = store.getState().view.flights.length > CROWDED_FLIGHTS;
  }

  readonly attach: AttachFlight = (element, flight, from, to) => {
    const label = element.querySelector<SVGTextElement>('.flight-label');
    if (label && this.labelPx === 0) this.labelPx = readLabelPx(label);
    const chars = label?.textContent?.length ?? 0;
    const entry: Placed = { element, flight, from, to, transform: '', label, chars, side: this.labelSideOf(from, to, chars, flight.duplicate), labelAt: '' };
    this.placed.set(flight.id, entry);
    this.byElement.set(element, entry);
    this.move(entry, this.store.getState().now);
    this.requestPaint();
    return () => {
      if (this.placed.get(flight.id) === entry) this.placed.delete(flight.id);
    };
  };

  readonly attachCanvas = (canvas: HTMLCanvasElement | null): void => {
    this.canvas = canvas;
    this.readTheme();
  };

  /** Takes the held dots' fill from the page's theme and repaints the crowd with it. */
  readTheme(): void {
    if (!this.canvas) return;
    const fill = getComputedStyle(this.canvas).getPropertyValue('--surface').trim();
    if (fill !== '') this.heldFill = fill;
    this.paint(this.store.getState().now);
  }

  setPixelsPerUnit(pixels: number): void {
    if (!(pixels > 0) || pixels === this.pixelsPerUnit) return;
    this.pixelsPerUnit = pixels;
    this.requestPaint();
  }

  placeElement(element: Element): void {
    const entry = this.byElement.get(element);
    if (entry) this.move(entry, this.store.getState().now);
  }

  pick(point: Point): FlightView | undefined {
    return this.crowded ? pickDot(this.placeDots(this.store.getState().now), point) : undefined;
  }

  /** After presenter mode was switched on or off, reads the labels' font size again and places every label for it. */
  relabel(presenter: boolean): void {
    if (presenter === this.presenter) return;
    this.presenter = presenter;
    this.labelPx = 0;
    const [first] = this.placed.values();
    if (!first?.label) return;
    this.labelPx = readLabelPx(first.label);
    for (const entry of this.placed.values()) {
      entry.side = this.labelSideOf(entry.from, entry.to, entry.chars, entry.flight.duplicate);
      entry.transform = '';
    }
    this.moveAll(this.store.getState().now, true);
  }

  /** The side of its link a label of `chars` characters goes on, at the labels' font size. */
  private labelSideOf(from: Point, to: Point, chars: number, duplicate: boolean): LabelSide {
    const { width, height } = this.labelSize(chars);
    return duplicate ? copySide(labelSide(from, to, width, height), height) : labelSide(from, to, width, height);
  }

  /** A label's size in SVG units, estimated from its length and the labels' font size. */
  private labelSize(chars: number): { width: number; height: number } {
    return { width: chars * LABEL_EM_PER_CHAR * this.labelPx, height: LABEL_EM_HIGH * this.labelPx };
  }

  /** Moves the control of the selected flight, which the crowd's canvas does not replace. */
  follow(id: number | undefined): void {
    const entry = id === undefined ? undefined : this.placed.get(id);
    if (entry) this.move(entry, this.store.getState().now);
  }

  /** Switches quarter-way hops on or off and puts every dot where that says. */
  setHops(hops: boolean): void {
    this.hops = hops;
    this.moveAll(this.store.getState().now, true);
    this.requestPaint();
  }

  /** Moves every flying dot to virtual time `nowMs` (every dot when `all`); when crowded, repaints the canvas instead. */
  moveAll(nowMs: number, all = false): void {
    if (this.crowded && !all) {
      this.follow(this.store.getState().selectedFlight);
      const focused = document.activeElement;
      if (focused) this.placeElement(focused);
      this.paint(nowMs);
      return;
    }
    for (const entry of this.placed.values()) if (all || entry.flight.status === 'flying') this.move(entry, nowMs);
  }

  /** Fades out the dots of flights no longer in `flights` (unless crowded), before React removes them. */
  retire(flights: readonly FlightView[]): void {
    const present = new Set<number>();
    for (const flight of flights) present.add(flight.id);
    const crowded = flights.length > CROWDED_FLIGHTS;
    const layer = crowded || this.crowded ? null : this.exitLayer.current;
    for (const [id, entry] of this.placed) {
      if (present.has(id)) continue;
      fadeOut(entry.element, layer);
      this.placed.delete(id);
    }
    if (crowded === this.crowded) return this.requestPaint();
    this.crowded = crowded;
    if (!crowded) this.moveAll(this.store.getState().now, true);
  }

  /** Stops a requested paint (the view is going). */
  dispose(): void {
    if (this.paintFrame !== undefined) cancelAnimationFrame(this.paintFrame);
    this.paintFrame = undefined;
  }

  /** Where every dot is at virtual time `nowMs`. */
  private placeDots(nowMs: number): PlacedDot[] {
    const dots: PlacedDot[] = [];
    for (const { flight, from, to } of this.placed.values()) dots.push({ flight, at: placeFlight(flight, from, to, nowMs, this.hops) });
    return dots;
  }

  /** Paints the crowd at virtual time `nowMs` on the canvas, sized to the drawing's pixels. */
  private paint(nowMs: number): void {
    this.dispose();
    const canvas = this.canvas;
    const context = this.crowded ? canvas?.getContext('2d') : undefined;
    if (!canvas || !context) return;
    const side = Math.round(STAGE_SIZE * this.pixelsPerUnit);
    if (canvas.width !== side) canvas.width = side;
    if (canvas.height !== side) canvas.height = side;
    paintDots(context, side / STAGE_SIZE, this.placeDots(nowMs), this.heldFill);
  }

  /** Paints on the next frame unless something paints before it: dots came or went while time may stand still. */
  private requestPaint(): void {
    if (!this.crowded || this.paintFrame !== undefined || typeof requestAnimationFrame !== 'function') return;
    this.paintFrame = requestAnimationFrame(() => {
      this.paintFrame = undefined;
      this.paint(this.store.getState().now);
    });
  }

  private move(entry: Placed, nowMs: number): void {
    const at = placeFlight(entry.flight, entry.from, entry.to, nowMs, this.hops);
    const x = Math.round(at.x / STEP_UNITS) * STEP_UNITS;
    const y = Math.round(at.y / STEP_UNITS) * STEP_UNITS;
    const transform = `translate(${x} ${y})`;
    if (transform === entry.transform) return;
    entry.transform = transform;
    entry.element.setAttribute('transform', transform);
    if (entry.label) this.moveLabel(entry, entry.label, { x, y });
  }

  /** Puts a dot's label beside it and inside the drawing, relative to the dot at `dot`. */
  private moveLabel(entry: Placed, label: SVGTextElement, dot: Point): void {
    const { width, height } = this.labelSize(entry.chars);
    const centre = placeLabel(dot, entry.side, width, height);
    const dx = Math.round((centre.x - dot.x) / STEP_UNITS) * STEP_UNITS;
    const dy = Math.round((centre.y - dot.y) / STEP_UNITS) * STEP_UNITS;
    const labelAt = `${dx} ${dy}`;
    if (labelAt === entry.labelAt) return;
    entry.labelAt = labelAt;
    label.setAttribute('x', String(dx));
    label.setAttribute('y', String(dy));
  }
}

/**
 * Moves the flight dots outside React. Each dot registers its element through the returned
 * `attach`; every change of the store's virtual time rewrites the `transform` of the flying
 * ones, so animating K flights costs K attribute writes a frame (two more for a label an edge
 * is pushing aside) and no renders, or, above
 * CROWDED_FLIGHTS, one canvas paint and the moves of the focused and selected controls. Dots
 * of flights that leave the store's view fade out as copies in `exitLayer`.
 */
export function useFlightMotion(store: SimulationStore, exitLayer: RefObject<SVGGElement | null>): FlightMotionHandle {
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
        if (state.selectedFlight !== previous.selectedFlight) motion.follow(state.selectedFlight);
        if (state.now !== previous.now) motion.moveAll(state.now);
      }),
    [motion, store],
  );
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const themes = new MutationObserver(() => motion.readTheme());
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => themes.disconnect();
  }, [motion]);
  useEffect(() => () => motion.dispose(), [motion]);
  const presenter = useSimulation((s) => s.presenter);
  useEffect(() => motion.relabel(presenter), [motion, presenter]);

  return motion;
}
