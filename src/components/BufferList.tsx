import { AnimatePresence, m, useIsPresent } from 'framer-motion';
import type { BufferEntry } from '../sim/view.ts';
import { describeWait, showClock } from './format.ts';
import { MessageId } from './MessageId.tsx';
import type { CausalMark } from './useCausalMarks.ts';

/** The hold-back buffer: messages that arrived too early, each with what it waits for, and the latest duplicate discarded. */
export function BufferList({
  name,
  entries,
  discarded,
  marks,
  testId = `buffer-${name}`,
}: {
  name: string;
  entries: readonly BufferEntry[];
  discarded: readonly string[];
  marks: ReadonlyMap<string, CausalMark>;
  testId?: string;
}) {
  return (
    <div className="buffer">
      <h3>
        Hold-back buffer{' '}
        <span className="count">{entries.length === 0 ? '· empty' : `(${entries.length})`}</span>
      </h3>
      <ul data-testid={testId} aria-label={`Hold-back buffer of ${name}`}>
        <AnimatePresence initial={false}>
          {entries.map((entry) => (
            <BufferItem key={entry.message.id} entry={entry} mark={marks.get(entry.message.id)} />
          ))}
        </AnimatePresence>
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
function BufferItem({ entry: { message, waitingFor, order }, mark }: { entry: BufferEntry; mark: CausalMark | undefined }) {
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
      <MessageId id={message.id} mark={mark} /> <span className="stamp">{showClock(message.vc)}</span>{' '}
      <span className="waiting">{present ? `waiting for ${describeWait(waitingFor, order)}` : 'delivered'}</span>
    </m.li>
  );
}

