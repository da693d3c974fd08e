// The engines the benchmark compares on one schedule (see engine-driver.ts): project, null and
// naive, and the lean reference that `--lean` puts in the project engine's place.
import { NodeState, type DeliverySink } from '../src/sim/node.ts';
import { StampPool } from '../src/sim/stamps.ts';
import { grow, type BenchEngine, type Tally } from './engine-driver.ts';

/** What an engine holds back: now, most at once, and how many arrivals were ever held. */
class HoldBack {
  now = 0;
  peak = 0;
  total = 0;

  /** Notes that an arrival left `delta` more messages (or, negative, fewer) in the buffers. */
  change(delta: number): void {
    this.now += delta;
    if (this.now > this.peak) this.peak = this.now;
  }
}

/** An engine that counts the comparisons it makes and what it holds back itself. */
abstract class CountingEngine implements BenchEngine {
  protected compared = 0;
  protected readonly held = new HoldBack();

  abstract send(sender: number, seq: number, handle: number, nowMs: number): void;
  abstract receive(to: number, handle: number, sender: number, seq: number, nowMs: number): void;

  comparisons(): number {
    return this.compared;
  }

  peakBuffered(): number {
    return this.held.peak;
  }

  totalBuffered(): number {
    return this.held.total;
  }
}

/**
 * The project's engine: one `NodeState` per node over a shared `StampPool`, the delivery path
 * the app uses (Birman–Schiper–Stephenson with per-sender hold-back and a blocked-on index),
 * stamping with `NodeState.stamp` as the world does. Nothing is recorded: a stamp's slot is
 * recycled once its message has reached every other node.
 */
export class ProjectEngine implements BenchEngine, DeliverySink {
  private readonly nodes: NodeState[];
  private readonly pool: StampPool;
  /** Per driver handle, its message's stamp. */
  private stampOf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** Per stamp, the deliveries to other nodes still to come. */
  private pending: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private readonly tally: Tally;
  private readonly held = new HoldBack();

  constructor(size: number, tally: Tally) {
    this.tally = tally;
    this.pool = new StampPool(size);
    this.nodes = Array.from({ length: size }, (_, i) => new NodeState(i, this.pool, 'causal', this));
  }

  delivered(node: NodeState, h: number, sender: number, seq: number): void {
    if (node.index === sender) return;
    this.tally.delivered(node.index, sender, seq);
    const left = (this.pending[h] as number) - 1;
    this.pending[h] = left;
    if (left === 0) this.pool.release(h);
  }

  send(sender: number, seq: number, handle: number, _nowMs: number): void {
    const node = this.nodes[sender] as NodeState;
    const h = node.stamp();
    if (h >= this.pending.length) this.pending = grow(this.pending, h + 1);
    this.pending[h] = this.nodes.length - 1;
    this.tally.stamped(sender, seq, node.clock);
    if (handle >= this.stampOf.length) this.stampOf = grow(this.stampOf, handle + 1);
    this.stampOf[handle] = h;
    node.deliverOwn(h);
  }

  receive(to: number, handle: number, sender: number, seq: number, nowMs: number): void {
    const node = this.nodes[to] as NodeState;
    const before = node.bufferedCount;
    if (node.receive(this.stampOf[handle] as number, sender, seq, nowMs) === 'buffered') this.held.total++;
    this.held.change(node.bufferedCount - before);
  }

  comparisons(): number {
    let sum = 0;
    for (const node of this.nodes) sum += node.comparisons;
    return sum;
  }

  peakBuffered(): number {
    return this.held.peak;
  }

  totalBuffered(): number {
    return this.held.total;
  }
}

/** The floor: the same network work (queue, random delays, tally) with no clocks and no buffer. */
export class NullEngine implements BenchEngine {
  private readonly tally: Tally;

  constructor(_size: number, tally: Tally) {
    this.tally = tally;
  }

  send(sender: number, seq: number, _handle: number, _nowMs: number): void {
    this.tally.stamped(sender, seq);
  }

  receive(to: number, _handle: number, sender: number, seq: number, _nowMs: number): void {
    this.tally.delivered(to, sender, seq);
  }

  comparisons(): number {
    return 0;
  }

  peakBuffered(): number {
    return 0;
  }

  totalBuffered(): number {
    return 0;
  }
}

/** A clock as a straightforward implementation keeps it: an object keyed by node number as a string. */
type NaiveClock = Record<string, number>;

interface NaiveMessage {
  readonly sender: number;
  readonly seq: number;
  readonly vc: NaiveClock;
}

interface NaiveNode {
  readonly clock: NaiveClock;
  readonly buffer: NaiveMessage[];
}

/**
 * The naive reference, written for the benchmark only: clocks are objects such as
 * `{"0":0,"1":0}`, an arrival goes into one buffer per node, and after every arrival and every
 * delivery the whole buffer is scanned again for a deliverable message.
 */
export class NaiveEngine extends CountingEngine {
  private readonly keys: string[];
  private readonly nodes: NaiveNode[];
  private readonly messages: (NaiveMessage | undefined)[] = [];
  private readonly tally: Tally;

  constructor(size: number, tally: Tally) {
    super();
    this.tally = tally;
    this.keys = Array.from({ length: size }, (_, k) => String(k));
    this.nodes = Array.from({ length: size }, () => {
      const clock: NaiveClock = {};
      for (const key of this.keys) clock[key] = 0;
      return { clock, buffer: [] };
    });
  }

  send(sender: number, _seq: number, handle: number, _nowMs: number): void {
    const node = this.nodes[sender] as NaiveNode;
    const key = String(sender);
    node.clock[key] = (node.clock[key] as number) + 1;
    const vc: NaiveClock = { ...node.clock };
    const seq = vc[key] as number;
    this.tally.stamped(sender, seq, this.keys.map((k) => vc[k] as number));
    this.messages[handle] = { sender, seq, vc };
  }

  receive(to: number, handle: number, _sender: number, _seq: number, _nowMs: number): void {
    const node = this.nodes[to] as NaiveNode;
    node.buffer.push(this.messages[handle] as NaiveMessage);
    let added = 1;
    let delivered = true;
    while (delivered) {
      delivered = false;
      for (let i = 0; i < node.buffer.length; i++) {
        const message = node.buffer[i] as NaiveMessage;
        if (!this.deliverable(node.clock, message)) continue;
        node.buffer.splice(i, 1);
        added--;
        for (const key of this.keys) node.clock[key] = Math.max(node.clock[key] as number, message.vc[key] as number);
        this.tally.delivered(to, message.sender, message.seq);
        delivered = true;
        break;
      }
    }
    if (node.buffer.length > 0 && node.buffer[node.buffer.length - 1] === this.messages[handle]) this.held.total++;
    this.held.change(added);
  }

  private deliverable(clock: NaiveClock, message: NaiveMessage): boolean {
    const own = String(message.sender);
    for (const key of this.keys) {
      this.compared++;
      const stamped = message.vc[key] as number;
      const have = clock[key] as number;
      if (key === own ? stamped !== have + 1 : stamped > have) return false;
    }
    return true;
  }
}

/** Buffer cells per node and sender in the lean engine at first (a power of two; it doubles on demand). */
const LEAN_WINDOW = 8;
/** Ends a lean engine's list of waiting senders. */
const NONE = -1;

/**
 * A lean reference, written for the benchmark only: the project's causal rule (per-sender
 * windows; a head compared only in the entries its stamp raised; a blocked head waits on the
 * one entry that blocks it and resumes its scan there) in one class, with every node's state in
 * shared arrays. Timestamps live in one Int32Array pool whose slots are recycled after their
 * N−1 deliveries, and buffers hold pool slots, as with the project's StampPool. From the null
 * floor to it is what the rule costs; from it to the project engine, what the app's node
 * objects and the rest of what NodeState does cost: unlike NodeState it does not keep the
 * value a blocked head needs (every raise of that entry wakes the head to compare again),
 * keeps no arrival times or versions, and handles only the causal policy and no duplicates.
 */
export class LeanEngine extends CountingEngine {
  private readonly size: number;
  private readonly tally: Tally;
  /** Node i's clock at i·N … i·N + N − 1. */
  private readonly clocks: Int32Array;
  /** Node i's clock as a view, to hash a timestamp when it is stamped. */
  private readonly rows: Int32Array[];
  /**
   * Pool slot p holds, from p·stride: sender, seq, the end of the slot's list, then the
   * (entry, value) pairs the timestamp raised over the sender's previous one, as
   * StampPool has them: a head is compared only there (see NodeState).
   */
  private pool: Int32Array<ArrayBuffer>;
  private readonly stride: number;
  /** Node i's clock at its previous send, at i·N … i·N + N − 1. */
  private readonly lastStamp: Int32Array;
  /** Per pool slot, the deliveries still to make before it is recycled. */
  private pending: Int32Array<ArrayBuffer>;
  private readonly freeSlots: number[] = [];
  private usedSlots = 0;
  /** Per driver handle, the pool slot of its message. */
  private slotOf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** Per node and sender, `window` cells each holding a held message's pool slot + 1, or 0. */
  private buffer: Int32Array;
  private window = LEAN_WINDOW;
  /** Per node and sender: messages held, and where in the head's list its scan resumes. */
  private readonly heldFrom: Int32Array;
  private readonly scanFrom: Int32Array;
  /** Per node and entry, the first sender whose head waits for it to grow; per node and sender, the next. */
  private readonly waitFirst: Int32Array;
  private readonly waitNext: Int32Array;
  private readonly work: number[] = [];

  constructor(size: number, tally: Tally) {
    super();
    this.size = size;
    this.tally = tally;
    this.clocks = new Int32Array(size * size);
    this.rows = Array.from({ length: size }, (_, i) => this.clocks.subarray(i * size, (i + 1) * size));
    this.stride = 2 * size + 1;
    this.pool = new Int32Array(1024 * this.stride);
    this.lastStamp = new Int32Array(size * size);
    this.pending = new Int32Array(1024);
    this.buffer = new Int32Array(size * size * LEAN_WINDOW);
    this.heldFrom = new Int32Array(size * size);
    this.scanFrom = new Int32Array(size * size);
    this.waitFirst = new Int32Array(size * size).fill(NONE);
    this.waitNext = new Int32Array(size * size);
  }

  send(sender: number, _seq: number, handle: number, _nowMs: number): void {
    const size = this.size;
    const slot = this.freeSlots.pop() ?? this.newSlot();
    const row = sender * size;
    const seq = (this.clocks[row + sender] as number) + 1;
    this.clocks[row + sender] = seq;
    const at = slot * this.stride;
    this.pool[at] = sender;
    this.pool[at + 1] = seq;
    let end = at + 3;
    for (let k = 0; k < size; k++) {
      const v = this.clocks[row + k] as number;
      if (v !== this.lastStamp[row + k] && k !== sender) {
        this.pool[end] = k;
        this.pool[end + 1] = v;
        end += 2;
      }
      this.lastStamp[row + k] = v;
    }
    this.pool[at + 2] = end - at;
    this.pending[slot] = size - 1;
    this.tally.stamped(sender, seq, this.rows[sender] as Int32Array);
    if (handle >= this.slotOf.length) this.slotOf = grow(this.slotOf, handle + 1);
    this.slotOf[handle] = slot;
  }

  receive(to: number, handle: number, sender: number, seq: number, _nowMs: number): void {
    const slot = this.slotOf[handle] as number;
    const at = to * this.size + sender;
    const head = seq === (this.clocks[at] as number) + 1;
    if (head && this.blocker(to, sender, slot) === NONE) {
      this.deliverFrom(to, sender, slot);
      const work = this.work;
      for (let s = work.pop(); s !== undefined; s = work.pop()) {
        const cell = this.cell(to, s, (this.clocks[to * this.size + s] as number) + 1);
        const next = (this.buffer[cell] as number) - 1;
        if (next === NONE || this.blocker(to, s, next) !== NONE) continue;
        this.release(to, s, cell);
        this.deliverFrom(to, s, next);
      }
      return;
    }
    const span = seq - (this.clocks[at] as number);
    if (span > this.window) this.widen(span);
    this.buffer[this.cell(to, sender, seq)] = slot + 1;
    this.heldFrom[at] = (this.heldFrom[at] as number) + 1;
    this.held.total++;
    this.held.change(1);
  }

  /** Delivers `slot` from `sender` at `to`, then the sender's next held messages while they are deliverable. */
  private deliverFrom(to: number, sender: number, slot: number): void {
    const size = this.size;
    const at = to * size + sender;
    for (;;) {
      const seq = this.pool[slot * this.stride + 1] as number;
      this.clocks[at] = seq;
      this.scanFrom[at] = 0;
      this.tally.delivered(to, sender, seq);
      const left = (this.pending[slot] as number) - 1;
      this.pending[slot] = left;
      if (left === 0) this.freeSlots.push(slot);
      for (let s = this.waitFirst[at] as number; s !== NONE; s = this.waitNext[to * size + s] as number) this.work.push(s);
      this.waitFirst[at] = NONE;
      if (this.heldFrom[at] === 0) return;
      const cell = this.cell(to, sender, seq + 1);
      slot = (this.buffer[cell] as number) - 1;
      if (slot === NONE || this.blocker(to, sender, slot) !== NONE) return;
      this.release(to, sender, cell);
    }
  }

  /**
   * The first entry of `sender`'s head `slot` that `to`'s clock does not cover yet, scanning
   * from where the last check stopped; when there is one, the head waits on it. NONE if deliverable.
   */
  private blocker(to: number, sender: number, slot: number): number {
    const at = to * this.size + sender;
    const clock = to * this.size;
    const pool = this.pool;
    const base = slot * this.stride;
    const end = base + (pool[base + 2] as number);
    for (let i = base + 3 + (this.scanFrom[at] as number); i < end; i += 2) {
      this.compared++;
      const k = pool[i] as number;
      if ((pool[i + 1] as number) <= (this.clocks[clock + k] as number)) continue;
      this.scanFrom[at] = i - base - 3;
      this.waitNext[at] = this.waitFirst[clock + k] as number;
      this.waitFirst[clock + k] = sender;
      return k;
    }
    this.compared++;
    return NONE;
  }

  private cell(to: number, sender: number, seq: number): number {
    return (to * this.size + sender) * this.window + (seq & (this.window - 1));
  }

  private release(to: number, sender: number, cell: number): void {
    this.buffer[cell] = 0;
    const at = to * this.size + sender;
    this.heldFrom[at] = (this.heldFrom[at] as number) - 1;
    this.held.change(-1);
  }

  private newSlot(): number {
    const slot = this.usedSlots++;
    if (slot === this.pending.length) {
      this.pending = grow(this.pending, slot * 2);
      this.pool = grow(this.pool, slot * 2 * this.stride);
    }
    return slot;
  }

  /** Widens every node's per-sender window until it spans `span` messages, keeping each held one in its cell. */
  private widen(span: number): void {
    let window = this.window;
    while (window < span) window *= 2;
    const buffer = new Int32Array(this.size * this.size * window);
    for (let i = 0; i < this.buffer.length; i++) {
      const slot = (this.buffer[i] as number) - 1;
      if (slot === NONE) continue;
      const seq = this.pool[slot * this.stride + 1] as number;
      buffer[Math.floor(i / this.window) * window + (seq & (window - 1))] = slot + 1;
    }
    this.buffer = buffer;
    this.window = window;
  }
}
