import type { TraceEvent } from '../sim/trace.ts';
import { useSimulation } from '../store/context.tsx';
import { describeEvent, showSeconds } from './format.ts';
import { useWindowedRows } from './useWindowedRows.ts';

/** An event line's usual height (many wrap to two lines), before it is measured. */
const ROW_ESTIMATE_PX = 30;

/**
 * Every send, arrival, buffering and delivery in words, for reading at any time; the Announcer
 * speaks deliveries and buffering as they happen, so the log itself stays quiet. Only the lines
 * in view are on the page; it follows the newest while scrolled to the end.
 */
export function EventLog() {
  const trace = useSimulation((s) => s.trace);
  const length = useSimulation((s) => s.traceLength);
  const { attachScroller, onScroll, start, end, padTopPx, padBottomPx, rowProps } = useWindowedRows<HTMLDivElement>(length, {
    estimateRowPx: ROW_ESTIMATE_PX,
    followEnd: true,
  });
  const rows: TraceEvent[] = trace.slice(start, end);
  return (
    <section className="event-log" aria-labelledby="event-log-title">
      <h2 id="event-log-title">Event log</h2>
      {/* Focusable so keyboard users can scroll it. */}
      <div
        className="event-log-scroll"
        role="log"
        aria-live="off"
        aria-labelledby="event-log-title"
        tabIndex={0}
        ref={attachScroller}
        onScroll={onScroll}
        data-events={length}
      >
        <ol style={{ paddingTop: padTopPx, paddingBottom: padBottomPx }}>
          {length === 0 && <li className="empty">Nothing has happened yet. Type a message in a node and press Send.</li>}
          {rows.map((event, i) => (
            <li
              key={start + i}
              {...rowProps(start + i)}
              className={`ev ev-${event.type}${event.type === 'deliver' && event.missing ? ' ev-violation' : ''}`}
            >
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
