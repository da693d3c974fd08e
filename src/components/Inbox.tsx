import { useEffect } from 'react';
import type { InboxEntry } from '../sim/view.ts';
import { useSimulation } from '../store/context.tsx';
import { Stamp } from './ClockView.tsx';
import { listInWords, senderOf } from './format.ts';
import { MessageId } from './MessageId.tsx';
import { nodeColor } from './palette.ts';
import type { CausalMark } from './useCausalMarks.ts';
import { useWindowedRows, type RowProps } from './useWindowedRows.ts';

/** A chat row's usual height with its gap, before it is measured. */
const ROW_ESTIMATE_PX = 50;

/**
 * The chat of one node: delivered messages in delivery order, each with its own timestamp.
 * Only the messages in view are on the page; it follows the newest while scrolled to the end.
 */
export function Inbox({
  name,
  index,
  names,
  entries,
  marks,
  testId = `inbox-${name}`,
  under,
}: {
  name: string;
  index: number;
  names: readonly string[];
  entries: readonly InboxEntry[];
  marks: ReadonlyMap<string, CausalMark>;
  testId?: string;
  /** The comparison's policy, which tells its lists from the main row's by name. */
  under?: string | undefined;
}) {
  const { attachScroller, onScroll, start, end, padTopPx, padBottomPx, rowProps, revealTop } = useWindowedRows<HTMLDivElement>(entries.length, {
    estimateRowPx: ROW_ESTIMATE_PX,
    followEnd: true,
  });
  // When a message is selected, the latest one before it that this chat shows brings its heading,
  // with its "◀ happened before", into view: a small window (comparing policies) showed only its
  // last lines. A frame later, so the marks (which can change row heights) are laid out.
  const selected = useSimulation((s) => s.selectedMessages[0]);
  useEffect(() => {
    if (selected === undefined) return;
    const frame = requestAnimationFrame(() => revealTop('li.mark-past'));
    return () => cancelAnimationFrame(frame);
  }, [selected, revealTop]);
  return (
    <div className="inbox-scroll" ref={attachScroller} onScroll={onScroll}>
      <ol className="inbox" data-testid={testId} aria-label={`Chat at ${name}${under ? ` under ${under}` : ''}`} style={{ paddingTop: padTopPx, paddingBottom: padBottomPx }}>
        {entries.length === 0 && <li className="empty">No messages yet</li>}
        {entries.slice(start, end).map((entry, i) => (
          <ChatRow key={entry.message.id} entry={entry} node={{ name, index }} names={names} mark={marks.get(entry.message.id)} row={rowProps(start + i)} />
        ))}
      </ol>
    </div>
  );
}

/** One delivered message, flagged when it was shown before something it depends on. */
function ChatRow({
  entry: { message, missing },
  node: { name, index },
  names,
  mark,
  row,
}: {
  entry: InboxEntry;
  node: { name: string; index: number };
  names: readonly string[];
  mark: CausalMark | undefined;
  row: RowProps;
}) {
  const own = message.sender === index;
  const sender = names[message.sender] ?? '?';
  return (
    <li
      {...row}
      data-testid="message"
      data-msg={message.id}
      className={`${own ? 'chat own' : 'chat'}${missing.length > 0 ? ' violation' : ''}${mark ? ` mark-${mark}` : ''}`}
    >
      <span className="chat-head">
        <span className="badge small" style={{ background: nodeColor(message.sender) }} aria-hidden="true">
          {sender}
        </span>
        <MessageId id={message.id} mark={mark} />
        <Stamp vc={message.vc} />
      </span>
      <span className="chat-text">
        <span className="visually-hidden">{own ? 'You' : sender}: </span>
        {message.text}
      </span>
      {missing.length > 0 && (
        <span className="flag" role="note">
          ⚠ Shown before {listInWords(missing)}, which {missing.some((id) => senderOf(id) === sender) ? 'came before it' : 'it replies to'}
          <span className="flag-why">
            {' '}
            Its stamp <Stamp vc={message.vc} /> says {listInWords(missing)} happened before it; {name} has not shown {missing.length === 1 ? 'that' : 'those'}{' '}
            yet.
          </span>
        </span>
      )}
    </li>
  );
}
