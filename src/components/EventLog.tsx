import { useSimulation } from '../store/context.tsx';
import { describeEvent, showSeconds } from './format.ts';
import { useScrollToEnd } from './useScrollToEnd.ts';

/** How many of the latest events the log shows. */
const SHOWN_EVENTS = 80;

/**
 * The latest sends, arrivals, buffering and deliveries in words, for reading at any time; the
 * Announcer speaks deliveries and buffering as they happen, so the log itself stays quiet.
 */
export function EventLog() {
  const trace = useSimulation((s) => s.trace);
  const first = Math.max(0, trace.length - SHOWN_EVENTS);
  const list = useScrollToEnd<HTMLDivElement>(trace.length);
  return (
    <section className="event-log" aria-labelledby="event-log-title">
      <h2 id="event-log-title">Event log</h2>
      {/* Focusable so keyboard users can scroll it. */}
      <div className="event-log-scroll" role="log" aria-live="off" aria-labelledby="event-log-title" tabIndex={0} ref={list} data-events={trace.length}>
      <ol>
        {trace.length === 0 && <li className="empty">Nothing has happened yet. Type a message in a node and press Send.</li>}
        {trace.slice(first).map((event, i) => (
          <li key={first + i} className={`ev ev-${event.type}${event.type === 'deliver' && event.missing ? ' ev-violation' : ''}`}>
            <span className="ev-time">{showSeconds(event.t)}</span>
            {event.type === 'drop' && (
              <span className="ev-mark" aria-hidden="true">
                ✕
              </span>
            )}{' '}
            {describeEvent(event)}
          </li>
        ))}
      </ol>
      </div>
    </section>
  );
}
