import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useSimulation } from '../store/context.tsx';
import { senderOf, showClock } from './format.ts';
import { nodeColor } from './palette.ts';
import { buildDiagram } from './spacetime-model.ts';
import { MARK_LABELS, useCausalMarks } from './useCausalMarks.ts';
import { downloadPng, downloadSvg } from './download.ts';

const LEFT_PX = 30;
const RIGHT_PX = 12;
const TOP_PX = 16;
const DEFAULT_SPAN_MS = 10_000;
/** Vertical offsets for send labels on one node's line: above, below, further above, further below. */
const LABEL_SLOTS = [-7, 15, -19, 27] as const;
/** Labels closer than this on one line take different slots. */
const LABEL_GAP_PX = 90;
const MIN_SPAN_MS = 1_000;
const MAX_SPAN_MS = 600_000;

/**
 * Kept inside the SVG so an exported file looks like the page. Marks differ by shape and
 * pattern as well as colour: past is solid and thick, future dashed, concurrent faded.
 */
const DIAGRAM_CSS = `
.st-svg .st-bg{fill:var(--panel,#fff)}
.st-svg .st-row{stroke:var(--control-border,#8c959f);stroke-width:1.5}
.st-svg .st-name{font:700 13px system-ui,sans-serif;fill:#111}
.st-svg .st-now{stroke:#0b5cad;stroke-width:1.5;stroke-dasharray:4 3}
.st-svg .st-arrow{stroke:#57606a;stroke-width:1.2}
.st-svg .st-arrow.lost{stroke:#b42318;stroke-dasharray:3 3}
.st-svg .st-wait{stroke:#c9a227;stroke-width:5;stroke-dasharray:2 2;stroke-linecap:butt}
.st-svg .st-label{font:600 10px ui-monospace,monospace;fill:var(--strong,#111);paint-order:stroke;stroke:var(--panel,#fff);stroke-width:3px}
.st-svg .st-ev{cursor:pointer;stroke:#111;stroke-width:1.2}
.st-svg .st-ev.receive{fill:var(--panel,#fff)}
.st-svg .st-ev.drop{stroke:#b42318;stroke-width:2}
.st-svg .past{stroke:#1d4ed8!important;stroke-width:2.5!important}
.st-svg .future{stroke:#c2410c!important;stroke-width:2.5!important;stroke-dasharray:5 3}
.st-svg .concurrent{opacity:.35}
.st-svg .selected{stroke:#111!important;stroke-width:3.5!important}
.st-svg .st-label.label-past{fill:#1e3a8a}
.st-svg .st-label.label-future{fill:#7c2d12}
.st-svg .st-label.label-concurrent{opacity:.45}
`;

/** Lamport's space-time diagram of the run: one line per node, arrows for messages, buffered waits in gold. */
export function SpaceTime() {
  const trace = useSimulation((s) => s.trace);
  const names = useSimulation((s) => s.view.names);
  const now = useSimulation((s) => Math.ceil(s.now / 50) * 50);
  const selectMessage = useSimulation((s) => s.actions.selectMessage);
  const marks = useCausalMarks();
  const model = useMemo(() => buildDiagram(trace, names), [trace, names]);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ width: 600, height: 150 });
  const [spanMs, setSpanMs] = useState(DEFAULT_SPAN_MS);
  const [pinnedEnd, setPinnedEnd] = useState<number | undefined>();
  const drag = useRef<{ x: number; end: number } | undefined>(undefined);

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
  /** While following a young run, the window grows with it, so early events are not squeezed to the left. */
  const shownMs = pinnedEnd === undefined ? Math.min(spanMs, Math.max(MIN_SPAN_MS * 3, now * 1.15)) : spanMs;
  const end = pinnedEnd ?? Math.max(shownMs, now + shownMs * 0.08);
  const start = end - shownMs;
  const pxPerMs = (width - LEFT_PX - RIGHT_PX) / shownMs;
  const x = (t: number): number => LEFT_PX + (t - start) * pxPerMs;
  const rowGap = (height - TOP_PX - 14) / Math.max(1, names.length - 1 || 1);
  const y = (node: number): number => TOP_PX + (names.length === 1 ? 0 : node * rowGap);
  const visible = (t: number): boolean => t >= start - 50 && t <= end + 50;
  const markOf = (msg: string): string => marks.get(msg) ?? '';
  const pick = (msg: string, add: boolean): void => selectMessage(msg, add ? 'add' : 'toggle');

  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    if ((e.target as Element).closest('[data-testid="event"]')) return;
    drag.current = { x: e.clientX, end };
    setSpanMs(shownMs);
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    if (!drag.current) return;
    setPinnedEnd(Math.max(shownMs, drag.current.end - (e.clientX - drag.current.x) / pxPerMs));
  };
  /** Moves the window by `fraction` of its width, leaving follow mode. */
  const pan = (fraction: number): void => {
    setSpanMs(shownMs);
    setPinnedEnd(Math.max(shownMs, end + fraction * shownMs));
  };
  const onPointerUp = (): void => {
    drag.current = undefined;
  };

  /** Per node, where each label slot was last used; a label takes the first slot free of neighbours. */
  const slotsUsedAt = new Map<number, number[]>();
  return (
    <div className="spacetime">
      <div className="spacetime-tools" role="toolbar" aria-label="Diagram">
        <button type="button" onClick={() => setSpanMs(Math.max(MIN_SPAN_MS, shownMs / 1.5))}>
          Zoom in
        </button>
        <button type="button" onClick={() => setSpanMs(Math.min(MAX_SPAN_MS, shownMs * 1.5))}>
          Zoom out
        </button>
        <button type="button" onClick={() => pan(-0.5)}>
          ◀ Earlier
        </button>
        <button type="button" onClick={() => pan(0.5)}>
          Later ▶
        </button>
        <button type="button" aria-pressed={pinnedEnd === undefined} onClick={() => setPinnedEnd(undefined)}>
          Follow now
        </button>
        <button type="button" onClick={() => svg.current && downloadSvg(svg.current, 'spacetime.svg')}>
          SVG
        </button>
        <button type="button" onClick={() => svg.current && void downloadPng(svg.current, 'spacetime.png')}>
          PNG
        </button>
      </div>
      <div className="spacetime-box" ref={box}>
        <svg
          ref={svg}
          xmlns="http://www.w3.org/2000/svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="st-svg"
          data-testid="spacetime"
          aria-label="Space-time diagram: one line per node, an arrow per message; drag to pan"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
        >
          <style>{DIAGRAM_CSS}</style>
          <defs>
            <marker id="st-head" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" fill="#57606a" />
            </marker>
          </defs>
          <rect className="st-bg" x={0} y={0} width={width} height={height} />
          {names.map((name, i) => (
            <g key={name} data-testid="spacetime-row" data-node={name}>
              <line className="st-row" x1={LEFT_PX} x2={width - RIGHT_PX} y1={y(i)} y2={y(i)} />
              <circle cx={12} cy={y(i)} r={9} fill={nodeColor(i)} stroke="#111" />
              <text className="st-name" x={12} y={y(i) + 4} textAnchor="middle">
                {name}
              </text>
            </g>
          ))}
          {model.waits
            .filter((w) => visible(w.from) || visible(w.until ?? now) || (w.from < start && (w.until ?? now) > end))
            .map((w) => (
              <line key={`w${w.node}-${w.msg}`} className="st-wait" x1={x(w.from)} x2={x(w.until ?? now)} y1={y(w.node)} y2={y(w.node)}>
                <title>{`${w.msg} waited in ${names[w.node]}'s buffer`}</title>
              </line>
            ))}
          {model.arrows
            .filter((a) => a.arrivedAt >= start && a.sentAt <= end)
            .map((a) => (
              <line
                key={`a${a.msg}-${a.to}-${a.arrivedAt}`}
                data-testid="arrow"
                data-msg={a.msg}
                data-from={names[a.from]}
                data-to={names[a.to]}
                className={`st-arrow ${a.lost ? 'lost ' : ''}${markOf(a.msg)}`}
                x1={x(a.sentAt)}
                y1={y(a.from)}
                x2={x(a.arrivedAt)}
                y2={y(a.to)}
                markerEnd="url(#st-head)"
              />
            ))}
          <line className="st-now" x1={x(now)} x2={x(now)} y1={4} y2={height - 2} />
          {model.events
            .filter((e) => visible(e.t))
            .map((e, i) => {
              const props = {
                'data-testid': 'event',
                'data-node': names[e.node],
                'data-msg': e.msg,
                'data-kind': e.kind,
                className: `st-ev ${e.kind} ${markOf(e.msg)}`,
                onClick: (ev: { shiftKey: boolean }) => pick(e.msg, ev.shiftKey),
              };
              /** Sends are buttons, one Tab stop per message; the other dots are reached through them. */
              const focusable =
                e.kind === 'send'
                  ? {
                      role: 'button',
                      tabIndex: 0,
                      'aria-label': `${e.msg} sent by ${names[e.node]}: inspect (Shift+Enter to compare)`,
                      onKeyDown: (ev: { key: string; shiftKey: boolean; preventDefault: () => void }) => {
                        if (ev.key !== 'Enter' && ev.key !== ' ') return;
                        ev.preventDefault();
                        pick(e.msg, ev.shiftKey);
                      },
                    }
                  : {};
              const title = <title>{`${e.kind} of ${e.msg} at ${names[e.node]}, t=${e.t} ms`}</title>;
              if (e.kind === 'deliver') {
                return (
                  <rect key={i} {...props} x={x(e.t) - 3} y={y(e.node) - 3} width={6} height={6} fill={nodeColor(names.indexOf(senderOf(e.msg)))}>
                    {title}
                  </rect>
                );
              }
              if (e.kind === 'drop') {
                return (
                  <path key={i} {...props} d={`M${x(e.t) - 4},${y(e.node) - 4} l8,8 m0,-8 l-8,8`}>
                    {title}
                  </path>
                );
              }
              return (
                <circle key={i} {...props} {...focusable} cx={x(e.t)} cy={y(e.node)} r={e.kind === 'send' ? 5 : 4} {...(e.kind === 'send' ? { fill: nodeColor(e.node) } : {})}>
                  {title}
                </circle>
              );
            })}
          {model.events
            .filter((e) => e.kind === 'send' && visible(e.t))
            .map((e) => {
              const lx = x(e.t);
              const used = slotsUsedAt.get(e.node) ?? LABEL_SLOTS.map(() => -Infinity);
              const free = used.findIndex((at) => lx - at >= LABEL_GAP_PX);
              const slot = free === -1 ? used.indexOf(Math.min(...used)) : free;
              used[slot] = lx;
              slotsUsedAt.set(e.node, used);
              const mark = marks.get(e.msg);
              const stamp = model.stamps.get(e.msg) ?? [];
              return (
                <text key={`l${e.msg}`} className={`st-label${mark ? ` label-${mark}` : ''}`} x={lx + 6} y={y(e.node) + (LABEL_SLOTS[slot] ?? 0)}>
                  {`${e.msg} ${showClock(stamp).replaceAll(' ', '')}${mark && mark !== 'selected' ? ` ${MARK_LABELS[mark].split(' ')[0]}` : ''}`}
                </text>
              );
            })}
        </svg>
      </div>
    </div>
  );
}
