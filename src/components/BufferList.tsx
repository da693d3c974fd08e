import { AnimatePresence, m, useIsPresent } from 'framer-motion';
import type { BufferEntry } from '../sim/view.ts';
import { Stamp } from './ClockView.tsx';
import { describeWait } from './format.ts';
import { MessageId } from './MessageId.tsx';
import type { CausalMark } from './useCausalMarks.ts';
import { useWindowedRows, type RowProps } from './useWindowedRows.ts';

/** Up to this many held messages each animate in and out; a longer buffer shows only the rows in view. */
const ANIMATED_MAX_ROWS = 40;
/** A held message's usual height, before it is measured. */
const ROW_ESTIMATE_PX = 20;

/** The hold-back buffer: messages that arrived too early, each with what it waits for, and the latest duplicate discarded. */
export function BufferList({
  name,
  entries,
  discarded,
  marks,
  testId = `buffer-${name}`,
  under,
}: {
  name: string;
  entries: readonly BufferEntry[];
  discarded: readonly string[];
  marks: ReadonlyMap<string, CausalMark>;
  testId?: string;
  /** The comparison's policy, which tells its lists from the main row's by name. */
  under?: string | undefined;
}) {
  const { attachScroller, onScroll, start, end, padTopPx, padBottomPx, rowProps } = useWindowedRows<HTMLDivElement>(entries.length, { estimateRowPx: ROW_ESTIMATE_PX });
  const windowed = entries.length > ANIMATED_MAX_ROWS;
  return (
    <div className="buffer" ref={attachScroller} onScroll={onScroll}>
      <h3>
        Hold-back buffer{' '}
        <span className="count">{entries.length === 0 ? '· empty' : `(${entries.length})`}</span>
      </h3>
      <ul data-testid={testId} aria-label={`Hold-back buffer of ${name}${under ? ` under ${under}` : ''}`} style={windowed ? { paddingTop: padTopPx, paddingBottom: padBottomPx } : undefined}>
        {windowed ? (
          entries.slice(start, end).map((entry, i) => <HeldRow key={entry.message.id} entry={entry} mark={marks.get(entry.message.id)} row={rowProps(start + i)} />)
        ) : (
          <AnimatePresence initial={false}>
            {entries.map((entry) => (
              <BufferItem key={entry.message.id} entry={entry} mark={marks.get(entry.message.id)} />
            ))}
          </AnimatePresence>
        )}
      </ul>
      {discarded.length > 0 && <DiscardNote key={discarded.length} ids={discarded} />}
    </div>
  );
}

/** Names the newest duplicate discarded here; it stands out when it appears, then fades. */
function DiscardNote({ ids }: { ids: readonly string[] }) {
  return (
    <p className="discarded">
      Discarded duplicate: <span className="msg-id">{ids.at(-1)}</span>
      {ids.length > 1 ? ` (${ids.length} so far)` : ''}
    </p>
  );
}

/** One held message; while it animates out after delivery it no longer counts as buffered. */
function BufferItem({ entry, mark }: { entry: BufferEntry; mark: CausalMark | undefined }) {
  const { message } = entry;
  const present = useIsPresent();
  return (
    <m.li
      {...(present ? { 'data-msg': message.id } : { 'aria-hidden': true })}
      className={`${present ? 'held' : 'held leaving'}${mark ? ` mark-${mark}` : ''}`}
      layout
      initial={{ opacity: 0, x: -12 }}
      animate={{ opacity: 1, x: 0 }}
      exit={{ opacity: 0, y: -16, transition: { duration: 0.4 } }}
    >
      <HeldLine entry={entry} mark={mark} waiting={present} />
    </m.li>
  );
}

/** One held message in a long buffer: no animation, only the rows in view are on the page. */
function HeldRow({ entry, mark, row }: { entry: BufferEntry; mark: CausalMark | undefined; row: RowProps }) {
  return (
    <li {...row} data-msg={entry.message.id} className={`held${mark ? ` mark-${mark}` : ''}`}>
      <HeldLine entry={entry} mark={mark} waiting />
    </li>
  );
}

/** A held message's id, timestamp and what it waits for (or that it was delivered, once it no longer waits). */
function HeldLine({ entry: { message, waitingFor, order }, mark, waiting }: { entry: BufferEntry; mark: CausalMark | undefined; waiting: boolean }) {
  return (
    <>
      <MessageId id={message.id} mark={mark} /> <Stamp vc={message.vc} />{' '}
      <span className="waiting">{waiting ? `waiting for ${describeWait(waitingFor, order)}` : 'delivered'}</span>
    </>
  );
}
