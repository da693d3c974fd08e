import type { TraceEvent } from '../sim/trace.ts';
import { useSimulation } from '../store/context.tsx';
import { describeWait, senderOf, showClock } from './format.ts';
import { sentMessagesOf } from './trace-index.ts';

/** How many of the newest announcements stay in the live region. */
const KEPT = 3;
/** How far back from the newest event the announcements are looked for. */
const LOOKBACK_EVENTS = 500;

/** Says a delivery or a buffering in words, e.g. `B delivered A1 “Hello” at [1, 0, 0]`. */
export function announce(event: TraceEvent, texts: ReadonlyMap<string, { readonly text: string }>): string | undefined {
  if (event.type === 'deliver') return `${event.node} delivered ${event.msg} “${texts.get(event.msg)?.text ?? ''}” at ${showClock(event.vc)}`;
  if (event.type === 'buffer') return `${event.node} holds ${event.msg} back, waiting for ${describeWait(event.waitingFor, event.order)}`;
  return undefined;
}

/**
 * A polite live region announcing deliveries (not a sender's own copy) and buffering. Lines are
 * keyed by their place in the trace, so only new ones are added to the page and spoken; only the
 * newest events are read, however long the run.
 */
export function Announcer() {
  const trace = useSimulation((s) => s.trace);
  const length = useSimulation((s) => s.traceLength);
  const sent = useSimulation((s) => sentMessagesOf(s.trace, s.traceLength, s.view.names));
  const lines: { key: number; text: string }[] = [];
  for (let i = length - 1; i >= Math.max(0, length - LOOKBACK_EVENTS) && lines.length < KEPT; i--) {
    const e = trace[i] as TraceEvent;
    if (e.type === 'deliver' && senderOf(e.msg) === e.node) continue;
    const text = announce(e, sent.byId);
    if (text) lines.unshift({ key: i, text });
  }
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="announcer">
      {lines.map((line) => (
        <p key={line.key}>{line.text}</p>
      ))}
    </div>
  );
}
