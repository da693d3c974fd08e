import type { Message } from '../sim/message.ts';
import type { TraceEvent } from '../sim/trace.ts';

/**
 * The messages sent in a trace so far, by id in send order. The map is shared and grows as
 * the trace does; the object around it is replaced whenever a message is added, so its
 * identity tells views when to recompute.
 */
export interface SentMessages {
  readonly byId: ReadonlyMap<string, Message>;
  /** The same messages' ids in send order (shared and growing like the map). */
  readonly ids: readonly string[];
  readonly count: number;
}

/** Derives something from a trace by reading its events in order, and goes on as the trace grows. */
export interface TraceReader {
  /** The node names the trace is read with. */
  readonly names: readonly string[];
  /** Reads the events of `trace` up to `length` not read yet. */
  extend(trace: readonly TraceEvent[], length: number): void;
}

/**
 * The reader `cache` keeps for `trace` (made by `create`, again if the names change), extended
 * to (at least) the trace's first `length` events. One per trace array: a rebuilt run brings a
 * new array. A trace only grows by appending, so each call reads just the events added since.
 */
export function readTrace<R extends TraceReader>(
  cache: WeakMap<readonly TraceEvent[], R>,
  trace: readonly TraceEvent[],
  length: number,
  names: readonly string[],
  create: (names: readonly string[]) => R,
): R {
  let reader = cache.get(trace);
  if (!reader || reader.names !== names) {
    reader = create(names);
    cache.set(trace, reader);
  }
  reader.extend(trace, length);
  return reader;
}

/** The messages sent in one trace. */
class SentIndex implements TraceReader {
  readonly names: readonly string[];
  private readonly byId = new Map<string, Message>();
  private readonly ids: string[] = [];
  private scanned = 0;
  latest: SentMessages;

  constructor(names: readonly string[]) {
    this.names = names;
    this.latest = { byId: this.byId, ids: this.ids, count: 0 };
  }

  extend(trace: readonly TraceEvent[], length: number): void {
    const end = Math.min(length, trace.length);
    for (; this.scanned < end; this.scanned++) {
      const e = trace[this.scanned] as TraceEvent;
      if (e.type !== 'send') continue;
      const sender = this.names.indexOf(e.node);
      if (!this.byId.has(e.msg)) this.ids.push(e.msg);
      this.byId.set(e.msg, { id: e.msg, sender, seq: e.vc[sender] ?? 0, vc: e.vc, text: e.text, sentAt: e.t });
    }
    if (this.latest.count !== this.byId.size) this.latest = { byId: this.byId, ids: this.ids, count: this.byId.size };
  }
}

const indexes = new WeakMap<readonly TraceEvent[], SentIndex>();

/** The messages sent in (at least) the first `length` events of `trace`. */
export function sentMessagesOf(trace: readonly TraceEvent[], length: number, names: readonly string[]): SentMessages {
  return readTrace(indexes, trace, length, names, (n) => new SentIndex(n)).latest;
}
