// The benchmark's network: one schedule of sends and transmissions, shared by every engine.
// Sends form a Poisson process over random senders; every send is broadcast to the N−1 other
// nodes with a delay drawn per transmission (uniform 1–100 ms, or 20× that on the slow links
// with `tail`). The schedule depends only on the seed, so each engine meets the same sends
// and arrivals in the same order, and differs only in what it does on an arrival.
import { EventQueue } from '../src/sim/event-queue.ts';
import { deriveSeed, Rng } from '../src/sim/rng.ts';

/** A delivery engine under test: it stamps sends and decides when arrivals are delivered. */
export interface BenchEngine {
  /** Stamps and self-delivers message `handle`, the `seq`-th from `sender`. */
  send(sender: number, seq: number, handle: number, nowMs: number): void;
  /** Message `handle` from `sender` (its `seq`-th) arrives at node `to`. */
  receive(to: number, handle: number, sender: number, seq: number, nowMs: number): void;
  /** Clock entries compared by the delivery rule so far. */
  comparisons(): number;
  /** Most messages held back at once, summed over nodes. */
  peakBuffered(): number;
  /** Arrivals that went into a hold-back buffer so far. */
  totalBuffered(): number;
}

/** How one run is scheduled. */
export interface Schedule {
  readonly nodes: number;
  readonly messages: number;
  readonly seed: number;
  /** Mean gap between sends in virtual ms. */
  readonly meanGapMs: number;
  /** 1% of the directed links (at least one) are 20× slower. */
  readonly tail: boolean;
}

/** Slowest and fastest delay of an ordinary link, in virtual ms. */
const LINK_MIN_MS = 1;
const LINK_MAX_MS = 100;
/** How much slower the tail's links are. */
const TAIL_FACTOR = 20;
/** Share of the directed links that are slow under `tail`. */
const TAIL_SHARE = 0.01;
/** Per sender, how many recent messages the tally remembers (a power of two). */
const TALLY_RING = 1 << 14;

/**
 * Counts deliveries and folds them into two order-independent hashes: `ids` over (receiver,
 * sender, seq) and `stamps` over (receiver, timestamp). Every engine must reach the same
 * `ids`; engines that keep clocks must reach the same `stamps`. A timestamp's own hash is
 * taken once, when it is stamped, and kept per sender in a ring until its last delivery.
 */
export class Tally {
  deliveries = 0;
  ids = 0;
  stamps = 0;
  private readonly stampHashes: Uint32Array;
  private readonly pending: Int32Array;
  private readonly nodes: number;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.stampHashes = new Uint32Array(nodes * TALLY_RING);
    this.pending = new Int32Array(nodes * TALLY_RING);
  }

  /** Notes that `sender`'s `seq`-th message was stamped `vc` (engines without clocks pass none). */
  stamped(sender: number, seq: number, vc?: ArrayLike<number>): void {
    const slot = sender * TALLY_RING + (seq & (TALLY_RING - 1));
    if (this.pending[slot] !== 0) throw new Error(`tally ring overrun: more than ${TALLY_RING} of ${sender}'s messages undelivered`);
    this.pending[slot] = this.nodes - 1;
    let h = 0x811c9dc5;
    if (vc) for (let k = 0; k < vc.length; k++) h = Math.imul(h ^ (vc[k] as number), 0x01000193);
    this.stampHashes[slot] = h;
  }

  /** Records one delivery to another node than the sender. */
  delivered(to: number, sender: number, seq: number): void {
    const slot = sender * TALLY_RING + (seq & (TALLY_RING - 1));
    this.deliveries++;
    this.pending[slot] = (this.pending[slot] as number) - 1;
    this.ids = (this.ids + mix(mix(mix(0x9e3779b9, to), sender), seq)) | 0;
    this.stamps = (this.stamps + mix(mix(0x85ebca6b, to), this.stampHashes[slot] as number)) | 0;
  }
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return h ^ (h >>> 15);
}

/** What one run of the driver measured. */
export interface DriverResult {
  readonly elapsedMs: number;
  readonly deliveries: number;
  readonly ids: number;
  readonly stamps: number;
  readonly comparisons: number;
  readonly peakBuffered: number;
  readonly totalBuffered: number;
  /** Highest heap use sampled during the run, above the heap in use when it started, in bytes. */
  readonly heapGrowthBytes: number;
}

const ARRIVE = 0;
/** Heap use is sampled every this many events (a power of two). */
const HEAP_SAMPLE_EVERY = 1 << 15;

/**
 * Runs `schedule` through an engine made by `makeEngine(tally)` and times it. Transmissions
 * are queued as (message handle, receiver); a handle is recycled once all N−1 copies of its
 * message have arrived, so the driver's own tables stay as small as what is in flight.
 */
export function runSchedule(schedule: Schedule, makeEngine: (tally: Tally) => BenchEngine, heapUsed: () => number): DriverResult {
  const { nodes, messages, meanGapMs } = schedule;
  const tally = new Tally(nodes);
  const engine = makeEngine(tally);
  const sendRng = new Rng(deriveSeed(schedule.seed, 2));
  const netRng = new Rng(deriveSeed(schedule.seed, 1));
  const slow = slowLinks(schedule);
  const queue = new EventQueue();
  const seqs = new Int32Array(nodes);
  let handleSender = new Int32Array(1024);
  let handleSeq = new Int32Array(1024);
  let handleArrivals = new Int32Array(1024);
  const freeHandles: number[] = [];
  let nextHandle = 0;
  let sent = 0;
  let nextSendAt = 0;
  let events = 0;
  const baselineHeapBytes = heapUsed();
  let peakHeapBytes = baselineHeapBytes;
  const started = performance.now();
  while (sent < messages || queue.size > 0) {
    if (sent < messages && nextSendAt <= queue.peekTime()) {
      const now = nextSendAt;
      const sender = sendRng.nextInt(0, nodes - 1);
      let handle = freeHandles.pop();
      if (handle === undefined) {
        handle = nextHandle++;
        if (handle === handleSender.length) {
          handleSender = grow(handleSender);
          handleSeq = grow(handleSeq);
          handleArrivals = grow(handleArrivals);
        }
      }
      const seq = (seqs[sender] as number) + 1;
      seqs[sender] = seq;
      handleSender[handle] = sender;
      handleSeq[handle] = seq;
      handleArrivals[handle] = nodes - 1;
      engine.send(sender, seq, handle, now);
      for (let to = 0; to < nodes; to++) {
        if (to === sender) continue;
        let delay = netRng.nextInt(LINK_MIN_MS, LINK_MAX_MS);
        if (slow[sender * nodes + to] === 1) delay *= TAIL_FACTOR;
        queue.push(now + delay, ARRIVE, handle * 256 + to);
      }
      sent++;
      nextSendAt = now - Math.log(1 - sendRng.nextFloat()) * meanGapMs;
    } else {
      const now = queue.peekTime();
      const payload = queue.peekPayload();
      queue.pop();
      const handle = payload >>> 8;
      engine.receive(payload & 255, handle, handleSender[handle] as number, handleSeq[handle] as number, now);
      const left = (handleArrivals[handle] as number) - 1;
      handleArrivals[handle] = left;
      if (left === 0) freeHandles.push(handle);
    }
    if ((++events & (HEAP_SAMPLE_EVERY - 1)) === 0) {
      const heap = heapUsed();
      if (heap > peakHeapBytes) peakHeapBytes = heap;
    }
  }
  const elapsedMs = performance.now() - started;
  return {
    elapsedMs,
    deliveries: tally.deliveries,
    ids: tally.ids,
    stamps: tally.stamps,
    comparisons: engine.comparisons(),
    peakBuffered: engine.peakBuffered(),
    totalBuffered: engine.totalBuffered(),
    heapGrowthBytes: Math.max(peakHeapBytes, heapUsed()) - baselineHeapBytes,
  };
}

/** The slow directed links under `tail` (1 at from·N+to), chosen by the seed. */
function slowLinks({ nodes, seed, tail }: Schedule): Uint8Array {
  const slow = new Uint8Array(nodes * nodes);
  if (!tail) return slow;
  const links = nodes * (nodes - 1);
  const rng = new Rng(deriveSeed(seed, 5));
  let count = Math.max(1, Math.round(links * TAIL_SHARE));
  while (count > 0) {
    const from = rng.nextInt(0, nodes - 1);
    const to = rng.nextInt(0, nodes - 1);
    if (from === to || slow[from * nodes + to] === 1) continue;
    slow[from * nodes + to] = 1;
    count--;
  }
  return slow;
}

/** A copy of `array` twice as long, or at least `length` long. */
export function grow(array: Int32Array<ArrayBuffer>, length = 0): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}
