/**
 * The Birman–Schiper–Stephenson causal delivery rule. A message from `sender` stamped `ts`
 * is deliverable at a node whose clock is `clock` iff ts[sender] = clock[sender] + 1 (it is
 * the next message from its sender) and ts[k] ≤ clock[k] for every other k (the node has
 * delivered everything the sender had delivered when it sent).
 *
 * Returns -1 when the message is deliverable, otherwise the first entry that blocks it:
 * `sender` when an earlier message from the sender is missing, else the first k ≥ `fromEntry`
 * with ts[k] > clock[k]. Resuming the scan at `fromEntry` is sound because a node's clock
 * only grows, so entries found satisfied for this message stay satisfied.
 */
export function findCausalBlocker(
  clock: ArrayLike<number>,
  ts: ArrayLike<number>,
  sender: number,
  fromEntry = 0,
): number {
  if (ts[sender] !== (clock[sender] as number) + 1) return sender;
  for (let k = fromEntry; k < ts.length; k++) {
    if (k !== sender && (ts[k] as number) > (clock[k] as number)) return k;
  }
  return -1;
}

/**
 * The same rule for a message whose sender's previous message this node has delivered, given
 * the (entry, value) pairs its stamp raised over that previous one (see StampPool): the clock
 * covers every other entry already, so only these can block it. The pairs are read from
 * `pairs` between offsets `from` and `end`; returns the offset of the first pair with
 * value > clock[entry], or -1.
 */
export function findRaisedBlocker(clock: ArrayLike<number>, pairs: ArrayLike<number>, from = 0, end = pairs.length): number {
  for (let at = from; at < end; at += 2) {
    if ((pairs[at + 1] as number) > (clock[pairs[at] as number] as number)) return at;
  }
  return -1;
}

/** True iff the message stamped `ts` from `sender` may be delivered now under causal order. */
export function isCausallyDeliverable(clock: ArrayLike<number>, ts: ArrayLike<number>, sender: number): boolean {
  return findCausalBlocker(clock, ts, sender) === -1;
}
