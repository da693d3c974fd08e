import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCausallyDeliverable } from '../../src/sim/causal-rule.ts';
import { messageId } from '../../src/sim/names.ts';
import { NodeState, type DeliverySink } from '../../src/sim/node.ts';
import { StampPool } from '../../src/sim/stamps.ts';

/** A message as these tests follow it: its stamp's handle, sender and seq. */
interface Stamped {
  readonly h: number;
  readonly sender: number;
  readonly seq: number;
  readonly id: string;
}

const ignore: DeliverySink = { delivered: () => {} };

/** A sink that passes each delivery on as (node, id), checked against the stamp's header. */
function sinkFor(pool: StampPool, onDeliver: (node: NodeState, id: string, h: number) => void): DeliverySink {
  return {
    delivered(node, h, sender, seq) {
      expect([sender, seq]).toEqual([pool.sender(h), pool.seq(h)]);
      onDeliver(node, messageId(sender, seq), h);
    },
  };
}

function stampOn(node: NodeState, pool: StampPool): Stamped {
  const h = node.stamp();
  return { h, sender: pool.sender(h), seq: pool.seq(h), id: messageId(pool.sender(h), pool.seq(h)) };
}

function receive(node: NodeState, m: Stamped, nowMs = 0): ReturnType<NodeState['receive']> {
  return node.receive(m.h, m.sender, m.seq, nowMs);
}

/**
 * A causal history: `count` messages from senders 0…size−2, each stamped by a sender node that
 * had delivered a random prefix-closed subset of the earlier ones. Node size−1 only receives.
 */
function buildHistory(pool: StampPool, sends: readonly { sender: number; sees: number }[]): Stamped[] {
  const messages: Stamped[] = [];
  const senders = Array.from({ length: pool.size }, (_, i) => new NodeState(i, pool, 'causal', ignore));
  for (const { sender, sees } of sends) {
    const node = senders[sender] as NodeState;
    // Let the sender catch up on a random number of earlier messages first (in sending order,
    // which is a causal order, so each is deliverable or waits for one of them).
    for (const earlier of messages.slice(0, sees)) if (earlier.sender !== sender) receive(node, earlier);
    const message = stampOn(node, pool);
    node.deliverOwn(message.h);
    messages.push(message);
  }
  return messages;
}

const historyArb = fc
  .integer({ min: 2, max: 7 })
  .chain((size) =>
    fc.record({
      size: fc.constant(size),
      // size 'max': lengths up to the bounds, so that one sender often has more messages than a
      // hold-back window's first 8 slots and the buffer widens.
      sends: fc.array(fc.record({ sender: fc.integer({ min: 0, max: size - 2 }), sees: fc.nat(40) }), { minLength: 1, maxLength: 40, size: 'max' }),
      order: fc.array(fc.nat(), { maxLength: 40, size: 'max' }),
      duplicates: fc.array(fc.nat(), { maxLength: 20, size: 'max' }),
    }),
  );

describe('NodeState under causal delivery (BSS with a per-sender hold-back buffer)', () => {
  it('delivers every message of any arrival order exactly once, each when the plain rule allows it and none held that it allows, with at most 2N comparisons per delivery', () => {
    fc.assert(
      fc.property(historyArb, ({ size, sends, order, duplicates }) => {
        const pool = new StampPool(size, 4);
        const messages = buildHistory(pool, sends);
        const arrivals = [...messages];
        // A random permutation driven by `order`, then duplicates of random messages spliced in.
        for (let i = arrivals.length - 1; i > 0; i--) {
          const j = (order[i] ?? i) % (i + 1);
          [arrivals[i], arrivals[j]] = [arrivals[j] as Stamped, arrivals[i] as Stamped];
        }
        for (const d of duplicates) arrivals.splice(d % (arrivals.length + 1), 0, messages[d % messages.length] as Stamped);

        const delivered: string[] = [];
        const receiver = new NodeState(
          size - 1,
          pool,
          'causal',
          sinkFor(pool, (node, id, h) => {
            expect(node.missingPredecessors(h)).toEqual([]);
            // The clock just before this delivery, which only set the sender's entry.
            const before = Array.from(node.clock);
            before[pool.sender(h)] = pool.seq(h) - 1;
            expect(isCausallyDeliverable(before, pool.vc(h), pool.sender(h))).toBe(true);
            delivered.push(id);
          }),
        );
        let duplicateOutcomes = 0;
        for (const message of arrivals) {
          if (receive(receiver, message) === 'duplicate') duplicateOutcomes++;
          for (const { handle } of receiver.buffered()) expect(isCausallyDeliverable(receiver.clock, pool.vc(handle), pool.sender(handle))).toBe(false);
        }

        expect(delivered.sort()).toEqual(messages.map((m) => m.id).sort());
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
        const pool = new StampPool(size);
        const messages = buildHistory(pool, sends);
        // The same messages stamped as if by hand: every entry counts as raised.
        const plain = messages.map((m) => ({ ...m, h: pool.add(m.sender, pool.vc(m.h)) }));
        const order1 = messages.map((_, i) => i);
        for (let i = order1.length - 1; i > 0; i--) {
          const j = (order[i] ?? i) % (i + 1);
          [order1[i], order1[j]] = [order1[j] as number, order1[i] as number];
        }
        const run = (stamps: readonly Stamped[]): { ids: string[]; comparisons: number } => {
          const ids: string[] = [];
          const receiver = new NodeState(size - 1, pool, 'causal', sinkFor(pool, (_, id) => ids.push(id)));
          for (const i of order1) receive(receiver, stamps[i] as Stamped);
          return { ids, comparisons: receiver.comparisons };
        };
        const short = run(messages);
        const full = run(plain);
        expect(short.ids).toEqual(full.ids);
        expect(short.ids).toHaveLength(messages.length);
        expect(short.comparisons).toBeLessThanOrEqual(full.comparisons);
      }),
      { numRuns: 200 },
    );
  });

  it("stamps the entries raised since the node's previous stamp, with their values, its own excepted", () => {
    const pool = new StampPool(4);
    const b = new NodeState(1, pool, 'causal', ignore);
    const first = b.stamp();
    expect(pool.raised(first)).toEqual([]);
    const fromA = stampOn(new NodeState(0, pool, 'causal', ignore), pool);
    const fromD = stampOn(new NodeState(3, pool, 'causal', ignore), pool);
    receive(b, fromA, 1);
    receive(b, fromD, 2);
    const second = b.stamp();
    expect([pool.vc(second), pool.raised(second)]).toEqual([
      [1, 2, 0, 1],
      [0, 1, 3, 1],
    ]);
    expect(pool.raised(b.stamp())).toEqual([]);
  });

  it('keeps every held message through a widening of its buffer and reports what each waits for', () => {
    const pool = new StampPool(3);
    const source = new NodeState(0, pool, 'causal', ignore);
    const messages = Array.from({ length: 40 }, () => {
      const message = stampOn(source, pool);
      source.deliverOwn(message.h);
      return message;
    });
    const receiver = new NodeState(2, pool, 'causal', ignore);
    // A3 first, then A11: one window's width (8) further on, in A3's slot of the first window.
    expect(receive(receiver, messages[2] as Stamped, 0)).toBe('buffered');
    expect(receive(receiver, messages[10] as Stamped, 1)).toBe('buffered');
    expect(receive(receiver, messages[10] as Stamped, 1)).toBe('duplicate');
    const rest = messages.slice(1).toReversed().filter((m) => m.seq !== 3 && m.seq !== 11);
    for (const [i, message] of rest.entries()) expect(receive(receiver, message, 2 + i)).toBe('buffered');
    expect(receiver.bufferedCount).toBe(39);
    expect(receiver.buffered().map((held) => held.handle)).toEqual([messages[2], messages[10], ...rest].map((m) => (m as Stamped).h));
    expect(receiver.waitingFor((messages[3] as Stamped).h)).toEqual(['A1', 'A2', 'A3']);
    expect(receive(receiver, messages[0] as Stamped, 99)).toBe('delivered');
    expect(receiver.bufferedCount).toBe(0);
    expect(Array.from(receiver.clock)).toEqual([40, 0, 0]);
  });

  it('reuses a released stamp slot and grows the pool from any first capacity, keeping every stamp', () => {
    const pool = new StampPool(2, 0);
    const node = new NodeState(0, pool, 'causal', ignore);
    const handles = Array.from({ length: 5 }, () => node.stamp());
    expect(handles).toEqual([0, 1, 2, 3, 4]);
    expect(handles.map((h) => pool.vc(h))).toEqual([[1, 0], [2, 0], [3, 0], [4, 0], [5, 0]]);
    pool.release(2);
    expect(node.stamp()).toBe(2);
    expect(pool.vc(2)).toEqual([6, 0]);
  });
});
