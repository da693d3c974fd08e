import { findCausalBlocker } from './causal-rule.ts';
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

/**
 * One chat node's delivery state: its vector clock and a hold-back buffer kept per sender.
 *
 * Invariants under `causal`: clock[k] is the number of k's messages delivered here, so
 * deliveredPrefix equals clock; a buffered message from s is either not next from s
 * (seq > clock[s] + 1) or is s's head and listed in `waitAt` under the one entry k and
 * value ts[k] it needs. A delivery from k wakes only the heads waiting for exactly the new
 * clock[k], and a woken head resumes its scan at the entry that blocked it, so a head costs
 * at most N entry comparisons plus one per time it is woken: no rescan of the buffer after
 * every arrival.
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

  private readonly pending: Map<number, Held>[];
  private readonly scanFrom: Int32Array;
  private readonly waitAt: Map<number, number[]>[];
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
    this.onDeliver = onDeliver;
    this.ordered = policy === 'total' && index !== SEQUENCER;
    this.causalRule = policy === 'causal' || (policy === 'total' && index === SEQUENCER);
    this.clock = new Int32Array(size);
    this.deliveredPrefix = new Int32Array(size);
    this.scanFrom = new Int32Array(size);
    this.pending = Array.from({ length: size }, () => new Map<number, Held>());
    this.waitAt = Array.from({ length: size }, () => new Map<number, number[]>());
    this.deliveredAhead = Array.from({ length: size }, () => new Set<number>());
  }

  /** Ticks the node's own entry for a new send and returns the new sequence number. */
  tickForSend(): number {
    const seq = (this.clock[this.index] as number) + 1;
    this.clock[this.index] = seq;
    return seq;
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
    if (this.isDuplicate(message)) return 'duplicate';
    if (this.ordered) {
      this.hold(message, nowMs);
      this.deliverInOrder();
      return this.pending[message.sender]?.has(message.seq) === true ? 'buffered' : 'delivered';
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
    return this.pending[s]?.has(message.seq) === true || this.deliveredAhead[s]?.has(message.seq) === true;
  }

  /** The buffered messages in arrival order. */
  buffered(): Held[] {
    const all: Held[] = [];
    for (const bySeq of this.pending) for (const held of bySeq.values()) all.push(held);
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
      const held = this.pending[known.sender]?.get(known.seq);
      if (!held) return;
      this.release(held.message);
      this.slots.delete(this.nextSlot);
      this.nextSlot++;
      this.deliverNow(held.message);
    }
  }

  private receiveFifo(message: Message, nowMs: number): ArrivalOutcome {
    const s = message.sender;
    if (message.seq !== (this.deliveredPrefix[s] as number) + 1) {
      this.hold(message, nowMs);
      return 'buffered';
    }
    this.deliverNow(message);
    const bySeq = this.pending[s] as Map<number, Held>;
    for (let next = bySeq.get(message.seq + 1); next; next = bySeq.get(next.message.seq + 1)) {
      this.release(next.message);
      this.deliverNow(next.message);
    }
    return 'delivered';
  }

  private receiveCausal(message: Message, nowMs: number): ArrivalOutcome {
    this.hold(message, nowMs);
    const s = message.sender;
    if (message.seq !== (this.clock[s] as number) + 1) return 'buffered';
    const blocker = this.checkHead(s, message);
    if (blocker !== -1) return 'buffered';
    this.drain(s);
    return 'delivered';
  }

  /** Applies the causal rule to sender s's head, registering it as a waiter when blocked. */
  private checkHead(s: number, message: Message): number {
    const from = this.scanFrom[s] as number;
    const blocker = findCausalBlocker(this.clock, message.vc, s, from);
    this.comparisons += blocker === -1 ? this.size - from : blocker - from + 1;
    if (blocker !== -1) {
      this.scanFrom[s] = blocker;
      const needed = message.vc[blocker] as number;
      const waiting = this.waitAt[blocker] as Map<number, number[]>;
      const list = waiting.get(needed);
      if (list) list.push(s);
      else waiting.set(needed, [s]);
    }
    return blocker;
  }

  /** Delivers sender s's head (known deliverable) and everything that it unblocks. */
  private drain(first: number): void {
    const work = this.work;
    let s = first;
    let head = (this.pending[s] as Map<number, Held>).get((this.clock[s] as number) + 1);
    for (;;) {
      if (head) {
        this.release(head.message);
        this.scanFrom[s] = 0;
        this.deliverNow(head.message);
        const woken = (this.waitAt[s] as Map<number, number[]>).get(this.clock[s] as number);
        if (woken) {
          (this.waitAt[s] as Map<number, number[]>).delete(this.clock[s] as number);
          for (const w of woken) work.push(w);
        }
        head = (this.pending[s] as Map<number, Held>).get((this.clock[s] as number) + 1);
        if (head && this.checkHead(s, head.message) !== -1) head = undefined;
        continue;
      }
      const next = work.pop();
      if (next === undefined) return;
      s = next;
      head = (this.pending[s] as Map<number, Held>).get((this.clock[s] as number) + 1);
      if (head && this.checkHead(s, head.message) !== -1) head = undefined;
    }
  }

  private hold(message: Message, nowMs: number): void {
    (this.pending[message.sender] as Map<number, Held>).set(message.seq, { message, arrivedAt: nowMs });
    this.bufferedCount++;
    this.version++;
  }

  private release(message: Message): void {
    (this.pending[message.sender] as Map<number, Held>).delete(message.seq);
    this.bufferedCount--;
  }

  /** Records a delivery: merges the timestamp into the clock and advances the prefix. */
  private deliverNow(message: Message): void {
    const s = message.sender;
    const clock = this.clock;
    const ts = message.vc;
    for (let k = 0; k < this.size; k++) {
      const v = ts[k] as number;
      if (v > (clock[k] as number)) clock[k] = v;
    }
    const ahead = this.deliveredAhead[s] as Set<number>;
    if (message.seq === (this.deliveredPrefix[s] as number) + 1) {
      let prefix = message.seq;
      while (ahead.size > 0 && ahead.delete(prefix + 1)) prefix++;
      this.deliveredPrefix[s] = prefix;
    } else {
      ahead.add(message.seq);
    }
    this.version++;
    this.onDeliver(this, message);
  }
}
