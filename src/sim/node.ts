import { findCausalBlocker, findRaisedBlocker } from './causal-rule.ts';
import { SEQUENCER, type DeliveryPolicy, type Message } from './message.ts';
import { messageId, nodeName } from './names.ts';
import type { OrderWait } from './view.ts';

/** A message waiting in a node's hold-back buffer. */
export interface Held {
  readonly message: Message;
  readonly arrivedAt: number;
}

/** What became of an arrival. */
export type ArrivalOutcome = 'delivered' | 'buffered' | 'duplicate';

/** Receives every delivery a node makes, in order. */
export type DeliverFn = (node: NodeState, message: Message) => void;

/** Initial window per sender in the hold-back buffer (a power of two; it doubles on demand). */
const INITIAL_WINDOW = 8;

/**
 * One chat node's delivery state: its vector clock and a hold-back buffer kept per sender.
 *
 * The buffer is one flat array per node with a window of `window` slots per sender: every
 * buffered message from s has deliveredPrefix[s] < seq ≤ deliveredPrefix[s] + window, so slot
 * s·window + (seq mod window) is its own and lookups, inserts and removals are O(1), with no
 * allocation and all of a node's buffer in one place in memory.
 *
 * Invariants under `causal`: clock[k] is the number of k's messages delivered here, so
 * deliveredPrefix equals clock; a buffered message from s is either not next from s
 * (seq > clock[s] + 1) or is s's head and waits in `waiters[k]` for the one entry k and
 * value ts[k] it needs. A delivery from k wakes only the heads whose needed value clock[k]
 * now reaches (each list is kept sorted, smallest need last, so the check is O(1)), and a
 * woken head resumes its scan at the entry that blocked it, so a head costs at most N entry
 * comparisons plus one per time it is woken: no rescan of the buffer after every arrival.
 * A head stamped by a node is compared only in the entries its stamp raised over the
 * sender's previous one (`Message.raised`): the previous message is delivered here, so the
 * clock covers the rest. On the engine benchmark's traffic that leaves 2 comparisons per
 * delivery of the 9 a full scan makes at N = 8, and 17 of 65 at N = 64.
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
  readonly name: string;
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

  /** Buffered messages and their arrival times, `window` slots per sender. */
  private slotted: (Message | undefined)[];
  private arrivals: Float64Array;
  private window = INITIAL_WINDOW;
  /** Per sender, how many of its messages are held here. */
  private readonly heldFrom: Int32Array;
  /** Per sender, 1 while its held head is registered in `waiters`. */
  private readonly blocked: Uint8Array;
  /** Per sender, where the check of its head resumes: a clock entry, or an offset into the head's `raised` pairs. */
  private readonly scanFrom: Int32Array;
  /** Per sender whose head is blocked: the value of the blocking entry it needs. */
  private readonly needs: Int32Array;
  /** Per clock entry k, the senders whose heads wait for clock[k] to grow, largest need first. */
  private readonly waiters: number[][];
  /** Per clock entry k, the length of `waiters[k]` (checked on every delivery without touching the list). */
  private readonly waiting: Int32Array;
  /** This node's last timestamp (all zeros before its first send). */
  private lastVc: readonly number[];
  /** Per sender, seqs delivered beyond the prefix (only under `none`). */
  private readonly deliveredAhead: Set<number>[];
  private readonly onDeliver: DeliverFn;
  private readonly work: number[] = [];
  /** Under `total` at a non-sequencer: the BSS rule is replaced by sequence-number order. */
  private readonly ordered: boolean;
  /** Under `causal`, and at the sequencer under `total`: deliver by the BSS rule. */
  private readonly causalRule: boolean;
  private readonly slots = new Map<number, { readonly sender: number; readonly seq: number }>();
  private nextSlot = 1;

  constructor(index: number, size: number, policy: DeliveryPolicy, onDeliver: DeliverFn) {
    this.index = index;
    this.size = size;
    this.policy = policy;
    this.name = nodeName(index);
    this.onDeliver = onDeliver;
    this.ordered = policy === 'total' && index !== SEQUENCER;
    this.causalRule = policy === 'causal' || (policy === 'total' && index === SEQUENCER);
    this.clock = new Int32Array(size);
    this.lastVc = new Array<number>(size).fill(0);
    this.deliveredPrefix = new Int32Array(size);
    this.scanFrom = new Int32Array(size);
    this.needs = new Int32Array(size);
    this.heldFrom = new Int32Array(size);
    this.blocked = new Uint8Array(size);
    this.slotted = new Array<Message | undefined>(size * INITIAL_WINDOW).fill(undefined);
    this.arrivals = new Float64Array(size * INITIAL_WINDOW);
    this.waiters = Array.from({ length: size }, () => []);
    this.waiting = new Int32Array(size);
    this.deliveredAhead = Array.from({ length: size }, () => new Set<number>());
  }

  /**
   * Stamps a new message from this node: ticks its own entry, copies the clock into the
   * timestamp and lists the entries raised since the previous one. The message is read-only by
   * type, not frozen: freezing costs more than a delivery does on the benchmark's hot path.
   */
  stamp(text: string, nowMs: number): Message {
    const own = this.index;
    const seq = (this.clock[own] as number) + 1;
    this.clock[own] = seq;
    const vc = new Array<number>(this.size);
    const raised: number[] = [];
    for (let k = 0; k < this.size; k++) {
      const v = this.clock[k] as number;
      vc[k] = v;
      if (v !== this.lastVc[k] && k !== own) raised.push(k, v);
    }
    this.lastVc = vc;
    return { id: this.name + seq, sender: own, seq, vc, raised, text, sentAt: nowMs };
  }

  /** Delivers the node's own message to itself, as every policy but `total` does right after a send. */
  deliverOwn(message: Message): void {
    this.deliverNow(message);
  }

  /** Under `total`, keeps the node's own message in the buffer until its sequence number arrives. */
  holdOwn(message: Message, nowMs: number): void {
    this.hold(message, nowMs);
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

  /** Handles the arrival of `message` at `nowMs`: deliver, hold back, or discard as a duplicate. */
  receive(message: Message, nowMs: number): ArrivalOutcome {
    if (this.causalRule) return this.receiveCausal(message, nowMs);
    if (this.isDuplicate(message)) return 'duplicate';
    if (this.ordered) {
      this.hold(message, nowMs);
      this.deliverInOrder();
      return this.heldAt(message.sender, message.seq) === undefined ? 'delivered' : 'buffered';
    }
    switch (this.policy) {
      case 'none':
        this.deliverNow(message);
        return 'delivered';
      case 'fifo':
        return this.receiveFifo(message, nowMs);
      case 'causal':
      case 'total':
        return this.receiveCausal(message, nowMs);
    }
  }

  /** True iff `message` was delivered here already or already waits in the buffer. */
  isDuplicate(message: Message): boolean {
    const s = message.sender;
    if (message.seq <= (this.deliveredPrefix[s] as number)) return true;
    return this.heldAt(s, message.seq) !== undefined || this.deliveredAhead[s]?.has(message.seq) === true;
  }

  /** The buffered messages in arrival order. */
  buffered(): Held[] {
    const all: Held[] = [];
    for (let i = 0; i < this.slotted.length; i++) {
      const message = this.slotted[i];
      if (message) all.push({ message, arrivedAt: this.arrivals[i] as number });
    }
    return all.sort((a, b) => a.arrivedAt - b.arrivedAt || a.message.sender - b.message.sender || a.message.seq - b.message.seq);
  }

  /**
   * The ids of the messages `message` still waits for here, derived from the clock
   * comparison: earlier messages of its sender and, under `causal`, for every other k the
   * messages clock[k]+1 … ts[k]. Under `total` (away from the sequencer) they are the
   * messages numbered before it whose numbers are known here; see `orderWait` for the rest.
   */
  waitingFor(message: Message): string[] {
    const ids: string[] = [];
    if (this.ordered) {
      const own = this.slotOf(message) ?? 0;
      for (let slot = this.nextSlot; slot < own; slot++) {
        const known = this.slots.get(slot);
        if (known) ids.push(messageId(known.sender, known.seq));
      }
      return ids;
    }
    const s = message.sender;
    for (let k = 0; k < this.size; k++) {
      let need: number;
      if (k === s) need = message.seq - 1;
      else if (this.causalRule) need = message.vc[k] as number;
      else continue;
      for (let seq = (this.deliveredPrefix[k] as number) + 1; seq <= need; seq++) {
        if (!this.deliveredAhead[k]?.has(seq)) ids.push(messageId(k, seq));
      }
    }
    return ids;
  }

  /**
   * The messages that happened before `message` (by its timestamp) and are not yet
   * delivered here. Non-empty at delivery time means causal order was violated.
   */
  missingPredecessors(message: Message): string[] {
    const missing: string[] = [];
    for (let k = 0; k < this.size; k++) {
      const need = k === message.sender ? message.seq - 1 : (message.vc[k] as number);
      const have = this.deliveredPrefix[k] as number;
      if (have < need) missing.push(messageId(k, have + 1));
    }
    return missing;
  }

  /**
   * Under `total` away from the sequencer, what `message` still needs from the sequencer:
   * its own sequence number, or the numbers before it not yet known here. Undefined otherwise.
   */
  orderWait(message: Message): OrderWait | undefined {
    if (!this.ordered) return undefined;
    const own = this.slotOf(message);
    const seqs: number[] = [];
    for (let slot = this.nextSlot; slot < (own ?? 0); slot++) if (!this.slots.has(slot)) seqs.push(slot);
    if (own !== undefined && seqs.length === 0) return undefined;
    return { from: nodeName(SEQUENCER), ownSeq: own === undefined, seqs };
  }

  /** The sequence number known here for `message`, if any (linear in the known numbers). */
  private slotOf(message: Message): number | undefined {
    for (const [slot, known] of this.slots) if (known.sender === message.sender && known.seq === message.seq) return slot;
    return undefined;
  }

  /** Delivers buffered messages while the next sequence number and its message are both here. */
  private deliverInOrder(): void {
    for (let known = this.slots.get(this.nextSlot); known; known = this.slots.get(this.nextSlot)) {
      const message = this.heldAt(known.sender, known.seq);
      if (!message) return;
      this.release(message);
      this.slots.delete(this.nextSlot);
      this.nextSlot++;
      this.deliverNow(message);
    }
  }

  private receiveFifo(message: Message, nowMs: number): ArrivalOutcome {
    const s = message.sender;
    if (message.seq !== (this.deliveredPrefix[s] as number) + 1) {
      this.hold(message, nowMs);
      return 'buffered';
    }
    this.deliverNow(message);
    for (let next = this.heldAt(s, message.seq + 1); next; next = this.heldAt(s, next.seq + 1)) {
      this.release(next);
      this.deliverNow(next);
    }
    return 'delivered';
  }

  /**
   * The causal path. A held head is always registered as blocked (outside `drain`), so an
   * arrival of the next message from its sender is a duplicate exactly when that sender is
   * blocked, and only arrivals from further ahead need a buffer lookup.
   */
  private receiveCausal(message: Message, nowMs: number): ArrivalOutcome {
    const s = message.sender;
    const next = (this.clock[s] as number) + 1;
    if (message.seq === next) {
      if (this.blocked[s] === 1) return 'duplicate';
      if (this.checkHead(s, message) !== -1) {
        this.hold(message, nowMs);
        return 'buffered';
      }
      this.deliverHead(message);
      if (this.work.length > 0) this.drain();
      return 'delivered';
    }
    if (message.seq < next || this.heldAt(s, message.seq) !== undefined) return 'duplicate';
    this.hold(message, nowMs);
    return 'buffered';
  }

  /**
   * Applies the causal rule to sender s's head, registering it as a waiter when blocked;
   * returns the blocking entry or -1. A head is s's next message, and this node has delivered
   * s's previous one, so its clock already covers every entry s did not raise since: only the
   * raised entries are compared, plus the sender's own (which the caller checked). A message
   * no node stamped has no raised list and is compared in every entry.
   */
  private checkHead(s: number, message: Message): number {
    const from = this.scanFrom[s] as number;
    const raised = message.raised;
    let blocker: number;
    let resumeAt: number;
    let need = 0;
    if (raised === undefined) {
      blocker = findCausalBlocker(this.clock, message.vc, s, from);
      this.comparisons += (blocker === -1 ? this.size : blocker + 1) - from;
      resumeAt = blocker;
      if (blocker !== -1) need = message.vc[blocker] as number;
    } else {
      const at = findRaisedBlocker(this.clock, raised, from);
      this.comparisons += 1 + ((at === -1 ? raised.length : at + 2) - from) / 2;
      resumeAt = at;
      blocker = at === -1 ? -1 : (raised[at] as number);
      if (at !== -1) need = raised[at + 1] as number;
    }
    if (blocker !== -1) {
      this.scanFrom[s] = resumeAt;
      this.addWaiter(blocker, s, need);
    }
    return blocker;
  }

  /** Registers sender s's head as waiting for clock[k] to reach `need`; the list stays sorted, largest need first. */
  private addWaiter(k: number, s: number, need: number): void {
    this.needs[s] = need;
    this.blocked[s] = 1;
    const list = this.waiters[k] as number[];
    let i = list.length;
    list.push(s);
    this.waiting[k] = list.length;
    while (i > 0 && (this.needs[list[i - 1] as number] as number) < need) {
      list[i] = list[i - 1] as number;
      i--;
    }
    list[i] = s;
  }

  /**
   * Delivers a sender's head and then, while they are held and deliverable, its sender's next
   * messages; queues the heads each delivery wakes. Following the sender first delivers in the
   * same order as queueing it last would, without the round trip through the work list.
   */
  private deliverHead(message: Message): void {
    const s = message.sender;
    for (let head: Message | undefined = message; ; ) {
      this.scanFrom[s] = 0;
      this.deliverNow(head);
      if ((this.waiting[s] as number) > 0) this.wake(s);
      if ((this.heldFrom[s] as number) === 0) return;
      head = this.takeDeliverableHead(s);
      if (!head) return;
    }
  }

  /** Delivers every buffered head that became deliverable, until the work list is empty. */
  private drain(): void {
    const work = this.work;
    for (let s = work.pop(); s !== undefined; s = work.pop()) {
      const head = this.takeDeliverableHead(s);
      if (head) this.deliverHead(head);
    }
  }

  /** Sender s's next message if it is held here and now deliverable, out of the buffer; otherwise it stays (waiting, if blocked). */
  private takeDeliverableHead(s: number): Message | undefined {
    const head = this.heldAt(s, (this.clock[s] as number) + 1);
    if (!head || this.checkHead(s, head) !== -1) return undefined;
    this.release(head);
    return head;
  }

  /** Moves the heads waiting for clock[k]'s new value onto the work list. */
  private wake(k: number): void {
    const list = this.waiters[k] as number[];
    const value = this.clock[k] as number;
    while (list.length > 0 && (this.needs[list[list.length - 1] as number] as number) <= value) {
      const s = list.pop() as number;
      this.blocked[s] = 0;
      this.work.push(s);
    }
    this.waiting[k] = list.length;
  }

  private heldAt(s: number, seq: number): Message | undefined {
    const message = this.slotted[s * this.window + (seq & (this.window - 1))];
    return message !== undefined && message.seq === seq ? message : undefined;
  }

  private hold(message: Message, nowMs: number): void {
    const s = message.sender;
    const span = message.seq - (this.deliveredPrefix[s] as number);
    if (span > this.window) this.widen(span);
    const slot = s * this.window + (message.seq & (this.window - 1));
    this.slotted[slot] = message;
    this.arrivals[slot] = nowMs;
    this.heldFrom[s] = (this.heldFrom[s] as number) + 1;
    this.bufferedCount++;
    this.version++;
  }

  /** Doubles the window per sender until it spans `span` messages, keeping every held message. */
  private widen(span: number): void {
    let window = this.window;
    while (window < span) window *= 2;
    const slotted = new Array<Message | undefined>(this.size * window).fill(undefined);
    const arrivals = new Float64Array(this.size * window);
    for (let i = 0; i < this.slotted.length; i++) {
      const message = this.slotted[i];
      if (!message) continue;
      const slot = message.sender * window + (message.seq & (window - 1));
      slotted[slot] = message;
      arrivals[slot] = this.arrivals[i] as number;
    }
    this.slotted = slotted;
    this.arrivals = arrivals;
    this.window = window;
  }

  private release(message: Message): void {
    this.slotted[message.sender * this.window + (message.seq & (this.window - 1))] = undefined;
    this.heldFrom[message.sender] = (this.heldFrom[message.sender] as number) - 1;
    this.bufferedCount--;
  }

  /**
   * Records a delivery: merges the timestamp into the clock and advances the prefix. Under the
   * causal rule the merge is one write: the message is deliverable, so ts[k] ≤ clock[k] for
   * every k ≠ sender and ts[sender] = clock[sender] + 1 (for the node's own message the send
   * has already ticked clock[sender] to ts[sender]), and every earlier message of the sender
   * is delivered, so the prefix is its seq.
   */
  private deliverNow(message: Message): void {
    const s = message.sender;
    if (this.causalRule) {
      this.clock[s] = message.seq;
      this.deliveredPrefix[s] = message.seq;
      this.version++;
      this.onDeliver(this, message);
      return;
    }
    const clock = this.clock;
    const ts = message.vc;
    for (let k = 0; k < this.size; k++) {
      const v = ts[k] as number;
      if (v > (clock[k] as number)) clock[k] = v;
    }
    if (message.seq === (this.deliveredPrefix[s] as number) + 1) {
      let prefix = message.seq;
      const ahead = this.deliveredAhead[s] as Set<number>;
      while (ahead.size > 0 && ahead.delete(prefix + 1)) prefix++;
      this.deliveredPrefix[s] = prefix;
    } else {
      (this.deliveredAhead[s] as Set<number>).add(message.seq);
    }
    this.version++;
    this.onDeliver(this, message);
  }
}
