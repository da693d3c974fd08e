import type { InboxEntry } from '../sim/view.ts';
import { listInWords, senderOf, showClock } from './format.ts';
import { MessageId } from './MessageId.tsx';
import { nodeColor } from './palette.ts';
import type { CausalMark } from './useCausalMarks.ts';
import { useScrollToEnd } from './useScrollToEnd.ts';

/** The chat of one node: delivered messages in delivery order, each with its own timestamp. */
export function Inbox({
  name,
  index,
  names,
  entries,
  marks,
  testId = `inbox-${name}`,
}: {
  name: string;
  index: number;
  names: readonly string[];
  entries: readonly InboxEntry[];
  marks: ReadonlyMap<string, CausalMark>;
  testId?: string;
}) {
  const list = useScrollToEnd<HTMLOListElement>(entries.length);
  return (
    <ol className="inbox" data-testid={testId} aria-label={`Chat at ${name}`} ref={list}>
      {entries.length === 0 && <li className="empty">No messages yet</li>}
      {entries.map(({ message, missing }) => {
        const own = message.sender === index;
        const sender = names[message.sender] ?? '?';
        const mark = marks.get(message.id);
        return (
          <li
            key={message.id}
            data-testid="message"
            data-msg={message.id}
            className={`${own ? 'chat own' : 'chat'}${missing.length > 0 ? ' violation' : ''}${mark ? ` mark-${mark}` : ''}`}
          >
            <span className="chat-head">
              <span className="badge small" style={{ background: nodeColor(message.sender) }} aria-hidden="true">
                {sender}
              </span>
              <MessageId id={message.id} mark={mark} />
              <span className="stamp">{showClock(message.vc)}</span>
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
                  Its stamp {showClock(message.vc)} says {sender} had already seen {listInWords(missing)} when sending it; {name} has not shown{' '}
                  {missing.length === 1 ? 'that' : 'those'} yet.
                </span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
