import type { TraceEvent } from '../sim/trace.ts';
import { useSimulation } from '../store/context.tsx';
import { describeWait, senderOf, showClock } from './format.ts';

/** How many of the newest announcements stay in the live region. */
const KEPT = 3;

/** Says a delivery or a buffering in words, e.g. `B delivered A1 “Hello” at [1, 0, 0]`. */
export function announce(event: TraceEvent, texts: ReadonlyMap<string, string>): string | undefined {
  if (event.type === 'deliver') return `${event.node} delivered ${event.msg} “${texts.get(event.msg) ?? ''}” at ${showClock(event.vc)}`;
  if (event.type === 'buffer') return `${event.node} holds ${event.msg} back, waiting for ${describeWait(event.waitingFor, event.order)}`;
  return undefined;
}

/**
 * A polite live region announcing deliveries (not a sender's own copy) and buffering. Lines are
 * keyed by their place in the trace, so only new ones are added to the page and spoken.
 */
export function Announcer() {
  const trace = useSimulation((s) => s.trace);
  const texts = new Map<string, string>();
  for (const e of trace) if (e.type === 'send') texts.set(e.msg, e.text);
  const lines: { key: number; text: string }[] = [];
  for (let i = trace.length - 1; i >= 0 && lines.length < KEPT; i--) {
    const e = trace[i] as TraceEvent;
    if (e.type === 'deliver' && senderOf(e.msg) === e.node) continue;
    const text = announce(e, texts);
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
