/**
 * The heights of a long list's rows, measured where a row has been shown and estimated
 * elsewhere, kept in a Fenwick tree so that the offset of a row and the row at an offset each
 * cost O(log n): scrolling a list of 10,000 rows does no more work than one of 100.
 */
export class RowHeights {
  private readonly estimatePx: number;
  private readonly heights: number[] = [];
  /** Fenwick tree over `heights`, 1-based: `tree[i]` sums the `i & -i` heights ending at row `i - 1`. */
  private tree: number[] = [0];

  constructor(estimatePx: number) {
    this.estimatePx = Math.max(1, estimatePx);
  }

  /** How many rows there are. */
  get count(): number {
    return this.heights.length;
  }

  /** The height of all rows together, in pixels. */
  get totalPx(): number {
    return this.prefixPx(this.heights.length);
  }

  /** Grows or shrinks the list to `count` rows; new rows get the estimated height. */
  resize(count: number): void {
    const target = Math.max(0, Math.floor(count));
    if (target < this.heights.length) {
      this.heights.length = target;
      this.rebuild();
    }
    while (this.heights.length < target) this.append(this.estimatePx);
  }

  /** Records row `index`'s measured height; returns whether it differs from what was known. */
  setHeight(index: number, px: number): boolean {
    const known = this.heights[index];
    if (known === undefined || !(px > 0) || known === px) return false;
    this.heights[index] = px;
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i] = (this.tree[i] as number) + px - known;
    return true;
  }

  /** The distance from the top of the list to the top of row `index`, in pixels. */
  offsetOf(index: number): number {
    return this.prefixPx(Math.max(0, Math.min(index, this.heights.length)));
  }

  /** The row that covers `offsetPx` from the top (the first row above the list, the last below it). */
  indexAt(offsetPx: number): number {
    const n = this.heights.length;
    if (n === 0) return 0;
    let pos = 0;
    let left = offsetPx;
    for (let step = 2 ** Math.floor(Math.log2(n)); step >= 1; step /= 2) {
      const next = pos + step;
      const sum = this.tree[next];
      if (next <= n && sum !== undefined && sum <= left) {
        pos = next;
        left -= sum;
      }
    }
    return Math.min(pos, n - 1);
  }

  private prefixPx(count: number): number {
    let sum = 0;
    for (let i = count; i > 0; i -= i & -i) sum += this.tree[i] as number;
    return sum;
  }

  private append(px: number): void {
    const i = this.heights.length + 1;
    this.heights.push(px);
    this.tree[i] = px + this.prefixPx(i - 1) - this.prefixPx(i - (i & -i));
  }

  private rebuild(): void {
    const n = this.heights.length;
    this.tree = [0, ...this.heights];
    for (let i = 1; i <= n; i++) {
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent] = (this.tree[parent] as number) + (this.tree[i] as number);
    }
  }
}
