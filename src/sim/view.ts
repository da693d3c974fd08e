import type { DeliveryPolicy, Message } from './message.ts';

/** A message as a node shows it in its chat, with when it was delivered there. */
export interface InboxEntry {
  readonly message: Message;
  readonly deliveredAt: number;
  /** Predecessors not yet delivered when this was shown: a causal-order violation. */
  readonly missing: readonly string[];
}

/**
 * Under `total`, what a held message still needs from the sequencer before it can be
 * delivered: a UI reads it as "sequence number from A" (`ownSeq`) or "sequence numbers 3
 * and 4 from A" (`seqs`).
 */
export interface OrderWait {
  /** The sequencer's name, `A`. */
  readonly from: string;
  /** True while the message's own sequence number has not arrived here. */
  readonly ownSeq: boolean;
  /** Earlier sequence numbers not yet known here, so which message fills them is unknown. */
  readonly seqs: readonly number[];
}

/** A message held back at a node, with what it waits for right now. */
export interface BufferEntry {
  readonly message: Message;
  readonly arrivedAt: number;
  /** Ids of messages that must be delivered first. */
  readonly waitingFor: readonly string[];
  /** Under `total`: the sequence numbers still missing from the sequencer, if any. */
  readonly order?: OrderWait;
}

/** One node as the views show it. */
export interface NodeView {
  readonly index: number;
  readonly name: string;
  readonly clock: readonly number[];
  readonly inbox: readonly InboxEntry[];
  readonly buffer: readonly BufferEntry[];
  /** Ids of the copies discarded here as duplicates, newest last. */
  readonly discarded: readonly string[];
}

/** A transmission that carries no chat message: a sequence number under `total`, or an acknowledgement. */
export type ControlKind = 'order' | 'ack';

/** Where a transmission is: on its way, stopped before the receiver (manual), or held by a cut link. */
export type FlightStatus = 'flying' | 'parked' | 'held';

/** One transmission of a message from one node to another, not yet arrived. */
export interface FlightView {
  readonly id: number;
  readonly message: Message;
  readonly from: number;
  readonly to: number;
  readonly sentAt: number;
  readonly arriveAt: number;
  readonly status: FlightStatus;
  /** True for the extra copy made by network duplication. */
  readonly duplicate: boolean;
  /** Set when the transmission carries a sequence number or an acknowledgement for `message`, not the message. */
  readonly control?: ControlKind;
  /** The sequence number an `order` transmission carries. */
  readonly seq?: number;
}

/** A read-only snapshot of the whole system at one virtual instant. */
export interface WorldView {
  readonly now: number;
  readonly policy: DeliveryPolicy;
  readonly names: readonly string[];
  readonly nodes: readonly NodeView[];
  readonly flights: readonly FlightView[];
  /** Scheduled events processed so far. */
  readonly processed: number;
  readonly nextEventAt: number | undefined;
  /** The directed links cut now, as `linkKey(from, to)`. */
  readonly cutLinks: readonly string[];
}
