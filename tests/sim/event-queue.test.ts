import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/event-queue.ts';

describe('EventQueue', () => {
  it('pops events by time, and events at the same time in the order they were pushed', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 30 }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const queue = new EventQueue();
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
        expect(popped).toEqual(expected);
        expect(queue.size).toBe(reference.length);
        expect(queue.peekTime()).toBe(Math.min(Infinity, ...reference.map((r) => r.time)));
      }),
      { numRuns: 300 },
    );
  });
});
