// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowHeights } from '../../src/components/row-heights.ts';

/** One thing a list does to its rows' heights: grow or shrink, or a row being measured. */
type Operation = { readonly kind: 'resize'; readonly count: number } | { readonly kind: 'measure'; readonly index: number; readonly px: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resize' as const), count: fc.nat(300) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('measure' as const), index: fc.nat(320), px: fc.integer({ min: -5, max: 200 }) }) },
);

/** The same heights kept as a plain array, summed from scratch for every question. */
function naive(estimatePx: number, operations: readonly Operation[]): number[] {
  const heights: number[] = [];
  for (const op of operations) {
    if (op.kind === 'resize') {
      heights.length = Math.min(heights.length, op.count);
      while (heights.length < op.count) heights.push(estimatePx);
    } else if (op.index < heights.length && op.px > 0) {
      heights[op.index] = op.px;
    }
  }
  return heights;
}

describe('row heights for windowed lists', () => {
  it('answers offsets and the row at an offset as summing every height would (pinned seed 7, then random)', () => {
    const property = fc.property(fc.integer({ min: 1, max: 80 }), fc.array(operation, { maxLength: 60 }), fc.nat(20_000), (estimatePx, operations, probePx) => {
      const rows = new RowHeights(estimatePx);
      for (const op of operations) {
        if (op.kind === 'resize') rows.resize(op.count);
        else rows.setHeight(op.index, op.px);
      }
      const heights = naive(estimatePx, operations);
      expect(rows.count).toBe(heights.length);
      let offset = 0;
      for (let i = 0; i < heights.length; i++) {
        expect(rows.offsetOf(i)).toBe(offset);
        offset += heights[i] as number;
      }
      expect(rows.totalPx).toBe(offset);
      let above = 0;
      for (let end = 0; above < heights.length && (end += heights[above] as number) <= probePx; ) above++;
      expect(rows.indexAt(probePx)).toBe(Math.min(above, Math.max(0, heights.length - 1)));
    });
    fc.assert(property, { seed: 7, numRuns: 50 });
    fc.assert(property, { numRuns: 200 });
  });

  it('in a list of 100,000 rows, places the rows after a measured one by its real height', () => {
    const rows = new RowHeights(40);
    rows.resize(100_000);
    rows.setHeight(0, 100);
    expect(rows.totalPx).toBe(40 * 99_999 + 100);
    expect(rows.indexAt(99)).toBe(0);
    expect(rows.indexAt(100)).toBe(1);
    expect(rows.indexAt(100 + 40 * 50_000 + 39)).toBe(50_001);
    expect(rows.offsetOf(50_001)).toBe(100 + 40 * 50_000);
  });
});
