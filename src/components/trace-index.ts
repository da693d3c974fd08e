import type { Message } from '../sim/message.ts';
import type { TraceEvent } from '../sim/trace.ts';

/**
 * The messages sent in a trace so far, by id in send order. The map is shared and grows as
 * the trace does; the object around it is replaced whenever a message is added, so its
 * identity tells views when to recompute.
 */
export interface SentMessages {
  readonly byId: ReadonlyMap<string, Message>;
  readonly count: number;
}

/** The messages sent in one trace, and how many of its events have been read. */
interface SentIndex {
  readonly names: readonly string[];
  readonly byId: Map<string, Message>;
  scanned: number;
  latest: SentMessages;
}

/** One index per trace array: a rebuilt run brings a new array and so a new index. */
const indexes = new WeakMap<readonly TraceEvent[], SentIndex>();

/**
 * The messages sent in (at least) the first `length` events of `trace`. A trace only grows by
 * appending, so each call reads just the events added since the last one.
 */
export function sentMessagesOf(trace: readonly TraceEvent[], length: number, names: readonly string[]): SentMessages {
  let index = indexes.get(trace);
  if (!index || index.names !== names) {
    const byId = new Map<string, Message>();
    index = { names, byId, scanned: 0, latest: { byId, count: 0 } };
    indexes.set(trace, index);
  }
  const end = Math.min(length, trace.length);
  for (; index.scanned < end; index.scanned++) {
    const e = trace[index.scanned] as TraceEvent;
    if (e.type !== 'send') continue;
    const sender = names.indexOf(e.node);
    index.byId.set(e.msg, { id: e.msg, sender, seq: e.vc[sender] ?? 0, vc: e.vc, text: e.text, sentAt: e.t });
  }
  if (index.latest.count !== index.byId.size) index.latest = { byId: index.byId, count: index.byId.size };
  return index.latest;
}
