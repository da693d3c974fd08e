/**
 * A binary min-heap of scheduled events in virtual milliseconds. Entries are ordered by
 * (time, insertion number), so events due at the same millisecond run in the order they
 * were scheduled and every run is reproducible. Parallel typed arrays keep it allocation-free.
 */
export class EventQueue {
  private times = new Float64Array(64);
  private orders = new Float64Array(64);
  private kinds = new Int32Array(64);
  private payloads = new Int32Array(64);
  private count = 0;
  private nextOrder = 0;

  get size(): number {
    return this.count;
  }

  /** Schedules an event of `kind` with an integer `payload` at `timeMs`. */
  push(timeMs: number, kind: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const order = this.nextOrder++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(timeMs, order, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = timeMs;
    this.orders[i] = order;
    this.kinds[i] = kind;
    this.payloads[i] = payload;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Kind of the earliest event; only meaningful when not empty. */
  peekKind(): number {
    return this.kinds[0] as number;
  }

  /** Payload of the earliest event; only meaningful when not empty. */
  peekPayload(): number {
    return this.payloads[0] as number;
  }

  /**
   * Removes the earliest event (read it first with the peek methods). Bottom-up: the hole left
   * at the root sinks along the earlier children to a leaf (one comparison per level), then the
   * last entry, which belongs near the bottom in a queue of timed events, rises from there.
   */
  pop(): void {
    const last = --this.count;
    if (last === 0) return;
    const times = this.times;
    const orders = this.orders;
    let i = 0;
    for (let left = 1; left < last; left = 2 * i + 1) {
      let child = left;
      const right = left + 1;
      if (right < last) {
        const tl = times[left] as number;
        const tr = times[right] as number;
        if (tr < tl || (tr === tl && (orders[right] as number) < (orders[left] as number))) child = right;
      }
      this.move(child, i);
      i = child;
    }
    const time = times[last] as number;
    const order = orders[last] as number;
    const kind = this.kinds[last] as number;
    const payload = this.payloads[last] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(time, order, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    this.kinds[i] = kind;
    this.payloads[i] = payload;
  }

  private less(time: number, order: number, j: number): boolean {
    const tj = this.times[j] as number;
    return time < tj || (time === tj && order < (this.orders[j] as number));
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.orders[to] = this.orders[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.payloads[to] = this.payloads[from] as number;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    const orders = new Float64Array(size);
    orders.set(this.orders);
    this.orders = orders;
    const kinds = new Int32Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const payloads = new Int32Array(size);
    payloads.set(this.payloads);
    this.payloads = payloads;
  }
}
