/** Where a stamp's fields start, from its first word. */
export const SENDER = 0;
export const SEQ = 1;
/** The offset just past the stamp's last raised pair. */
export const PAIRS_END = 2;
/** The raised pairs, right after the header. */
export const PAIRS = 3;

/**
 * The vector timestamps of a run's messages, in typed arrays: what the delivery path reads, so
 * it handles a message as an integer (its stamp's handle) and never as an object. Stamp h
 * takes `stride` words of `words` from h·stride: sender, seq, the offset where its raised
 * pairs end, then the raised pairs: the entries other than the sender's in which the
 * timestamp is above the sender's previous one, ascending, each followed by its value,
 * [k, vc[k], k′, vc[k′], …]. Only those can hold the message back at a node that has
 * delivered the sender's previous message (see NodeState), so that is all the causal rule
 * reads. The whole timestamp, which the other policies merge, is in `clocks` from h·size.
 *
 * A stamp lives until `release`, and its slot is then reused: a run that forgets delivered
 * messages (the engine benchmark) keeps only what is in flight or held; the world keeps all.
 */
export class StampPool {
  readonly size: number;
  readonly stride: number;
  /** Every stamp's header and raised pairs; replaced by a larger array when the pool grows, so read it afresh after `alloc`. */
  words: Int32Array<ArrayBuffer>;
  /** Every stamp's timestamp, `size` words each; replaced as `words` is. */
  clocks: Int32Array<ArrayBuffer>;
  private readonly free: number[] = [];
  private used = 0;

  constructor(size: number, capacity = 64) {
    this.size = size;
    this.stride = PAIRS + 2 * (size - 1);
    const slots = Math.max(1, Math.floor(capacity));
    this.words = new Int32Array(slots * this.stride);
    this.clocks = new Int32Array(slots * size);
  }

  /** A slot for a new stamp: a released one if there is one. Its words are to be written by the caller. */
  alloc(): number {
    const free = this.free.pop();
    if (free !== undefined) return free;
    const h = this.used++;
    if ((h + 1) * this.size > this.clocks.length) {
      this.words = doubled(this.words);
      this.clocks = doubled(this.clocks);
    }
    return h;
  }

  /** Frees stamp h's slot for reuse; nothing may read h afterwards. */
  release(h: number): void {
    this.free.push(h);
  }

  /**
   * Adds the stamp of a message from `sender` stamped `vc` that no node stamped (a test's, or
   * one built by hand): every entry but the sender's counts as raised, so the rule compares
   * them all (except zeros, which no clock can fall short of).
   */
  add(sender: number, vc: ArrayLike<number>): number {
    const h = this.alloc();
    const words = this.words;
    const at = h * this.stride;
    words[at + SENDER] = sender;
    words[at + SEQ] = vc[sender] as number;
    let end = PAIRS;
    for (let k = 0; k < this.size; k++) {
      const v = vc[k] as number;
      this.clocks[h * this.size + k] = v;
      if (k !== sender && v > 0) {
        words[at + end] = k;
        words[at + end + 1] = v;
        end += 2;
      }
    }
    words[at + PAIRS_END] = end;
    return h;
  }

  sender(h: number): number {
    return this.words[h * this.stride + SENDER] as number;
  }

  seq(h: number): number {
    return this.words[h * this.stride + SEQ] as number;
  }

  /** Stamp h's vector timestamp, as a new array. */
  vc(h: number): number[] {
    return Array.from(this.clocks.subarray(h * this.size, (h + 1) * this.size));
  }

  /** Stamp h's raised pairs, as a new array. */
  raised(h: number): number[] {
    const at = h * this.stride;
    return Array.from(this.words.subarray(at + PAIRS, at + (this.words[at + PAIRS_END] as number)));
  }
}

function doubled(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}
