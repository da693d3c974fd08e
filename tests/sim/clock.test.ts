import { describe, expect, it } from 'vitest';
import { compareClocks, createClock, formatClock, incrementClock, mergeClocks } from '../../src/sim/clock.ts';

describe('vector clocks', () => {
  it('creates the zero clock', () => {
    expect(createClock(3)).toEqual([0, 0, 0]);
  });

  it('increments one entry without touching the input', () => {
    const zero = createClock(3);
    expect(incrementClock(zero, 1)).toEqual([0, 1, 0]);
    expect(zero).toEqual([0, 0, 0]);
  });

  it('merges entry-wise maxima', () => {
    expect(mergeClocks([2, 0, 1], [1, 3, 1])).toEqual([2, 3, 1]);
  });

  it('orders clocks: before, after, equal, concurrent', () => {
    expect(compareClocks([1, 0, 0], [1, 1, 0])).toBe('before');
    expect(compareClocks([1, 1, 1], [1, 1, 0])).toBe('after');
    expect(compareClocks([1, 0, 0], [0, 1, 0])).toBe('concurrent');
  });

  it('calls equal clocks equal, not concurrent', () => {
    expect(compareClocks([1, 1, 0], [1, 1, 0])).toBe('equal');
    expect(compareClocks([0, 0], [0, 0])).toBe('equal');
  });

  it('formats as [1,0,0] or with a chosen separator', () => {
    expect(formatClock([1, 0, 0])).toBe('[1,0,0]');
    expect(formatClock([1, 0, 0], ', ')).toBe('[1, 0, 0]');
  });
});
