import type { Message } from '../sim/message.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { readTrace, sentMessagesOf, type TraceReader } from './trace-index.ts';

/** How much virtual time the diagram shows until it is zoomed. */
export const DEFAULT_SPAN_MS = 10_000;

/** One dot of the space-time diagram. */
export interface DiagramEvent {
  readonly kind: 'send' | 'receive' | 'deliver' | 'drop';
  readonly node: number;
  readonly msg: string;
  readonly t: number;
}

/** A message's path from its send to one arrival (or loss), and how long it then waited. */
export interface DiagramArrow {
  readonly msg: string;
  readonly from: number;
  readonly sentAt: number;
  readonly to: number;
  readonly arrivedAt: number;
  readonly lost: boolean;
}

/** A stretch a message spent in a node's hold-back buffer. */
export interface DiagramWait {
  readonly msg: string;
  readonly node: number;
  readonly from: number;
  /** Undefined while it still waits. */
  readonly until: number | undefined;
}

/** What lies in one time window: the dots (with their place in the run, a stable key), arrows and waits. */
export interface DiagramWindow {
  /** Index in the whole run of the first dot in `events`. */
  readonly firstEvent: number;
  readonly events: readonly DiagramEvent[];
  readonly arrows: readonly DiagramArrow[];
  readonly waits: readonly DiagramWait[];
  /** Marks of the window (dots, arrows and waits) left out by `latestOf`, if any. */
  readonly hidden?: number;
}

/**
 * Arrows and waits longer than this are kept on a list of their own; shorter ones are found by
 * binary search, so a window costs what it shows plus at most this much time either side.
 */
const LONG_MS = 10_000;

/** Index of the first element of `items` (sorted by `key`) whose key is at least `value`, or past it with `after`. */
function search<T>(items: readonly T[], key: (item: T) => number, value: number, after = false): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = key(items[mid] as T);
    if (k < value || (after && k === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byTime = (e: DiagramEvent): number => e.t;
const byArrival = (a: DiagramArrow): number => a.arrivedAt;
const byStart = (w: DiagramWait): number => w.from;

/** A buffered wait as the index keeps it: open until the delivery sets `until`. */
interface MutableWait {
  readonly msg: string;
  readonly node: number;
  readonly from: number;
  until: number | undefined;
}

/**
 * The diagram of a growing trace, built incrementally and read by time window. A trace only grows
 * by appending and its times never decrease, so dots are sorted by time, arrows by arrival and
 * waits by start: `extend` reads only new events, and `window` costs what is visible, whatever
 * the length of the run.
 */
export class DiagramIndex implements TraceReader {
  /** The node names the trace uses, in index order. */
  readonly names: readonly string[];
  private readonly index: ReadonlyMap<string, number>;
  private readonly events: DiagramEvent[] = [];
  private readonly arrows: DiagramArrow[] = [];
  private readonly longArrows: DiagramArrow[] = [];
  private readonly waits: MutableWait[] = [];
  private readonly longWaits: MutableWait[] = [];
  /** Waits not over yet, by `node|msg`. */
  private readonly open = new Map<string, MutableWait>();
  private sentById: ReadonlyMap<string, Message> = new Map();
  private scanned = 0;

  constructor(names: readonly string[]) {
    this.names = names;
    this.index = new Map(names.map((n, i) => [n, i]));
  }

  /** The messages sent so far, by id (the labels show their timestamps). */
  get sent(): ReadonlyMap<string, Message> {
    return this.sentById;
  }

  extend(trace: readonly TraceEvent[], length: number): void {
    this.sentById = sentMessagesOf(trace, length, this.names).byId;
    const end = Math.min(length, trace.length);
    for (; this.scanned < end; this.scanned++) this.read(trace[this.scanned] as TraceEvent);
  }

  /** What overlaps `[fromMs, toMs]`; a wait still open lasts until `nowMs`. */
  window(fromMs: number, toMs: number, nowMs: number): DiagramWindow {
    const firstEvent = search(this.events, byTime, fromMs);
    const events = this.events.slice(firstEvent, search(this.events, byTime, toMs, true));
    const arrows = this.arrows.slice(search(this.arrows, byArrival, fromMs), search(this.arrows, byArrival, toMs + LONG_MS, true)).filter((a) => a.sentAt <= toMs);
    for (const a of this.longArrows) if (a.sentAt <= toMs && a.arrivedAt >= fromMs) arrows.push(a);
    const waits: DiagramWait[] = [];
    for (const w of this.waits.slice(search(this.waits, byStart, fromMs - LONG_MS), search(this.waits, byStart, toMs, true))) {
      if (w.until !== undefined && w.until - w.from <= LONG_MS && w.until >= fromMs) waits.push(w);
    }
    for (const w of this.longWaits) if (w.from <= toMs && (w.until as number) >= fromMs) waits.push(w);
    for (const w of this.open.values()) if (w.from <= toMs && nowMs >= fromMs) waits.push(w);
    return { firstEvent, events, arrows, waits };
  }

  private read(e: TraceEvent): void {
    if (!('node' in e) || !('msg' in e)) return;
    const node = this.index.get(e.node);
    if (node === undefined) return;
    switch (e.type) {
      case 'send':
        this.events.push({ kind: 'send', node, msg: e.msg, t: e.t });
        break;
      case 'receive':
      case 'drop': {
        if (e.type === 'drop' && e.control !== undefined) break;
        const sent = this.sentById.get(e.msg);
        const lost = e.type === 'drop';
        this.events.push({ kind: lost ? 'drop' : 'receive', node, msg: e.msg, t: e.t });
        if (!sent) break;
        const arrow = { msg: e.msg, from: sent.sender, sentAt: sent.sentAt, to: node, arrivedAt: e.t, lost };
        (e.t - sent.sentAt > LONG_MS ? this.longArrows : this.arrows).push(arrow);
        break;
      }
      case 'buffer': {
        const wait: MutableWait = { msg: e.msg, node, from: e.t, until: undefined };
        this.waits.push(wait);
        this.open.set(`${node}|${e.msg}`, wait);
        break;
      }
      case 'deliver': {
        this.events.push({ kind: 'deliver', node, msg: e.msg, t: e.t });
        const key = `${node}|${e.msg}`;
        const wait = this.open.get(key);
        if (wait) {
          wait.until = e.t;
          this.open.delete(key);
          if (e.t - wait.from > LONG_MS) this.longWaits.push(wait);
        }
        break;
      }
      default:
        break;
    }
  }
}

/**
 * What of `shown` is over before `atMs`: dots before it, arrows that arrived before it, waits
 * that ended before it. Once the engine's clock has passed `atMs` this part can no longer change.
 */
export function settledBefore(shown: DiagramWindow, atMs: number): DiagramWindow {
  return {
    firstEvent: shown.firstEvent,
    events: shown.events.filter((e) => e.t < atMs),
    arrows: shown.arrows.filter((a) => a.arrivedAt < atMs),
    waits: shown.waits.filter((w) => w.until !== undefined && w.until < atMs),
  };
}

/** The rest of `shown` from `atMs` on: what `settledBefore` leaves out, including waits not over yet. */
export function liveFrom(shown: DiagramWindow, atMs: number): DiagramWindow {
  const events = shown.events.filter((e) => e.t >= atMs);
  return {
    firstEvent: shown.firstEvent + shown.events.length - events.length,
    events,
    arrows: shown.arrows.filter((a) => a.arrivedAt >= atMs),
    waits: shown.waits.filter((w) => w.until === undefined || w.until >= atMs),
  };
}

/**
 * The most dots, arrows or waits one layer of the diagram draws. A window of a dense run can
 * hold 100,000 (every send of a generated run at once); drawn, they took seconds a frame and a
 * strip too narrow to tell them apart. A window of the long lecture session holds about 1,500.
 */
export const MAX_MARKS = 2_000;

/** `shown` with at most `max` marks of each kind, the latest; `hidden` counts the marks left out. */
export function latestOf(shown: DiagramWindow, max: number = MAX_MARKS): DiagramWindow {
  const over = (count: number): number => Math.max(0, count - max);
  const dots = over(shown.events.length);
  const hidden = dots + over(shown.arrows.length) + over(shown.waits.length);
  if (hidden === 0) return shown;
  // Arrows come by arrival and waits by start, each kind's long ones and open waits last.
  return { firstEvent: shown.firstEvent + dots, events: shown.events.slice(dots), arrows: shown.arrows.slice(-max), waits: shown.waits.slice(-max), hidden };
}

const indexes = new WeakMap<readonly TraceEvent[], DiagramIndex>();

/** The diagram of (at least) the first `length` events of `trace`, kept per trace and extended as it grows. */
export function diagramOf(trace: readonly TraceEvent[], length: number, names: readonly string[]): DiagramIndex {
  return readTrace(indexes, trace, length, names, (n) => new DiagramIndex(n));
}
