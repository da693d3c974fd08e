import { memo } from 'react';
import { senderOf, showClock } from './format.ts';
import { nodeColor } from './palette.ts';
import type { DiagramWindow } from './spacetime-model.ts';
import { MARK_LABELS, type CausalMark } from './useCausalMarks.ts';

/** Vertical offsets for send labels on one node's line: above, below, further above, further below. */
const LABEL_SLOTS = [-7, 15, -19, 27] as const;
/** Labels closer than this on one line take different slots. */
const LABEL_GAP_PX = 90;

/**
 * Where marks go, in the diagram's drawing units: a time `t` at `(t - originMs) * pxPerMs`, node
 * `i` at `topPx + i * rowGapPx`. Plain numbers, so a memoised layer sees when nothing moved.
 */
export interface DiagramPlacement {
  readonly originMs: number;
  readonly pxPerMs: number;
  readonly topPx: number;
  readonly rowGapPx: number;
  readonly names: readonly string[];
  readonly marks: ReadonlyMap<string, CausalMark>;
}

/** The x of time `t`. */
function xAt(place: DiagramPlacement, t: number): number {
  return (t - place.originMs) * place.pxPerMs;
}

/** The y of node `node`'s line. */
function yAt(place: DiagramPlacement, node: number): number {
  return place.topPx + node * place.rowGapPx;
}

/** Per node, where each label slot was last used (x), so placing can go on from one layer to the next. */
export type LabelUse = ReadonlyMap<number, readonly number[]>;

/** Gives each send's label the first slot free of its neighbours on the same line, going on from `before`. */
export function placeLabels(shown: DiagramWindow, place: DiagramPlacement, before: LabelUse = new Map()): { slots: ReadonlyMap<string, number>; after: LabelUse } {
  const used = new Map([...before].map(([node, xs]) => [node, [...xs]]));
  const slots = new Map<string, number>();
  for (const e of shown.events) {
    if (e.kind !== 'send') continue;
    const lx = xAt(place, e.t);
    const onLine = used.get(e.node) ?? LABEL_SLOTS.map(() => -Infinity);
    const free = onLine.findIndex((at) => lx - at >= LABEL_GAP_PX);
    const slot = free === -1 ? onLine.indexOf(Math.min(...onLine)) : free;
    onLine[slot] = lx;
    used.set(e.node, onLine);
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

/**
 * A dot per send, arrival, delivery and loss, and a label with each send's timestamp. Sends are
 * buttons, one Tab stop per message; Enter or a click inspects, with Shift it compares.
 */
export const DiagramDots = memo(function DiagramDots({
  shown,
  place,
  labelSlots,
  stamps,
  pick,
}: {
  shown: DiagramWindow;
  place: DiagramPlacement;
  /** Each send's label slot, from `placeLabels`. */
  labelSlots: ReadonlyMap<string, number>;
  stamps: ReadonlyMap<string, readonly number[]>;
  pick: (msg: string, add: boolean) => void;
}) {
  const x = (t: number): number => xAt(place, t);
  const y = (node: number): number => yAt(place, node);
  const { names, marks } = place;
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
                onKeyDown: (ev: { key: string; shiftKey: boolean; preventDefault: () => void }) => {
                  if (ev.key !== 'Enter' && ev.key !== ' ') return;
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
      {shown.events
        .filter((e) => e.kind === 'send')
        .map((e) => {
          const mark = marks.get(e.msg);
          return (
            <text key={`l${e.msg}`} className={`st-label${mark ? ` label-${mark}` : ''}`} x={x(e.t) + 6} y={y(e.node) + (LABEL_SLOTS[labelSlots.get(e.msg) ?? 0] ?? 0)}>
              {`${e.msg} ${showClock(stamps.get(e.msg) ?? []).replaceAll(' ', '')}${mark && mark !== 'selected' ? ` ${MARK_LABELS[mark].split(' ')[0]}` : ''}`}
            </text>
          );
        })}
    </>
  );
});
