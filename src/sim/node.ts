import { findRaisedBlocker } from './causal-rule.ts';
import { SEQUENCER, type DeliveryPolicy } from './message.ts';
import { messageId, nodeName } from './names.ts';
import { PAIRS, PAIRS_END, SEQ, SENDER, type StampPool } from './stamps.ts';
import type { OrderWait } from './view.ts';

/** A message waiting in a node's hold-back buffer: its stamp's handle in the pool. */
export interface Held {
  readonly handle: number;
  readonly arrivedAt: number;
}

/** What became of an arrival. */
export type ArrivalOutcome = 'delivered' | 'buffered' | 'duplicate';

/**
 * Receives every delivery a node makes, in order: the node, the delivered message's stamp
 * handle, its sender and seq. An object rather than a closure, so that the compiler can inline
 * the call in the delivery path (V8 does not inline a closure made anew per run).
 */
export interface DeliverySink {
  delivered(node: NodeState, handle: number, sender: number, seq: number): void;
}

/** Initial window per sender in the hold-back buffer (a power of two; it doubles on demand). */
const INITIAL_WINDOW = 8;
/** No message: what `heldAt` and `takeDeliverableHead` return when there is none. */
const NONE = -1;

/**
 * One chat node's delivery state: its vector clock and a hold-back buffer kept per sender.
 * A message is its stamp's handle in a StampPool shared by the run's nodes, so the delivery
 * path reads integers from one typed array and never touches a message object (the world
 * builds those for display).
 *
 * The buffer is one flat array per node with a window of `window` slots per sender: every
 * buffered message from s has deliveredPrefix[s] < seq ≤ deliveredPrefix[s] + window, so slot
 * s·window + (seq mod window) is its own and lookups, inserts and removals are O(1), with no
 * allocation and all of a node's buffer in one place in memory.
 *
 * Invariants under `causal`: clock[k] is the number of k's messages delivered here, so
 * deliveredPrefix equals clock; a buffered message from s is either not next from s
 * (seq > clock[s] + 1) or is s's head and waits in row k of `waiters` for the one entry k
 * and value ts[k] it needs. A delivery from k wakes only the heads whose needed value clock[k]
 * now reaches (each row is kept sorted, smallest need last, so the check is O(1)), and a
 * woken head resumes its scan at the entry that blocked it, so a head costs at most N entry
 * comparisons plus one per time it is woken: no rescan of the buffer after every arrival.
 * A head is compared only in the entries its stamp raised over the sender's previous one
 * (the stamp's raised pairs): the previous message is delivered here, so the clock covers
 * the rest. On the engine benchmark's traffic that leaves 2 comparisons per delivery of the
 * 9 a full scan makes at N = 8, and 17 of 65 at N = 64.
 *
 * Under `total` the sequencer (A) runs exactly the causal path above and the world numbers
 * each of its deliveries. Every other node keeps arrived messages, its own included, in the
 * buffer until it knows their sequence numbers, and delivers strictly in sequence order:
 * `slots` maps each known but undelivered sequence number to its message's sender and seq,
 * and `nextSlot` is the next number to deliver. Since A's numbering extends causal order,
 * so does every node's delivery order.
 */
export class NodeState {
  readonly index: number;
  readonly size: number;
  readonly policy: DeliveryPolicy;
  /** The node's vector clock V; receive merges, only a send ticks the node's own entry. */
  readonly clock: Int32Array;
  /** Per sender: every message with seq ≤ this value has been delivered here. */
  readonly deliveredPrefix: Int32Array;
  /** Clock entries compared so far by the delivery rule. */
  comparisons = 0;
  /** Messages in the hold-back buffer now. */
  bufferedCount = 0;
  /** Bumped on every change, so views can cache per node. */
  version = 0;

  private readonly pool: StampPool;
  private readonly stride: number;
  /** Buffered messages (handle + 1, or 0 for none) and their arrival times, `window` slots per sender. */
  private slotted: Int32Array;
  private arrivals: Float64Array;
  private window = INITIAL_WINDOW;
  /** Per sender, how many of its messages are held here. */
  private readonly heldFrom: Int32Array;
  /** Per sender, 1 while its held head is registered in `waiters`. */
  private readonly blocked: Uint8Array;
  /** Per sender, where the check of its head resumes: an offset into the head's raised pairs. */
  private readonly scanFrom: Int32Array;
  /** Per sender whose head is blocked: the value of the blocking entry it needs. */
  private readonly needs: Int32Array;
  /**
   * Per clock entry k, from k·size: the senders whose heads wait for clock[k] to grow, largest
   * need first (a head waits on one entry at a time, so a row of `size` never overflows).
   */
  private readonly waiters: Int32Array;
  /** Per clock entry k, how many senders wait in its row of `waiters`. */
  private readonly waiting: Int32Array;
  /** This node's clock at its last send (all zeros before its first). */
  private readonly lastStamp: Int32Array;
  /** Per sender, seqs delivered beyond the prefix (only under `none`). */
  private readonly deliveredAhead: Set<number>[];
  private readonly sink: DeliverySink;
  /** Senders whose heads were woken and are to be checked again (each at most once at a time), and how many. */
  private readonly work: Int32Array;
  private workCount = 0;
  /** Under `total` at a non-sequencer: the BSS rule is replaced by sequence-number order. */
  private readonly ordered: boolean;
  /** Under `causal`, and at the sequencer under `total`: deliver by the BSS rule. */
  private readonly causalRule: boolean;
  private readonly slots = new Map<number, { readonly sender: number; readonly seq: number }>();
  private nextSlot = 1;

  constructor(index: number, pool: StampPool, policy: DeliveryPolicy, sink: DeliverySink) {
    const size = pool.size;
    this.index = index;
    this.size = size;
    this.policy = policy;
    this.pool = pool;
    this.stride = pool.stride;
    this.sink = sink;
    this.ordered = policy === 'total' && index !== SEQUENCER;
    this.causalRule = policy === 'causal' || (policy === 'total' && index === SEQUENCER);
    this.clock = new Int32Array(size);
    this.lastStamp = new Int32Array(size);
    this.deliveredPrefix = new Int32Array(size);
    this.scanFrom = new Int32Array(size);
    this.needs = new Int32Array(size);
    this.heldFrom = new Int32Array(size);
    this.blocked = new Uint8Array(size);
    this.slotted = new Int32Array(size * INITIAL_WINDOW);
    this.arrivals = new Float64Array(size * INITIAL_WINDOW);
    this.waiters = new Int32Array(size * size);
    this.work = new Int32Array(size);
    this.waiting = new Int32Array(size);
    this.deliveredAhead = Array.from({ length: size }, () => new Set<number>());
  }

  /**
   * Stamps a new message from this node into the pool and returns its handle: ticks the
   * node's own entry, copies the clock into the timestamp and lists the entries raised since
   * the previous stamp.
   */
  stamp(): number {
    const own = this.index;
    const clock = this.clock;
    const last = this.lastStamp;
    const seq = (clock[own] as number) + 1;
    clock[own] = seq;
    const h = this.pool.alloc();
    const words = this.pool.words;
    const stamped = this.pool.clocks;
    const at = h * this.stride;
    const vcAt = h * this.size;
    words[at + SENDER] = own;
    words[at + SEQ] = seq;
    let end = PAIRS;
    for (let k = 0; k < this.size; k++) {
      const v = clock[k] as number;
      stamped[vcAt + k] = v;
      if (v !== last[k] && k !== own) {
        words[at + end] = k;
        words[at + end + 1] = v;
        end += 2;
      }
      last[k] = v;
    }
    words[at + PAIRS_END] = end;
    return h;
  }

  /** Delivers the node's own message to itself, as every policy but `total` does right after a send. */
  deliverOwn(h: number): void {
    this.deliverNow(this.index, h, this.pool.seq(h));
  }

  /** Under `total`, keeps the node's own message in the buffer until its sequence number arrives. */
  holdOwn(h: number, nowMs: number): void {
    this.hold(h, this.index, this.pool.seq(h), nowMs);
  }

  /** True iff this node delivers in the sequencer's numbering rather than on its own. */
  get awaitsOrder(): boolean {
    return this.ordered;
  }

  /**
   * Records that the sequencer gave message `seq` of `sender` sequence number `slot`, then
   * delivers whatever is now next. Returns false for an order already known or used.
   */
  receiveOrder(sender: number, seq: number, slot: number): boolean {
    if (slot < this.nextSlot || this.slots.has(slot)) return false;
    this.slots.set(slot, { sender, seq });
    this.version++;
    this.deliverInOrder();
    return true;
  }

  /**
   * Handles the arrival of message `h`, the `seq`-th from sender `s` (as its header says; the
   * caller passes them so that an arrival to hold back touches no stamp), at `nowMs`: deliver,
   * hold back, or discard as a duplicate.
   */
  receive(h: number, s: number, seq: number, nowMs: number): ArrivalOutcome {
    if (this.causalRule) return this.receiveCausal(h, s, seq, nowMs);
    if (this.isDuplicate(s, seq)) return 'duplicate';
    if (this.ordered) {
      this.hold(h, s, seq, nowMs);
      this.deliverInOrder();
      return this.heldAt(s, seq) === NONE ? 'delivered' : 'buffered';
    }
    if (this.policy === 'fifo') return this.receiveFifo(h, s, seq, nowMs);
    this.deliverNow(s, h, seq);
    return 'delivered';
  }

  /** True iff message `seq` from s was delivered here already or already waits in the buffer. */
  private isDuplicate(s: number, seq: number): boolean {
    if (seq <= (this.deliveredPrefix[s] as number)) return true;
    return this.heldAt(s, seq) !== NONE || this.deliveredAhead[s]?.has(seq) === true;
  }

  /** The buffered messages in arrival order. */
  buffered(): Held[] {
    const all: { handle: number; arrivedAt: number; sender: number; seq: number }[] = [];
    for (let i = 0; i < this.slotted.length; i++) {
      const handle = (this.slotted[i] as number) - 1;
      if (handle !== NONE) all.push({ handle, arrivedAt: this.arrivals[i] as number, sender: this.pool.sender(handle), seq: this.pool.seq(handle) });
    }
    all.sort((a, b) => a.arrivedAt - b.arrivedAt || a.sender - b.sender || a.seq - b.seq);
    return all.map(({ handle, arrivedAt }) => ({ handle, arrivedAt }));
  }

  /**
   * The ids of the messages message `h` still waits for here, derived from the clock
   * comparison: earlier messages of its sender and, under `causal`, for every other k the
   * messages clock[k]+1 … ts[k]. Under `total` (away from the sequencer) they are the
   * messages numbered before it whose numbers are known here; see `orderWait` for the rest.
   */
  waitingFor(h: number): string[] {
    const ids: string[] = [];
    if (this.ordered) {
      const own = this.slotOf(h) ?? 0;
      for (let slot = this.nextSlot; slot < own; slot++) {
        const known = this.slots.get(slot);
        if (known) ids.push(messageId(known.sender, known.seq));
      }
      return ids;
    }
    const s = this.pool.sender(h);
    const stamped = this.pool.clocks;
    const at = h * this.size;
    for (let k = 0; k < this.size; k++) {
      let need: number;
      if (k === s) need = (stamped[at + s] as number) - 1;
      else if (this.causalRule) need = stamped[at + k] as number;
      else continue;
      for (let seq = (this.deliveredPrefix[k] as number) + 1; seq <= need; seq++) {
        if (!this.deliveredAhead[k]?.has(seq)) ids.push(messageId(k, seq));
      }
    }
    return ids;
  }

  /**
   * The messages that happened before message `h` (by its timestamp) and are not yet
   * delivered here. Non-empty at delivery time means causal order was violated.
   */
  missingPredecessors(h: number): string[] {
    const missing: string[] = [];
    const s = this.pool.sender(h);
    const stamped = this.pool.clocks;
    const at = h * this.size;
    for (let k = 0; k < this.size; k++) {
      const need = (stamped[at + k] as number) - (k === s ? 1 : 0);
      const have = this.deliveredPrefix[k] as number;
      if (have < need) missing.push(messageId(k, have + 1));
    }
    return missing;
  }

  /**
   * Under `total` away from the sequencer, what message `h` still needs from the sequencer:
   * its own sequence number, or the numbers before it not yet known here. Undefined otherwise.
   */
  orderWait(h: number): OrderWait | undefined {
    if (!this.ordered) return undefined;
    const own = this.slotOf(h);
    const seqs: number[] = [];
    for (let slot = this.nextSlot; slot < (own ?? 0); slot++) if (!this.slots.has(slot)) seqs.push(slot);
    if (own !== undefined && seqs.length === 0) return undefined;
    return { from: nodeName(SEQUENCER), ownSeq: own === undefined, seqs };
  }

  /** The sequence number known here for message `h`, if any (linear in the known numbers). */
  private slotOf(h: number): number | undefined {
    const sender = this.pool.sender(h);
    const seq = this.pool.seq(h);
    for (const [slot, known] of this.slots) if (known.sender === sender && known.seq === seq) return slot;
    return undefined;
  }

  /** Delivers buffered messages while the next sequence number and its message are both here. */
  private deliverInOrder(): void {
    for (let known = this.slots.get(this.nextSlot); known; known = this.slots.get(this.nextSlot)) {
      const h = this.heldAt(known.sender, known.seq);
      if (h === NONE) return;
      this.release(known.sender, known.seq);
      this.slots.delete(this.nextSlot);
      this.nextSlot++;
      this.deliverNow(known.sender, h, known.seq);
    }
  }

  private receiveFifo(h: number, s: number, seq: number, nowMs: number): ArrivalOutcome {
    if (seq !== (this.deliveredPrefix[s] as number) + 1) {
      this.hold(h, s, seq, nowMs);
      return 'buffered';
    }
    this.deliverNow(s, h, seq);
    for (let next = seq + 1, held = this.heldAt(s, next); held !== NONE; held = this.heldAt(s, ++next)) {
      this.release(s, next);
      this.deliverNow(s, held, next);
    }
    return 'delivered';
  }

  /**
   * The causal path. A held head is always registered as blocked (outside `drain`), so an
   * arrival of the next message from its sender is a duplicate exactly when that sender is
   * blocked, and only arrivals from further ahead need a buffer lookup.
   */
  private receiveCausal(h: number, s: number, seq: number, nowMs: number): ArrivalOutcome {
    const next = (this.clock[s] as number) + 1;
    if (seq === next) {
      if (this.blocked[s] === 1) return 'duplicate';
      if (this.checkHead(s, h) !== NONE) {
        this.hold(h, s, seq, nowMs);
        return 'buffered';
      }
      this.deliverHead(s, h, seq);
      if (this.workCount > 0) this.drain();
      return 'delivered';
    }
    if (seq < next || this.heldAt(s, seq) !== NONE) return 'duplicate';
    this.hold(h, s, seq, nowMs);
    return 'buffered';
  }

  /**
   * Applies the causal rule to sender s's head `h`, registering it as a waiter when blocked;
   * returns the blocking entry or NONE. A head is s's next message, and this node has
   * delivered s's previous one, so its clock already covers every entry s did not raise
   * since: only the raised pairs are compared, plus the sender's own (which the caller checked).
   */
  private checkHead(s: number, h: number): number {
    const words = this.pool.words;
    const at = h * this.stride;
    const from = at + PAIRS + (this.scanFrom[s] as number);
    const end = at + (words[at + PAIRS_END] as number);
    const blockedAt = findRaisedBlocker(this.clock, words, from, end);
    this.comparisons += 1 + (((blockedAt === NONE ? end : blockedAt + 2) - from) >> 1);
    if (blockedAt === NONE) return NONE;
    const blocker = words[blockedAt] as number;
    this.scanFrom[s] = blockedAt - at - PAIRS;
    this.addWaiter(blocker, s, words[blockedAt + 1] as number);
    return blocker;
  }

  /** Registers sender s's head as waiting for clock[k] to reach `need`; the list stays sorted, largest need first. */
  private addWaiter(k: number, s: number, need: number): void {
    this.needs[s] = need;
    this.blocked[s] = 1;
    const list = this.waiters;
    const row = k * this.size;
    let i = row + (this.waiting[k] as number);
    this.waiting[k] = (this.waiting[k] as number) + 1;
    while (i > row && (this.needs[list[i - 1] as number] as number) < need) {
      list[i] = list[i - 1] as number;
      i--;
    }
    list[i] = s;
  }

  /**
   * Delivers sender s's head `h`, its `seq`-th message, and then, while they are held and
   * deliverable, its sender's next messages; queues the heads each delivery wakes. Following
   * the sender first delivers in the same order as queueing it last would, without the round
   * trip through the work list.
   */
  private deliverHead(s: number, h: number, seq: number): void {
    for (let head = h; head !== NONE; head = this.takeDeliverableHead(s), seq++) {
      this.scanFrom[s] = 0;
      this.deliverNow(s, head, seq);
      if ((this.waiting[s] as number) > 0) this.wake(s);
      if ((this.heldFrom[s] as number) === 0) return;
    }
  }

  /** Delivers every buffered head that became deliverable, until the work list is empty. */
  private drain(): void {
    while (this.workCount > 0) {
      const s = this.work[--this.workCount] as number;
      const head = this.takeDeliverableHead(s);
      if (head !== NONE) this.deliverHead(s, head, (this.clock[s] as number) + 1);
    }
  }

  /** Sender s's next message if it is held here and now deliverable, out of the buffer; otherwise it stays (waiting, if blocked). */
  private takeDeliverableHead(s: number): number {
    const seq = (this.clock[s] as number) + 1;
    const head = this.heldAt(s, seq);
    if (head === NONE || this.checkHead(s, head) !== NONE) return NONE;
    this.release(s, seq);
    return head;
  }

  /** Moves the heads waiting for clock[k]'s new value onto the work list. */
  private wake(k: number): void {
    const list = this.waiters;
    const row = k * this.size;
    const value = this.clock[k] as number;
    let end = row + (this.waiting[k] as number);
    while (end > row && (this.needs[list[end - 1] as number] as number) <= value) {
      const s = list[--end] as number;
      this.blocked[s] = 0;
      this.work[this.workCount++] = s;
    }
    this.waiting[k] = end - row;
  }

  /** The handle of message `seq` from s if it is held here, else NONE. Every held message lies in its sender's window above the prefix. */
  private heldAt(s: number, seq: number): number {
    const span = seq - (this.deliveredPrefix[s] as number);
    if (span <= 0 || span > this.window) return NONE;
    return (this.slotted[s * this.window + (seq & (this.window - 1))] as number) - 1;
  }

  private hold(h: number, s: number, seq: number, nowMs: number): void {
    const span = seq - (this.deliveredPrefix[s] as number);
    if (span > this.window) this.widen(span);
    const slot = s * this.window + (seq & (this.window - 1));
    this.slotted[slot] = h + 1;
    this.arrivals[slot] = nowMs;
    this.heldFrom[s] = (this.heldFrom[s] as number) + 1;
    this.bufferedCount++;
    this.version++;
  }

  /** Doubles the window per sender until it spans `span` messages, keeping every held message. */
  private widen(span: number): void {
    let window = this.window;
    while (window < span) window *= 2;
    const slotted = new Int32Array(this.size * window);
    const arrivals = new Float64Array(this.size * window);
    for (let i = 0; i < this.slotted.length; i++) {
      const held = this.slotted[i] as number;
      if (held === 0) continue;
      const sender = Math.floor(i / this.window);
      const slot = sender * window + (this.pool.seq(held - 1) & (window - 1));
      slotted[slot] = held;
      arrivals[slot] = this.arrivals[i] as number;
    }
    this.slotted = slotted;
    this.arrivals = arrivals;
    this.window = window;
  }

  private release(s: number, seq: number): void {
    this.slotted[s * this.window + (seq & (this.window - 1))] = 0;
    this.heldFrom[s] = (this.heldFrom[s] as number) - 1;
    this.bufferedCount--;
  }

  /**
   * Records the delivery of message `h`, the `seq`-th from s: merges its timestamp into the clock and
   * advances the prefix. Under the causal rule the merge is one write: the message is
   * deliverable, so ts[k] ≤ clock[k] for every k ≠ s and ts[s] = clock[s] + 1 (for the node's
   * own message the send has already ticked clock[s] to ts[s]), and every earlier message of
   * the sender is delivered, so the prefix is its seq.
   */
  private deliverNow(s: number, h: number, seq: number): void {
    if (this.causalRule) {
      this.clock[s] = seq;
      this.deliveredPrefix[s] = seq;
      this.version++;
      this.sink.delivered(this, h, s, seq);
      return;
    }
    const clock = this.clock;
    const stamped = this.pool.clocks;
    const at = h * this.size;
    for (let k = 0; k < this.size; k++) {
      const v = stamped[at + k] as number;
      if (v > (clock[k] as number)) clock[k] = v;
    }
    if (seq === (this.deliveredPrefix[s] as number) + 1) {
      let prefix = seq;
      const ahead = this.deliveredAhead[s] as Set<number>;
      while (ahead.size > 0 && ahead.delete(prefix + 1)) prefix++;
      this.deliveredPrefix[s] = prefix;
    } else {
      (this.deliveredAhead[s] as Set<number>).add(seq);
    }
    this.version++;
    this.sink.delivered(this, h, s, seq);
  }
}
