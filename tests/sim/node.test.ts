import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/sim/message.ts';
import { NodeState } from '../../src/sim/node.ts';

/**
 * A causal history: `count` messages from senders 0…size−2, each stamped by a sender node that
 * had delivered a random prefix-closed subset of the earlier ones. Node size−1 only receives.
 */
function buildHistory(size: number, sends: readonly { sender: number; sees: number }[]): Message[] {
  const messages: Message[] = [];
  const senders = Array.from({ length: size }, (_, i) => new NodeState(i, size, 'causal', () => {}));
  for (const { sender, sees } of sends) {
    const node = senders[sender] as NodeState;
    // Let the sender catch up on a random number of earlier messages first (in sending order,
    // which is a causal order, so each is deliverable or waits for one of them).
    for (const earlier of messages.slice(0, sees)) if (earlier.sender !== sender) node.receive(earlier, 0);
    const message = node.stamp(`m${messages.length}`, 0);
    node.deliverOwn(message);
    messages.push(message);
  }
  return messages;
}

const historyArb = fc
  .integer({ min: 2, max: 7 })
  .chain((size) =>
    fc.record({
      size: fc.constant(size),
      sends: fc.array(fc.record({ sender: fc.integer({ min: 0, max: size - 2 }), sees: fc.nat(40) }), { minLength: 1, maxLength: 40 }),
      order: fc.array(fc.nat(), { maxLength: 200 }),
      duplicates: fc.array(fc.nat(), { maxLength: 20 }),
    }),
  );

describe('NodeState under causal delivery (BSS with a per-sender hold-back buffer)', () => {
  it('delivers every message of any arrival order exactly once, each after its causal past, with at most 2N comparisons per delivery', () => {
    fc.assert(
      fc.property(historyArb, ({ size, sends, order, duplicates }) => {
        const messages = buildHistory(size, sends);
        const arrivals = [...messages];
        // A random permutation driven by `order`, then duplicates of random messages spliced in.
        for (let i = arrivals.length - 1; i > 0; i--) {
          const j = (order[i] ?? i) % (i + 1);
          [arrivals[i], arrivals[j]] = [arrivals[j] as Message, arrivals[i] as Message];
        }
        for (const d of duplicates) arrivals.splice(d % (arrivals.length + 1), 0, messages[d % messages.length] as Message);

        const delivered: Message[] = [];
        const receiver = new NodeState(size - 1, size, 'causal', (node, message) => {
          expect(node.missingPredecessors(message)).toEqual([]);
          delivered.push(message);
        });
        let duplicateOutcomes = 0;
        for (const message of arrivals) if (receiver.receive(message, 0) === 'duplicate') duplicateOutcomes++;

        expect(delivered.map((m) => m.id).sort()).toEqual(messages.map((m) => m.id).sort());
        expect(duplicateOutcomes).toBe(duplicates.length);
        expect(receiver.bufferedCount).toBe(0);
        expect(receiver.buffered()).toEqual([]);
        expect(receiver.comparisons).toBeLessThanOrEqual(2 * size * messages.length);
      }),
      { numRuns: 300 },
    );
  });

  it('compares only the entries a stamp raised, delivering in the same order as the full rule', () => {
    fc.assert(
      fc.property(historyArb, ({ size, sends, order }) => {
        const messages = buildHistory(size, sends);
        const arrivals = [...messages];
        for (let i = arrivals.length - 1; i > 0; i--) {
          const j = (order[i] ?? i) % (i + 1);
          [arrivals[i], arrivals[j]] = [arrivals[j] as Message, arrivals[i] as Message];
        }
        const run = (withRaised: boolean): { ids: string[]; comparisons: number } => {
          const ids: string[] = [];
          const receiver = new NodeState(size - 1, size, 'causal', (_, message) => ids.push(message.id));
          for (const message of arrivals) {
            const { raised, ...plain } = message;
            expect(raised).toBeDefined();
            receiver.receive(withRaised ? message : plain, 0);
          }
          return { ids, comparisons: receiver.comparisons };
        };
        const short = run(true);
        const full = run(false);
        expect(short.ids).toEqual(full.ids);
        expect(short.comparisons).toBeLessThanOrEqual(full.comparisons);
      }),
      { numRuns: 200 },
    );
  });

  it('stamps the entries raised since the node\'s previous stamp, with their values, its own excepted', () => {
    const b = new NodeState(1, 4, 'causal', () => {});
    const first = b.stamp('first', 0);
    expect(first.raised).toEqual([]);
    const fromA = new NodeState(0, 4, 'causal', () => {}).stamp('from A', 0);
    const fromD = new NodeState(3, 4, 'causal', () => {}).stamp('from D', 0);
    b.receive(fromA, 1);
    b.receive(fromD, 2);
    const second = b.stamp('second', 3);
    expect([second.vc, second.raised]).toEqual([[1, 2, 0, 1], [0, 1, 3, 1]]);
    expect(b.stamp('third', 4).raised).toEqual([]);
  });

  it('keeps every held message through a widening of its buffer and reports what each waits for', () => {
    const size = 3;
    const source = new NodeState(0, size, 'causal', () => {});
    const messages = Array.from({ length: 40 }, (_, i) => {
      const message = source.stamp(`m${i}`, 0);
      source.deliverOwn(message);
      return message;
    });
    const receiver = new NodeState(2, size, 'causal', () => {});
    for (const [i, message] of messages.slice(1).toReversed().entries()) expect(receiver.receive(message, i)).toBe('buffered');
    expect(receiver.bufferedCount).toBe(39);
    expect(receiver.buffered().map((h) => h.message.id)).toEqual(messages.slice(1).map((m) => m.id).toReversed());
    expect(receiver.waitingFor(messages[3] as Message)).toEqual(['A1', 'A2', 'A3']);
    expect(receiver.receive(messages[0] as Message, 99)).toBe('delivered');
    expect(receiver.bufferedCount).toBe(0);
    expect(Array.from(receiver.clock)).toEqual([40, 0, 0]);
  });
});
