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

  /** Removes the earliest event (read it first with the peek methods). */
  pop(): void {
    const last = --this.count;
    if (last === 0) return;
    const time = this.times[last] as number;
    const order = this.orders[last] as number;
    const kind = this.kinds[last] as number;
    const payload = this.payloads[last] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.lessAt(right, left) ? right : left;
      if (!this.lessAt(child, -1, time, order)) break;
      this.move(child, i);
      i = child;
    }
    this.times[i] = time;
    this.orders[i] = order;
    this.kinds[i] = kind;
    this.payloads[i] = payload;
  }

  private less(time: number, order: number, j: number): boolean {
    const tj = this.times[j] as number;
    return time < tj || (time === tj && order < (this.orders[j] as number));
  }

  private lessAt(i: number, j: number, time = 0, order = 0): boolean {
    const ti = this.times[i] as number;
    const tj = j < 0 ? time : (this.times[j] as number);
    const oj = j < 0 ? order : (this.orders[j] as number);
    return ti < tj || (ti === tj && (this.orders[i] as number) < oj);
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
