import { formatClock } from '../sim/clock.ts';
import type { TraceEvent } from '../sim/trace.ts';

/** Formats a vector clock for people: `[1, 0, 0]`. */
export function showClock(clock: ArrayLike<number>): string {
  return formatClock(clock, ', ');
}

/** Joins ids as words: `A1`, `A1 and C2`, `A1, A2 and C2`. */
export function listInWords(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? '';
  return `${ids.slice(0, -1).join(', ')} and ${ids.at(-1) ?? ''}`;
}

/** Formats virtual milliseconds as seconds, `1.25 s`. */
export function showSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Describes one trace event in a sentence, for the event log and screen readers. */
export function describeEvent(event: TraceEvent): string {
  switch (event.type) {
    case 'send':
      return `${event.node} sent ${event.msg} “${event.text}” stamped ${showClock(event.vc)}`;
    case 'receive':
      return `${event.node} received ${event.msg}`;
    case 'buffer':
      return `${event.node} buffered ${event.msg}, waiting for ${listInWords(event.waitingFor)}`;
    case 'deliver':
      return event.missing
        ? `${event.node} delivered ${event.msg} before ${listInWords(event.missing)}: causal order broken; clock ${showClock(event.vc)}`
        : `${event.node} delivered ${event.msg}; clock ${showClock(event.vc)}`;
    case 'discard':
      return `${event.node} discarded a duplicate of ${event.msg}`;
    case 'drop':
      return `${event.msg} to ${event.node} was ${event.reason === 'manual' ? 'dropped by hand' : event.reason === 'loss' ? 'lost' : 'dropped at a cut link'}`;
    case 'hold':
      return event.reason === 'partition' ? `${event.msg} to ${event.node} held at a cut link` : `${event.msg} waits outside ${event.node}`;
    case 'order':
      return `${event.node} gave ${event.msg} sequence number ${event.seq}`;
    case 'retransmit':
      return `${event.node} sent ${event.control === 'order' ? `the sequence number of ${event.msg}` : event.msg} to ${event.to} again: no acknowledgement in time`;
  }
}
