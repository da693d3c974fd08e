import { memo } from 'react';
import type { FlightView } from '../sim/view.ts';
import { senderOf, showClock } from './format.ts';
import { nodeColor } from './palette.ts';
import type { DiagramWindow } from './spacetime-model.ts';
import { MARK_LABELS, type CausalMark } from './useCausalMarks.ts';
import { pressesMark } from './shortcuts.ts';

/**
 * The label size the lengths below are for; labels of another size (`labelPx`, larger in
 * presenter mode) scale them all.
 */
const BASE_LABEL_PX = 10;
/** Baselines of send labels around one node's line: above, below, further above, further below. */
const LABEL_SLOTS = [-7, 15, -19, 27] as const;
/**
 * A label's extent: above its baseline, below it (the descent of `[ ] ,` and the outline), and
 * the width of one character (monospace, bold).
 */
const LABEL_ASCENT_PX = 9;
const LABEL_DESCENT_PX = 3;
const LABEL_CHAR_PX = 6.2;
/** Space kept between two labels in one slot, and between the labels of neighbouring lines. */
const LABEL_SPACING_PX = 6;
const LABEL_MARGIN_PX = 2;
/** Labels start this far right of their send. */
const LABEL_INSET_PX = 6;
/**
 * Characters every label keeps free for a relation mark (` ◀`, ` ▶` or ` ∥`), so that choosing
 * or clearing a selection never moves a label to another slot or leaves one out.
 */
const MARK_CHARS = 2;

/** The lengths above for labels of one font size. */
interface LabelMetrics {
  readonly slots: readonly number[];
  readonly ascentPx: number;
  readonly descentPx: number;
  readonly charPx: number;
  readonly spacingPx: number;
  readonly insetPx: number;
}

/** The label lengths scaled to `labelPx`. */
function labelMetrics(labelPx: number): LabelMetrics {
  const scale = labelPx / BASE_LABEL_PX;
  return {
    slots: LABEL_SLOTS.map((offset) => offset * scale),
    ascentPx: LABEL_ASCENT_PX * scale,
    descentPx: LABEL_DESCENT_PX * scale,
    charPx: LABEL_CHAR_PX * scale,
    spacingPx: LABEL_SPACING_PX * scale,
    insetPx: LABEL_INSET_PX * scale,
  };
}

/**
 * Where marks go, in the diagram's drawing units: a time `t` at `(t - originMs) * pxPerMs`, node
 * `i` at `topPx + i * rowGapPx`. Plain numbers, so a memoised layer sees when nothing moved.
 */
export interface DiagramPlacement {
  readonly originMs: number;
  readonly pxPerMs: number;
  readonly topPx: number;
  readonly rowGapPx: number;
  /** The diagram's height: labels of the first and last lines stay inside it. */
  readonly heightPx: number;
  /** The font size of send labels. */
  readonly labelPx: number;
  readonly names: readonly string[];
  readonly marks: ReadonlyMap<string, CausalMark>;
}

/** The x of time `t`. */
export function xAt(place: DiagramPlacement, t: number): number {
  return (t - place.originMs) * place.pxPerMs;
}

/** The y of node `node`'s line. */
export function yAt(place: DiagramPlacement, node: number): number {
  return place.topPx + node * place.rowGapPx;
}

/** What a label needs of a sent message (a `Message` has it). */
interface SentStamp {
  readonly vc: readonly number[];
}

/** A send's label: its id, its timestamp without spaces and, when marked, how it relates to the selection. */
function labelText(msg: string, sent: SentStamp | undefined, mark: CausalMark | undefined): string {
  return `${msg} ${showClock(sent?.vc ?? []).replaceAll(' ', '')}${mark && mark !== 'selected' ? ` ${MARK_LABELS[mark].split(' ')[0]}` : ''}`;
}

/**
 * The label slots around line `node`: of LABEL_SLOTS, those whose band, together, leaves a
 * margin to the next line's (so eight close lines get one slot each), and for the first and
 * last lines only those inside the diagram. True where a slot may be used.
 */
function usableSlots(place: DiagramPlacement, node: number): boolean[] {
  const { slots, ascentPx, descentPx } = labelMetrics(place.labelPx);
  let count = 1;
  while (count < slots.length) {
    const offsets = slots.slice(0, count + 1);
    const band = Math.max(...offsets) + descentPx - (Math.min(...offsets) - ascentPx);
    if (band + LABEL_MARGIN_PX > place.rowGapPx) break;
    count++;
  }
  const y = yAt(place, node);
  return slots.map((offset, slot) => slot < count && y + offset - ascentPx >= 0 && y + offset + descentPx <= place.heightPx);
}

/** Per node, where the last label in each slot ends (x), so placing can go on from one layer to the next. */
export type LabelUse = ReadonlyMap<number, readonly number[]>;

/**
 * Gives each send's label the first slot on its line where it clears the label before it,
 * going on from `before`. A label with no such slot is left out (its send keeps its dot,
 * tooltip and inspector): overlapping labels cannot be read. Where labels go does not depend
 * on what is marked.
 */
export function placeLabels(
  shown: DiagramWindow,
  place: DiagramPlacement,
  sent: ReadonlyMap<string, SentStamp>,
  before: LabelUse = new Map(),
): { slots: ReadonlyMap<string, number>; after: LabelUse } {
  const used = new Map([...before].map(([node, ends]) => [node, [...ends]]));
  const slots = new Map<string, number>();
  const { insetPx, spacingPx, charPx } = labelMetrics(place.labelPx);
  for (const e of shown.events) {
    if (e.kind !== 'send') continue;
    const start = xAt(place, e.t) + insetPx;
    const ends = used.get(e.node) ?? usableSlots(place, e.node).map((usable) => (usable ? -Infinity : Infinity));
    used.set(e.node, ends);
    const slot = ends.findIndex((end) => start >= end + spacingPx);
    if (slot === -1) continue;
    ends[slot] = start + (labelText(e.msg, sent.get(e.msg), undefined).length + MARK_CHARS) * charPx;
    slots.set(e.msg, slot);
  }
  return { slots, after: used };
}

/** Buffered waits in gold and an arrow per arrival or loss; a wait not over yet runs to `nowMs`. */
export const DiagramLines = memo(function DiagramLines({ shown, place, nowMs }: { shown: DiagramWindow; place: DiagramPlacement; nowMs: number }) {
  const x = (t: number): number => xAt(place, t);
  const y = (node: number): number => yAt(place, node);
  const { names, marks } = place;
  return (
    <>
      {shown.waits.map((w) => (
        <line key={`w${w.node}-${w.msg}`} className="st-wait" x1={x(w.from)} x2={x(w.until ?? nowMs)} y1={y(w.node)} y2={y(w.node)}>
          <title>{`${w.msg} waited in ${names[w.node]}'s buffer`}</title>
        </line>
      ))}
      {shown.arrows.map((a) => (
        <line
          key={`a${a.msg}-${a.to}-${a.arrivedAt}`}
          data-testid="arrow"
          data-msg={a.msg}
          data-from={names[a.from]}
          data-to={names[a.to]}
          className={`st-arrow ${a.lost ? 'lost ' : ''}${marks.get(a.msg) ?? ''}`}
          x1={x(a.sentAt)}
          y1={y(a.from)}
          x2={x(a.arrivedAt)}
          y2={y(a.to)}
          markerEnd="url(#st-head)"
        />
      ))}
    </>
  );
});

/** The most transmissions on their way that the diagram draws: a lesson's, such as a few broadcasts among three to six nodes. */
const DIAGRAM_FLIGHTS = 40;

/**
 * The transmissions on their way: a faint dashed line from each send to where it will arrive
 * (to the receiver's door when parked there in manual mode). A solid arrow replaces it once the
 * message arrives. Held at a cut link, a transmission has no arrival yet and is not drawn.
 * More than DIAGRAM_FLIGHTS at once (a busy run, not a lesson) are left out: they read as a
 * grey wash, and they are redrawn on every arrival (a thousand took K = 1000 in
 * `npm run bench:ui` from 26 to 4 frames a second).
 */
export const DiagramFlights = memo(function DiagramFlights({ flights, place }: { flights: readonly FlightView[]; place: DiagramPlacement }) {
  const { names, marks } = place;
  if (flights.length > DIAGRAM_FLIGHTS) return null;
  return (
    <>
      {flights.map((f) =>
        f.status === 'held' ? null : (
          <line
            key={f.id}
            data-testid="flight-arrow"
            data-msg={f.message.id}
            data-from={names[f.from]}
            data-to={names[f.to]}
            className={`st-arrow st-flying ${f.control === undefined ? (marks.get(f.message.id) ?? '') : ''}`}
            x1={xAt(place, f.sentAt)}
            y1={yAt(place, f.from)}
            x2={xAt(place, f.arriveAt)}
            y2={yAt(place, f.to)}
          />
        ),
      )}
    </>
  );
});

/**
 * A dot per send, arrival, delivery and loss, and a label with each send's timestamp. Sends are
 * buttons, one Tab stop per message; Enter or a click inspects, with Shift it compares.
 */
export const DiagramDots = memo(function DiagramDots({
  shown,
  place,
  labelSlots,
  sent,
  pick,
}: {
  shown: DiagramWindow;
  place: DiagramPlacement;
  /** Each send's label slot, from `placeLabels`; a send without one has no label. */
  labelSlots: ReadonlyMap<string, number>;
  /** The messages sent, by id, for their timestamps. */
  sent: ReadonlyMap<string, SentStamp>;
  pick: (msg: string, add: boolean) => void;
}) {
  const x = (t: number): number => xAt(place, t);
  const y = (node: number): number => yAt(place, node);
  const { names, marks } = place;
  const metrics = labelMetrics(place.labelPx);
  return (
    <>
      {shown.events.map((e, i) => {
        const props = {
          'data-testid': 'event',
          'data-node': names[e.node],
          'data-msg': e.msg,
          'data-kind': e.kind,
          className: `st-ev ${e.kind} ${marks.get(e.msg) ?? ''}`,
          onClick: (ev: { shiftKey: boolean }) => pick(e.msg, ev.shiftKey),
        };
        const focusable =
          e.kind === 'send'
            ? {
                role: 'button',
                tabIndex: 0,
                'aria-label': `${e.msg} sent by ${names[e.node]}: inspect (Shift+Enter to compare)`,
                onKeyDown: (ev: { key: string; shiftKey: boolean; currentTarget: EventTarget; preventDefault: () => void }) => {
                  if (!pressesMark(ev.key, ev.currentTarget)) return;
                  ev.preventDefault();
                  pick(e.msg, ev.shiftKey);
                },
              }
            : {};
        const key = shown.firstEvent + i;
        const title = <title>{`${e.kind} of ${e.msg} at ${names[e.node]}, t=${e.t} ms`}</title>;
        if (e.kind === 'deliver') {
          return (
            <rect key={key} {...props} x={x(e.t) - 3} y={y(e.node) - 3} width={6} height={6} fill={nodeColor(names.indexOf(senderOf(e.msg)))}>
              {title}
            </rect>
          );
        }
        if (e.kind === 'drop') {
          return (
            <path key={key} {...props} d={`M${x(e.t) - 4},${y(e.node) - 4} l8,8 m0,-8 l-8,8`}>
              {title}
            </path>
          );
        }
        return (
          <circle key={key} {...props} {...focusable} cx={x(e.t)} cy={y(e.node)} r={e.kind === 'send' ? 5 : 4} {...(e.kind === 'send' ? { fill: nodeColor(e.node) } : {})}>
            {title}
          </circle>
        );
      })}
      {shown.events.map((e) => {
        const slot = e.kind === 'send' ? labelSlots.get(e.msg) : undefined;
        if (slot === undefined) return null;
        const mark = marks.get(e.msg);
        return (
          <text key={`l${e.msg}`} className={`st-label${mark ? ` label-${mark}` : ''}`} x={x(e.t) + metrics.insetPx} y={y(e.node) + (metrics.slots[slot] ?? 0)} fontSize={place.labelPx}>
            {labelText(e.msg, sent.get(e.msg), mark)}
          </text>
        );
      })}
    </>
  );
});
