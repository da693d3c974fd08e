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

/** How nodes decide when an arrived message may be shown. */
export type DeliveryPolicy = 'causal' | 'fifo' | 'none';

/** Every delivery policy, in teaching order. */
export const DELIVERY_POLICIES: readonly DeliveryPolicy[] = ['causal', 'fifo', 'none'];
