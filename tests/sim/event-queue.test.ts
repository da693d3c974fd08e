import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/event-queue.ts';
import { TimeHeap } from '../../src/sim/time-heap.ts';

type Op = { readonly push: number } | { readonly pop: true };

/** Runs `ops` on a fresh queue and on a sorted list; returns what each showed before every pop. */
function replay(ops: readonly Op[], queue: { push(timeMs: number, kind: number, payload: number): void; pop(): void; peekTime(): number; peekKind(): number; peekPayload(): number; readonly size: number }) {
  const reference: { time: number; n: number }[] = [];
  const popped: number[][] = [];
  const expected: number[][] = [];
  let n = 0;
  for (const o of ops) {
    if ('push' in o) {
      queue.push(o.push, n % 3, n);
      reference.push({ time: o.push, n });
      n++;
    } else if (reference.length > 0) {
      reference.sort((a, b) => a.time - b.time || a.n - b.n);
      const next = reference.shift() as { time: number; n: number };
      popped.push([queue.peekTime(), queue.peekKind(), queue.peekPayload(), queue.size]);
      expected.push([next.time, next.n % 3, next.n, reference.length + 1]);
      queue.pop();
    }
  }
  return { popped, expected, size: queue.size, left: reference.length, peek: queue.peekTime(), earliest: Math.min(Infinity, ...reference.map((r) => r.time)) };
}

/** Times that exercise every path of the calendar queue: the bucket being read, the ring, the far heap, crowds at one instant. */
const anyTime = fc.oneof(
  fc.integer({ min: 0, max: 30 }),
  fc.double({ min: 0, max: 40, noNaN: true }),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.constantFrom(0, 2.5, 4095.75, 4096, 8191.999, 1e12, Infinity),
  fc.double({ min: -10, max: 0, noNaN: true }),
);
const op: fc.Arbitrary<Op> = fc.oneof(fc.record({ push: anyTime }), fc.constant({ pop: true as const }));

describe('EventQueue', () => {
  it('pops events by time, and events at the same time in the order they were pushed', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const result = replay(ops, new EventQueue());
        expect(result.popped).toEqual(result.expected);
        expect(result.size).toBe(result.left);
        expect(result.peek).toBe(result.earliest);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order through large, crowded buckets and a far future well past its ring', () => {
    const burst = fc.record({ at: fc.double({ min: 0, max: 9000, noNaN: true }), count: fc.integer({ min: 1, max: 300 }), spreadMs: fc.constantFrom(0, 1e-9, 0.01, 1) });
    fc.assert(
      fc.property(fc.array(fc.oneof(burst, fc.integer({ min: 1, max: 400 })), { maxLength: 12 }), fc.integer(), (steps, seed) => {
        const ops: Op[] = [];
        let x = seed | 0;
        for (const step of steps) {
          if (typeof step === 'number') {
            for (let i = 0; i < step; i++) ops.push({ pop: true });
            continue;
          }
          for (let i = 0; i < step.count; i++) {
            x = (Math.imul(x, 1103515245) + 12345) | 0;
            ops.push({ push: step.at + (((x >>> 8) % 1000) / 1000) * step.spreadMs });
          }
        }
        for (let i = 0; i < 4000; i++) ops.push({ pop: true });
        const result = replay(ops, new EventQueue());
        expect(result.popped).toEqual(result.expected);
        expect(result.size).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('schedules in the past of the bucket being read, before what is still due', () => {
    const queue = new EventQueue();
    queue.push(10.5, 0, 1);
    queue.push(10.9, 0, 2);
    queue.pop();
    queue.push(10.7, 1, 3);
    queue.push(3, 1, 4);
    expect([queue.peekTime(), queue.peekPayload()]).toEqual([3, 4]);
    queue.pop();
    expect([queue.peekTime(), queue.peekPayload()]).toEqual([10.7, 3]);
    queue.pop();
    expect([queue.peekTime(), queue.peekPayload(), queue.size]).toEqual([10.9, 2, 1]);
    queue.pop();
    queue.pop();
    expect([queue.size, queue.peekTime()]).toEqual([0, Infinity]);
  });
});

describe('TimeHeap', () => {
  it('pops entries by time, then by the insertion number given', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new TimeHeap();
        let order = 0;
        const queue = {
          push: (timeMs: number, kind: number, payload: number) => heap.push(timeMs, order++, kind, payload),
          pop: () => heap.pop(),
          peekTime: () => heap.peekTime(),
          peekKind: () => heap.peekKind(),
          peekPayload: () => heap.peekPayload(),
          get size() {
            return heap.size;
          },
        };
        const result = replay(ops, queue);
        expect(result.popped).toEqual(result.expected);
        expect(result.size).toBe(result.left);
      }),
      { numRuns: 200 },
    );
  });
});
