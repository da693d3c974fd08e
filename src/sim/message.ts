/** A chat message as broadcast: immutable once sent. */
export interface Message {
  /** Sender name plus per-sender sequence number, e.g. `A1`. */
  readonly id: string;
  readonly sender: number;
  /** 1-based position among the sender's messages; equals `vc[sender]`. */
  readonly seq: number;
  /** The vector timestamp the sender stamped on the message. */
  readonly vc: readonly number[];
  readonly text: string;
  readonly sentAt: number;
}

/**
 * How nodes decide when an arrived message may be shown. `total` is sequencer-based total
 * order broadcast: node A delivers causally and numbers each delivery, the others deliver
 * in that numbering.
 */
export type DeliveryPolicy = 'causal' | 'fifo' | 'none' | 'total';

/** Every delivery policy, in teaching order. */
export const DELIVERY_POLICIES: readonly DeliveryPolicy[] = ['causal', 'fifo', 'none', 'total'];

/** The node that numbers messages under `total` (A). */
export const SEQUENCER = 0;
