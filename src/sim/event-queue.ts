import { TimeHeap } from './time-heap.ts';

/** Width of one bucket, in virtual ms. Bucket k holds the events due in [k·BUCKET_MS, (k + 1)·BUCKET_MS). */
const BUCKET_MS = 1;
/** Buckets in the ring (a power of two): the near future they cover. Later events wait in a heap. */
const RING = 4096;
const RING_MASK = RING - 1;
/** A bucket this small is sorted by insertion alone. */
const SMALL_BUCKET = 24;
/** Entries per slice when a larger bucket is spread over time slices before sorting. */
const PER_SLICE = 2;
/** A slice holding more than this (many events at one instant) is sorted by comparison instead. */
const CROWDED_SLICE = 64;

/**
 * The scheduled events of a run, in virtual milliseconds, ordered by (time, insertion
 * number): events due at the same instant run in the order they were scheduled, so every run
 * is reproducible. A calendar queue: an event due within the next RING ms is appended to its
 * millisecond's bucket, unsorted; a bucket is sorted only when time reaches it (its entries
 * spread over small time slices, then an insertion pass) and read off in order. Events due
 * later wait in a binary heap and move to their bucket as the ring's window reaches them;
 * events due before `base`, in a bucket time has already reached (the one being read, or one
 * skipped while empty), wait in a second heap, which is empty in steady traffic.
 * Scheduling and taking an event are O(1) on average, and nothing is allocated once the
 * buckets have grown to the run's traffic, except to sort an instant crowded with more than
 * CROWDED_SLICE events.
 */
export class EventQueue {
  private count = 0;
  private nextOrder = 0;
  /**
   * The bucket being read: entries [head, length) are sorted and due before `base` ms (as are
   * the early ones). Entry i keeps time and insertion number at keys[2i], keys[2i + 1] and
   * kind and payload at data[2i], data[2i + 1], so its fields share cache lines.
   */
  private keys = new Float64Array(128);
  private data = new Int32Array(128);
  private head = 0;
  private length = 0;
  /** Bucket number after the one being read: the ring holds buckets base … base + RING − 1. */
  private base = 0;
  private readonly sizes = new Int32Array(RING);
  private readonly buckets: (Bucket | undefined)[] = new Array<Bucket | undefined>(RING);
  /** Buckets read and emptied, for reuse: only about as many as the traffic's span in ms ever exist. */
  private readonly spare: Bucket[] = [];
  /** Events due at or after (base + RING) ms. */
  private readonly far = new TimeHeap();
  /**
   * Events due before `base`: scheduled into the bucket being read, or into one time skipped
   * while it was empty (at the start of a run, or after a quiet spell).
   */
  private readonly early = new TimeHeap();
  /** Scratch space for sorting a bucket. */
  private slices = new Int32Array(64);
  private sliceOf = new Int32Array(64);

  get size(): number {
    return this.count;
  }

  /** Schedules an event of `kind` with an integer `payload` at `timeMs`; returns its insertion number. */
  push(timeMs: number, kind: number, payload: number): number {
    const order = this.nextOrder++;
    if (this.count++ === 0 && Number.isFinite(timeMs)) this.base = Math.floor(timeMs / BUCKET_MS);
    if (timeMs < this.base * BUCKET_MS) {
      this.early.push(timeMs, order, kind, payload);
      return order;
    }
    const k = Math.floor(timeMs / BUCKET_MS);
    if (k < this.base + RING) this.append(k & RING_MASK, timeMs, order, kind, payload);
    else this.far.push(timeMs, order, kind, payload);
    if (this.head === this.length) this.advance();
    return order;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.count === 0) return Infinity;
    return this.earlyFirst() ? this.early.peekTime() : (this.keys[2 * this.head] as number);
  }

  /** Insertion number of the earliest event; only meaningful when not empty. */
  peekOrder(): number {
    return this.earlyFirst() ? this.early.peekOrder() : (this.keys[2 * this.head + 1] as number);
  }

  /** Kind of the earliest event; only meaningful when not empty. */
  peekKind(): number {
    return this.earlyFirst() ? this.early.peekKind() : (this.data[2 * this.head] as number);
  }

  /** Payload of the earliest event; only meaningful when not empty. */
  peekPayload(): number {
    return this.earlyFirst() ? this.early.peekPayload() : (this.data[2 * this.head + 1] as number);
  }

  /** Removes the earliest event (read it first with the peek methods). */
  pop(): void {
    if (this.count === 0) return;
    this.count--;
    if (this.earlyFirst()) {
      this.early.pop();
      return;
    }
    if (++this.head < this.length) return;
    this.head = 0;
    this.length = 0;
    if (this.count > this.early.size) this.advance();
  }

  /** True iff the earliest event waits among the early ones (due before `base`). */
  private earlyFirst(): boolean {
    const early = this.early;
    if (early.size === 0) return false;
    if (this.head === this.length) return true;
    const t = early.peekTime();
    const current = this.keys[2 * this.head] as number;
    return t < current || (t === current && early.peekOrder() < (this.keys[2 * this.head + 1] as number));
  }

  private append(slot: number, timeMs: number, order: number, kind: number, payload: number): void {
    let bucket = this.buckets[slot];
    if (!bucket) {
      bucket = this.spare.pop() ?? new Bucket();
      this.buckets[slot] = bucket;
    }
    const n = this.sizes[slot] as number;
    if (2 * n === bucket.keys.length) bucket.grow();
    bucket.keys[2 * n] = timeMs;
    bucket.keys[2 * n + 1] = order;
    bucket.data[2 * n] = kind;
    bucket.data[2 * n + 1] = payload;
    this.sizes[slot] = n + 1;
  }

  /** With the current bucket read to its end and events left, moves on to the next bucket that has any. */
  private advance(): void {
    this.head = 0;
    this.length = 0;
    for (;;) {
      if (this.far.size === this.count - this.early.size) {
        const next = this.far.peekTime();
        if (!Number.isFinite(next)) {
          this.takeAllFromFar();
          return;
        }
        this.base = Math.floor(next / BUCKET_MS);
        this.pullFromFar();
      }
      const k = this.base++;
      const slot = k & RING_MASK;
      const n = this.sizes[slot] as number;
      if (n > 0) this.sortBucket(slot, k, n);
      this.pullFromFar();
      if (n > 0) return;
    }
  }

  /** Moves the far events that the ring's window now covers into their buckets. */
  private pullFromFar(): void {
    const far = this.far;
    const end = (this.base + RING) * BUCKET_MS;
    while (far.size > 0 && far.peekTime() < end) {
      const timeMs = far.peekTime();
      this.append(Math.floor(timeMs / BUCKET_MS) & RING_MASK, timeMs, far.peekOrder(), far.peekKind(), far.peekPayload());
      far.pop();
    }
  }

  /**
   * Events due at no finite time: they come last, in the heap's order. The current bucket takes
   * them, and until the queue is empty again every event scheduled meanwhile is early.
   */
  private takeAllFromFar(): void {
    const far = this.far;
    this.base = Infinity;
    this.growCurrent(far.size);
    while (far.size > 0) {
      this.put(this.length++, far.peekTime(), far.peekOrder(), far.peekKind(), far.peekPayload());
      far.pop();
    }
  }

  /**
   * Makes bucket `k` (at `slot`, `n` entries) the current one, sorted. A large bucket is first
   * spread over about n / 2 equal time slices (a counting sort), which leaves the insertion pass
   * almost nothing to move. Entries that share a time are already in insertion order in the
   * bucket (events pulled from the heap come first, in order, and later ones are appended),
   * and both passes keep that order.
   */
  private sortBucket(slot: number, k: number, n: number): void {
    const bucket = this.buckets[slot] as Bucket;
    this.sizes[slot] = 0;
    this.buckets[slot] = undefined;
    this.spare.push(bucket);
    this.growCurrent(n);
    if (n <= SMALL_BUCKET) {
      this.keys.set(bucket.keys.subarray(0, 2 * n));
      this.data.set(bucket.data.subarray(0, 2 * n));
    } else if (!this.spreadOverSlices(bucket, k, n)) {
      this.sortByComparison(bucket, n);
      this.length = n;
      return;
    }
    this.length = n;
    this.insertionSort(n);
  }

  /** Counting sort of a bucket into the current arrays by time slice; false when a slice is crowded. */
  private spreadOverSlices(bucket: Bucket, k: number, n: number): boolean {
    const count = Math.ceil(n / PER_SLICE);
    if (this.slices.length < count + 1) this.slices = new Int32Array(2 * (count + 1));
    if (this.sliceOf.length < n) this.sliceOf = new Int32Array(2 * n);
    const slices = this.slices;
    const sliceOf = this.sliceOf;
    slices.fill(0, 0, count + 1);
    const start = k * BUCKET_MS;
    const perMs = count / BUCKET_MS;
    const keys = bucket.keys;
    const data = bucket.data;
    for (let i = 0; i < n; i++) {
      const s = Math.min(count - 1, Math.floor(((keys[2 * i] as number) - start) * perMs));
      sliceOf[i] = s;
      slices[s + 1] = (slices[s + 1] as number) + 1;
    }
    let crowded = false;
    for (let s = 1; s <= count; s++) {
      if ((slices[s] as number) > CROWDED_SLICE) crowded = true;
      slices[s] = (slices[s] as number) + (slices[s - 1] as number);
    }
    if (crowded) return false;
    for (let i = 0; i < n; i++) {
      const s = sliceOf[i] as number;
      const to = slices[s] as number;
      slices[s] = to + 1;
      this.put(to, keys[2 * i] as number, keys[2 * i + 1] as number, data[2 * i] as number, data[2 * i + 1] as number);
    }
    return true;
  }

  private insertionSort(n: number): void {
    const keys = this.keys;
    const data = this.data;
    for (let i = 1; i < n; i++) {
      const t = keys[2 * i] as number;
      const o = keys[2 * i + 1] as number;
      let j = i - 1;
      if ((keys[2 * j] as number) < t || ((keys[2 * j] as number) === t && (keys[2 * j + 1] as number) < o)) continue;
      const kind = data[2 * i] as number;
      const payload = data[2 * i + 1] as number;
      do {
        this.put(j + 1, keys[2 * j] as number, keys[2 * j + 1] as number, data[2 * j] as number, data[2 * j + 1] as number);
        j--;
      } while (j >= 0 && ((keys[2 * j] as number) > t || ((keys[2 * j] as number) === t && (keys[2 * j + 1] as number) > o)));
      this.put(j + 1, t, o, kind, payload);
    }
  }

  /** Sorts a bucket with many events at nearly one instant by comparison, O(n log n). */
  private sortByComparison(bucket: Bucket, n: number): void {
    const { keys, data } = bucket;
    const index = Array.from({ length: n }, (_, i) => i);
    index.sort((a, b) => (keys[2 * a] as number) - (keys[2 * b] as number) || (keys[2 * a + 1] as number) - (keys[2 * b + 1] as number));
    for (let i = 0; i < n; i++) {
      const from = index[i] as number;
      this.put(i, keys[2 * from] as number, keys[2 * from + 1] as number, data[2 * from] as number, data[2 * from + 1] as number);
    }
  }

  private put(i: number, timeMs: number, order: number, kind: number, payload: number): void {
    this.keys[2 * i] = timeMs;
    this.keys[2 * i + 1] = order;
    this.data[2 * i] = kind;
    this.data[2 * i + 1] = payload;
  }

  /** Makes room for `needed` entries in the current bucket, keeping those it has. */
  private growCurrent(needed: number): void {
    if (2 * needed <= this.keys.length) return;
    const capacity = 2 * Math.max(needed, this.keys.length);
    this.keys = grownFloats(this.keys, capacity);
    this.data = grownInts(this.data, capacity);
  }
}

/** One millisecond's events, unsorted, laid out as the current bucket is; the queue keeps its size. */
class Bucket {
  keys = new Float64Array(32);
  data = new Int32Array(32);

  grow(): void {
    const capacity = 2 * this.keys.length;
    this.keys = grownFloats(this.keys, capacity);
    this.data = grownInts(this.data, capacity);
  }
}

function grownFloats(array: Float64Array<ArrayBuffer>, capacity: number): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}

function grownInts(array: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
