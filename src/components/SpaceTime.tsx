import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useSimulation } from '../store/context.tsx';
import { DiagramDots, DiagramFlights, DiagramLines, placeLabels, xAt, yAt } from './DiagramMarks.tsx';
import { nodeColor } from './palette.ts';
import { DEFAULT_SPAN_MS, diagramOf, latestOf, liveFrom, settledBefore } from './spacetime-model.ts';
import { useCausalMarks } from './useCausalMarks.ts';
import { downloadPng, downloadSvg, joinLayers } from './download.ts';

/**
 * Sizes that grow in presenter mode, for the back of a lecture hall: each node's badge (radius
 * and letter) left of its line, where the line starts, the send labels' font, and the room
 * above the first line, which holds a label above it in that font (with six to eight nodes,
 * the one slot a line has; A's sends had no label in presenter mode).
 */
const SIZES = {
  normal: { radiusPx: 9, namePx: 13, leftPx: 30, labelPx: 10, topPx: 16 },
  presenter: { radiusPx: 12, namePx: 17, leftPx: 38, labelPx: 14, topPx: 23 },
} as const;
const RIGHT_PX = 12;
/** The plot is clipped this far left of its first line, so a dot at the window's start shows whole. */
const PLOT_MARGIN_PX = 6;
/** How many window widths the marks' origin stays put while the window moves. */
const ORIGIN_STEP_WINDOWS = 100;
/** The settled part of the diagram is redrawn when the window has moved by this fraction of its width. */
const SLICES_PER_WINDOW = 4;
/** A press becomes a drag of the window once it has moved this far sideways (by touch, also more sideways than up or down). */
const DRAG_START_PX = 6;
const MIN_SPAN_MS = 1_000;
const MAX_SPAN_MS = 600_000;
/** A young run's window starts this wide and grows by this factor while it is narrower than RUN_ROOM × now. */
const YOUNG_SPAN_MS = 3 * MIN_SPAN_MS;
const YOUNG_GROWTH = 1.25;
const RUN_ROOM = 1.15;

/**
 * The window's width while it follows a run without a zoom: it grows with a young run, so early
 * events are not squeezed to the left, to the smallest of 3 s, 3.75 s, 4.7 s, … that is at
 * least RUN_ROOM × `nowMs`, and at most `capMs`. It grows in steps, not with every frame, so
 * marks stay put in between (and are not all redrawn).
 */
function followedSpanMs(nowMs: number, capMs: number): number {
  let spanMs = YOUNG_SPAN_MS;
  while (spanMs < nowMs * RUN_ROOM && spanMs < capMs) spanMs *= YOUNG_GROWTH;
  return Math.min(spanMs, capMs);
}

/**
 * Kept inside the base SVG so an exported file looks like the page; on the page an inline
 * style applies to the whole document, so the plot's layers get it too. Colours come from the
 * theme's variables, and a file, which has none, gets the light theme's. Marks differ by shape
 * and pattern as well as colour: past is solid and thick, future dashed, concurrent faded.
 */
const DIAGRAM_CSS = `
.st-svg .st-bg{fill:var(--panel,#fff)}
.st-svg .st-row{stroke:var(--control-border,#8c959f);stroke-width:1.5}
.st-svg .st-name{font-weight:700;font-family:system-ui,sans-serif;fill:#111}
.st-svg .st-now{stroke:var(--accent,#0b5cad);stroke-width:1.5;stroke-dasharray:4 3}
.st-svg .st-arrow{stroke:var(--muted-strong,#57606a);stroke-width:1.2}
.st-svg .st-head{fill:var(--muted-strong,#57606a)}
.st-svg .st-arrow.lost{stroke:var(--danger,#b42318);stroke-dasharray:3 3}
.st-svg .st-flying{stroke-dasharray:6 4;opacity:.6}
.st-svg .st-wait{stroke:var(--wait,#c9a227);stroke-width:5;stroke-dasharray:2 2;stroke-linecap:butt}
.st-svg .st-label{font-weight:600;font-family:ui-monospace,monospace;fill:var(--strong,#111);paint-order:stroke;stroke:var(--panel,#fff);stroke-width:3px}
.st-svg .st-ev{cursor:pointer;stroke:var(--strong,#111);stroke-width:1.2}
.st-svg .st-ev.receive{fill:var(--panel,#fff)}
.st-svg .st-ev.drop{stroke:var(--danger,#b42318);stroke-width:2}
.st-svg .past{stroke:var(--past-line,#1d4ed8)!important;stroke-width:2.5!important}
.st-svg .future{stroke:var(--future-line,#c2410c)!important;stroke-width:2.5!important;stroke-dasharray:5 3}
.st-svg .concurrent{opacity:.35}
.st-svg .selected{stroke:var(--strong,#111)!important;stroke-width:3.5!important}
.st-svg .st-label.label-past{fill:var(--past-ink,#1e3a8a)}
.st-svg .st-label.label-future{fill:var(--future-ink,#7c2d12)}
.st-svg .st-label.label-concurrent{opacity:.45}
`;

/** Lamport's space-time diagram of the run: one line per node, arrows for messages, buffered waits in gold. */
export function SpaceTime() {
  const trace = useSimulation((s) => s.trace);
  const traceLength = useSimulation((s) => s.traceLength);
  const names = useSimulation((s) => s.view.names);
  const flights = useSimulation((s) => s.view.flights);
  const now = useSimulation((s) => Math.ceil(s.now / 50) * 50);
  /** The engine's clock: nothing it has passed can change any more. */
  const engineNow = useSimulation((s) => s.view.now);
  const selectMessage = useSimulation((s) => s.actions.selectMessage);
  const presenter = useSimulation((s) => s.presenter);
  const marks = useCausalMarks();
  const box = useRef<HTMLElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 600, height: 150 });
  /** The width the user zoomed to, if they did. */
  const [zoomMs, setZoomMs] = useState<number | undefined>();
  /** Where the window stays, and how wide, once dragged or panned away from now. */
  const [pinned, setPinned] = useState<{ readonly end: number; readonly spanMs: number } | undefined>();
  /** A new run starts with the default window: following now, not zoomed. */
  const runSerial = useSimulation((s) => s.runSerial);
  const [windowRun, setWindowRun] = useState(runSerial);
  if (windowRun !== runSerial) {
    setWindowRun(runSerial);
    setZoomMs(undefined);
    setPinned(undefined);
  }
  /**
   * A press on the plot, by one pointer: where it started, the window before it, and once it has
   * become a drag (a sideways move of DRAG_START_PX or more; by touch, a mostly vertical move is a
   * finger scrolling the page instead), the window as it was when the drag began.
   */
  const drag = useRef<
    | {
        pointerId: number;
        x: number;
        y: number;
        before: typeof pinned;
        run: number;
        from: { end: number; spanMs: number; msPerPx: number } | undefined;
      }
    | undefined
  >(undefined);

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.max(200, entry.contentRect.width), height: Math.max(80, entry.contentRect.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const { width, height } = size;
  const shownMs = pinned?.spanMs ?? zoomMs ?? followedSpanMs(now, DEFAULT_SPAN_MS);
  const end = pinned?.end ?? Math.max(shownMs, now + shownMs * 0.08);
  const start = end - shownMs;
  const sizes = presenter ? SIZES.presenter : SIZES.normal;
  const { leftPx, labelPx, topPx } = sizes;
  const pxPerMs = (width - leftPx - RIGHT_PX) / shownMs;
  /**
   * Marks are placed from an origin that moves only every `ORIGIN_STEP_WINDOWS` windows, inside
   * layers shifted to the window: following "now" changes their shifts, not every mark's
   * position, so the browser does not lay the diagram out again on each frame.
   */
  const originMs = Math.floor(start / (ORIGIN_STEP_WINDOWS * shownMs)) * ORIGIN_STEP_WINDOWS * shownMs;
  const shiftPx = leftPx + (originMs - start) * pxPerMs;
  const rowGapPx = (height - topPx - 14) / Math.max(1, names.length - 1 || 1);
  const place = useMemo(
    () => ({ originMs, pxPerMs, topPx, rowGapPx, heightPx: height, labelPx, names, marks }),
    [originMs, pxPerMs, topPx, rowGapPx, height, labelPx, names, marks],
  );
  const y = (node: number): number => yAt(place, node);
  const pick = useCallback((msg: string, add: boolean): void => selectMessage(msg, add ? 'add' : 'toggle'), [selectMessage]);
  /**
   * Only what overlaps the window is read from the run and drawn, however long the run. What the
   * engine's clock has passed (up to a slice boundary) is one memoised layer, redrawn only when the
   * window moves by a slice; each frame redraws just the live part after it.
   */
  const diagram = diagramOf(trace, traceLength, names);
  const sliceMs = shownMs / SLICES_PER_WINDOW;
  const fromMs = Math.floor((start - 50) / sliceMs) * sliceMs;
  const toMs = end + 50;
  const settledMs = Math.min(toMs, Math.max(fromMs, Math.floor(engineNow / sliceMs) * sliceMs));
  const settled = useMemo(() => latestOf(settledBefore(diagram.window(fromMs, settledMs, settledMs), settledMs)), [diagram, fromMs, settledMs]);
  const settledLabels = useMemo(() => placeLabels(settled, place, diagram.sent), [settled, place, diagram.sent]);
  const live = latestOf(liveFrom(diagram.window(settledMs, toMs, now), settledMs));
  const hidden = (settled.hidden ?? 0) + (live.hidden ?? 0);
  const liveLabels = placeLabels(live, place, diagram.sent, settledLabels.after);
  const nowX = xAt(place, now);

  /**
   * The plot is four layers over the lines and names, in the order marks have always been drawn:
   * settled lines, live lines and the now line, settled dots, live dots. Settled layers are
   * painted once per slice and then only moved (composited, shifted by a CSS transform); live
   * ones are repainted as they change. All are shifted by whole pixels so they stay aligned.
   */
  const plotLeftPx = leftPx - PLOT_MARGIN_PX;
  const plotWidthPx = width - plotLeftPx;
  const layerShiftPx = Math.round(shiftPx) - plotLeftPx;
  const settledInnerPx = Math.round((originMs - fromMs) * pxPerMs);
  const settledShiftPx = layerShiftPx - settledInnerPx;
  /** A settled layer's box holds its dots: they lie between `fromMs` and at most a slice past the window. */
  const settledWidthPx = Math.ceil((shownMs + sliceMs + 100) * pxPerMs) + 2 * PLOT_MARGIN_PX;
  /** Where each kind of layer sits in the plot. */
  const frames = {
    settled: { settled: true, widthPx: settledWidthPx, heightPx: height, shiftPx: settledShiftPx, innerPx: settledInnerPx },
    live: { settled: false, widthPx: plotWidthPx, heightPx: height, shiftPx: 0, innerPx: layerShiftPx },
  };
  /**
   * The diagram as one SVG file, as the page shows it: every layer's marks in their order on the
   * page. Each layer's shift and its marks' inner shift add up to the same place for all of them.
   */
  const joined = (): SVGSVGElement | undefined =>
    svg.current && plot.current
      ? joinLayers(svg.current, { x: plotLeftPx, width: plotWidthPx, height }, plot.current.querySelectorAll(':scope > .st-layer > g'), plotLeftPx + layerShiftPx)
      : undefined;
  const saveSvg = (): void => {
    const file = joined();
    if (file) downloadSvg(file, 'spacetime.svg');
  };
  const savePng = (): void => {
    const file = joined();
    if (file) void downloadPng(file, 'spacetime.png');
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>): void => {
    // A second finger neither restarts the drag nor moves the window.
    if (drag.current || (e.target as Element).closest('[data-testid="event"]')) return;
    drag.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY, before: pinned, run: runSerial, from: undefined };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  /** The press by `e`'s pointer, if it is the one being followed. */
  const pressOf = (e: PointerEvent<HTMLElement>): typeof drag.current => (drag.current?.pointerId === e.pointerId ? drag.current : undefined);
  const onPointerMove = (e: PointerEvent<HTMLElement>): void => {
    const press = pressOf(e);
    if (!press || press.run !== runSerial) return;
    const dx = e.clientX - press.x;
    if (!press.from) {
      if (Math.abs(dx) < DRAG_START_PX || (e.pointerType === 'touch' && Math.abs(dx) <= Math.abs(e.clientY - press.y))) return;
      // The window as it is now: while following a playing run it has moved on since the press.
      press.from = { end, spanMs: shownMs, msPerPx: 1 / pxPerMs };
    }
    const { from } = press;
    setPinned({ end: Math.max(from.spanMs, from.end - dx * from.msPerPx), spanMs: from.spanMs });
  };
  /** The browser took the gesture over (to scroll the page): the window goes back to where it was. */
  const onPointerCancel = (e: PointerEvent<HTMLElement>): void => {
    const press = pressOf(e);
    if (!press) return;
    drag.current = undefined;
    if (press.from && press.run === runSerial) setPinned(press.before);
  };
  /** Moves the window by `fraction` of its width, leaving follow mode. */
  const pan = (fraction: number): void => {
    setPinned({ end: Math.max(shownMs, end + fraction * shownMs), spanMs: shownMs });
  };
  /** Widens the window by `factor` (narrows it below 1), around its end while pinned. */
  const zoom = (factor: number): void => {
    const spanMs = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, shownMs * factor));
    setZoomMs(spanMs);
    if (pinned) setPinned({ end: Math.max(spanMs, pinned.end), spanMs });
  };
  /** The press ends: released, or its pointer capture lost some other way. */
  const onPointerUp = (e: PointerEvent<HTMLElement>): void => {
    if (pressOf(e)) drag.current = undefined;
  };

  return (
    <div className="spacetime">
      <div className={`spacetime-tools${pinned ? ' pinned' : ''}`} role="toolbar" aria-label="Diagram">
        <button type="button" onClick={() => zoom(1 / 1.5)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(1.5)}>
          Zoom out
        </button>
        <button type="button" onClick={() => pan(-0.5)}>
          ◀ Earlier
        </button>
        <button type="button" onClick={() => pan(0.5)}>
          Later ▶
        </button>
        <button type="button" className="follow" aria-pressed={!pinned} onClick={() => setPinned(undefined)}>
          Follow now
        </button>
        <button type="button" onClick={saveSvg}>
          SVG
        </button>
        <button type="button" onClick={savePng}>
          PNG
        </button>
      </div>
      <figure
        className="spacetime-box"
        ref={box}
        data-testid="spacetime"
        aria-label="Space-time diagram: one line per node, an arrow per message; drag to pan"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onLostPointerCapture={onPointerUp}
      >
        <svg ref={svg} xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="st-svg">
          <style>{DIAGRAM_CSS}</style>
          <defs>
            <marker id="st-head" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path className="st-head" d="M0,0 L8,4 L0,8 z" />
            </marker>
          </defs>
          <rect className="st-bg" x={0} y={0} width={width} height={height} />
          {names.map((name, i) => (
            <g key={name} data-testid="spacetime-row" data-node={name}>
              <line className="st-row" x1={leftPx} x2={width - RIGHT_PX} y1={y(i)} y2={y(i)} />
              <circle cx={sizes.radiusPx + 3} cy={y(i)} r={sizes.radiusPx} fill={nodeColor(i)} stroke="#111" />
              <text className="st-name" x={sizes.radiusPx + 3} y={y(i) + sizes.namePx * 0.35} textAnchor="middle" fontSize={sizes.namePx}>
                {name}
              </text>
            </g>
          ))}
        </svg>
        {/* Marks up to a slice before the window are drawn; the plot's box keeps them off the node names. */}
        <div ref={plot} className="st-plot" data-testid="spacetime-plot" style={{ left: plotLeftPx, width: plotWidthPx, height }}>
          <PlotLayer {...frames.settled}>
            <DiagramLines shown={settled} place={place} nowMs={settledMs} />
          </PlotLayer>
          <PlotLayer {...frames.live}>
            <DiagramLines shown={live} place={place} nowMs={now} />
            <DiagramFlights flights={flights} place={place} />
            <line className="st-now" x1={nowX} x2={nowX} y1={4} y2={height - 2} />
          </PlotLayer>
          <PlotLayer {...frames.settled}>
            <DiagramDots shown={settled} place={place} labelSlots={settledLabels.slots} sent={diagram.sent} pick={pick} />
          </PlotLayer>
          <PlotLayer {...frames.live}>
            <DiagramDots shown={live} place={place} labelSlots={liveLabels.slots} sent={diagram.sent} pick={pick} />
          </PlotLayer>
        </div>
        {/* Not a live region: its counts change as the window moves. */}
        {hidden > 0 && <p className="spacetime-note">Too many to draw at once: only the latest marks in view are drawn</p>}
      </figure>
    </div>
  );
}

/**
 * One layer of the plot: an SVG box at `shiftPx` in the plot (a CSS transform, which a settled
 * layer's browser layer follows without repainting) with its marks shifted by `innerPx`.
 */
function PlotLayer({
  settled,
  widthPx,
  heightPx,
  shiftPx,
  innerPx,
  children,
}: {
  settled: boolean;
  widthPx: number;
  heightPx: number;
  shiftPx: number;
  innerPx: number;
  children: ReactNode;
}) {
  return (
    <svg className={`st-svg st-layer${settled ? ' st-settled' : ''}`} width={widthPx} height={heightPx} style={shiftPx === 0 ? undefined : { transform: `translateX(${shiftPx}px)` }}>
      <g transform={`translate(${innerPx} 0)`}>{children}</g>
    </svg>
  );
}
