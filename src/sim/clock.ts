/** How two vector clocks relate: `before` means the first happened before the second. */
export type ClockOrder = 'before' | 'after' | 'equal' | 'concurrent';

/** Creates the zero clock for `size` nodes. */
export function createClock(size: number): number[] {
  return new Array<number>(size).fill(0);
}

/** Returns a copy of `clock` with entry `node` incremented by one. */
export function incrementClock(clock: ArrayLike<number>, node: number): number[] {
  const next = Array.from(clock);
  next[node] = (next[node] ?? 0) + 1;
  return next;
}

/** Returns the entry-wise maximum of two clocks of the same size. */
export function mergeClocks(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const merged = new Array<number>(a.length);
  for (let k = 0; k < a.length; k++) merged[k] = Math.max(a[k] ?? 0, b[k] ?? 0);
  return merged;
}

/**
 * Compares two clocks of the same size. `a` is before `b` iff a ≤ b entry-wise and a ≠ b;
 * equal clocks are `equal`, never `concurrent`.
 */
export function compareClocks(a: ArrayLike<number>, b: ArrayLike<number>): ClockOrder {
  let less = false;
  let greater = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] ?? 0;
    const y = b[k] ?? 0;
    if (x < y) less = true;
    else if (x > y) greater = true;
  }
  if (less && greater) return 'concurrent';
  if (less) return 'before';
  if (greater) return 'after';
  return 'equal';
}

/** Formats a clock as `[1,0,0]`, or with another separator such as `', '`. */
export function formatClock(clock: ArrayLike<number>, separator = ','): string {
  return `[${Array.from(clock).join(separator)}]`;
}
