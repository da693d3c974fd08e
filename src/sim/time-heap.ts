/**
 * A binary min-heap of timed entries, ordered by time and then by an insertion number the
 * caller gives. The event queue keeps its far future and its early arrivals here (see
 * event-queue.ts). Two interleaved typed arrays keep it allocation-free and put an entry's
 * fields side by side: `keys` holds time and insertion number at 2i and 2i+1, `data` holds
 * kind and payload at 2i and 2i+1.
 */
export class TimeHeap {
  private keys = new Float64Array(128);
  private data = new Int32Array(128);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds an entry of `kind` with an integer `payload` at `timeMs`, `order` being its insertion number. */
  push(timeMs: number, order: number, kind: number, payload: number): void {
    if (2 * this.count === this.keys.length) this.grow();
    this.rise(this.count++, timeMs, order, kind, payload);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? (this.keys[0] as number) : Infinity;
  }

  /** Insertion number of the earliest event; only meaningful when not empty. */
  peekOrder(): number {
    return this.keys[1] as number;
  }

  /** Kind of the earliest event; only meaningful when not empty. */
  peekKind(): number {
    return this.data[0] as number;
  }

  /** Payload of the earliest event; only meaningful when not empty. */
  peekPayload(): number {
    return this.data[1] as number;
  }

  /**
   * Removes the earliest event (read it first with the peek methods). Bottom-up: the hole left
   * at the root sinks along the earlier children to a leaf (one comparison per level), then the
   * last entry, which belongs near the bottom in a queue of timed events, rises from there.
   */
  pop(): void {
    const last = --this.count;
    if (last === 0) return;
    const keys = this.keys;
    let i = 0;
    for (let left = 1; left < last; left = 2 * i + 1) {
      let child = left;
      const right = left + 1;
      if (right < last) {
        const tl = keys[2 * left] as number;
        const tr = keys[2 * right] as number;
        if (tr < tl || (tr === tl && (keys[2 * right + 1] as number) < (keys[2 * left + 1] as number))) child = right;
      }
      this.move(child, i);
      i = child;
    }
    this.rise(i, keys[2 * last] as number, keys[2 * last + 1] as number, this.data[2 * last] as number, this.data[2 * last + 1] as number);
  }

  /** Puts an entry in the hole at `i`, moving the hole up past every later parent first. */
  private rise(i: number, time: number, order: number, kind: number, payload: number): void {
    const keys = this.keys;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const tp = keys[2 * parent] as number;
      if (time > tp || (time === tp && order > (keys[2 * parent + 1] as number))) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, time, order, kind, payload);
  }

  private put(i: number, time: number, order: number, kind: number, payload: number): void {
    this.keys[2 * i] = time;
    this.keys[2 * i + 1] = order;
    this.data[2 * i] = kind;
    this.data[2 * i + 1] = payload;
  }

  private move(from: number, to: number): void {
    this.keys[2 * to] = this.keys[2 * from] as number;
    this.keys[2 * to + 1] = this.keys[2 * from + 1] as number;
    this.data[2 * to] = this.data[2 * from] as number;
    this.data[2 * to + 1] = this.data[2 * from + 1] as number;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
  }
}
