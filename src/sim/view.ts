import type { DeliveryPolicy, Message } from './message.ts';

/** A message as a node shows it in its chat, with when it was delivered there. */
export interface InboxEntry {
  readonly message: Message;
  readonly deliveredAt: number;
  /** Predecessors not yet delivered when this was shown: a causal-order violation. */
  readonly missing: readonly string[];
}

/** A message held back at a node, with what it waits for right now. */
export interface BufferEntry {
  readonly message: Message;
  readonly arrivedAt: number;
  readonly waitingFor: readonly string[];
}

/** One node as the views show it. */
export interface NodeView {
  readonly index: number;
  readonly name: string;
  readonly clock: readonly number[];
  readonly inbox: readonly InboxEntry[];
  readonly buffer: readonly BufferEntry[];
}

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
}
