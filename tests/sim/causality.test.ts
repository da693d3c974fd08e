// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock } from '../../src/sim/clock.ts';
import { explainOrder, relateMessages } from '../../src/sim/causality.ts';
import type { Message } from '../../src/sim/message.ts';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { World } from '../../src/sim/world.ts';

/**
 * Happened-before between sends by brute-force reachability over the trace: events on one
 * node are ordered, and a message's send precedes its delivery at each node.
 */
function reachability(trace: readonly TraceEvent[]): Map<string, Set<string>> {
  const nodes = new Map<string, number[]>();
  const events: { node: string; type: string; msg: string }[] = [];
  for (const e of trace) {
    if (e.type !== 'send' && e.type !== 'deliver') continue;
    const i = events.push({ node: e.node, type: e.type, msg: e.msg }) - 1;
    nodes.set(e.node, [...(nodes.get(e.node) ?? []), i]);
  }
  const next: number[][] = events.map(() => []);
  for (const list of nodes.values()) for (let k = 0; k + 1 < list.length; k++) next[list[k] as number]?.push(list[k + 1] as number);
  const sendOf = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.type === 'send') sendOf.set(e.msg, i);
  });
  events.forEach((e, i) => {
    const s = sendOf.get(e.msg);
    if (e.type === 'deliver' && s !== undefined && s !== i) next[s]?.push(i);
  });
  const after = new Map<string, Set<string>>();
  for (const [msg, start] of sendOf) {
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) {
      for (const n of next[stack.pop() as number] ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    }
    const later = new Set<string>();
    for (const i of seen) if (i !== start && events[i]?.type === 'send') later.add(events[i]?.msg as string);
    after.set(msg, later);
  }
  return after;
}

describe('causal past, future and concurrency', () => {
  it('agree with brute-force reachability over the trace, whatever the policy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.nat(),
        fc.constantFrom('causal' as const, 'fifo' as const, 'none' as const, 'total' as const),
        fc.integer({ min: 1, max: 40 }),
        (nodeCount, seed, policy, messages) => {
          const world = new World({
            nodeCount,
            seed,
            policy,
            network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 10, maxMs: 2000 } },
            workload: { messages, meanGapMs: 200 },
          });
          world.runToQuiet();
          const sent: Message[] = world.view().nodes.flatMap((n) => n.inbox.filter((e) => e.message.sender === n.index).map((e) => e.message));
          const later = reachability(world.trace);
          for (const m of sent) {
            const { past, future, concurrent } = relateMessages(m, sent);
            const expectedFuture = later.get(m.id) ?? new Set();
            const expectedPast = new Set(sent.filter((o) => later.get(o.id)?.has(m.id)).map((o) => o.id));
            expect([...future].sort(), `future of ${m.id}, seed ${seed}`).toEqual([...expectedFuture].sort());
            expect([...past].sort(), `past of ${m.id}, seed ${seed}`).toEqual([...expectedPast].sort());
            expect(concurrent.size + past.size + future.size).toBe(sent.length - 1);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('explains the order in words', () => {
    const msg = (id: string, sender: number, vc: number[]): Message => ({ id, sender, seq: vc[sender] ?? 0, vc, text: '', sentAt: 0 });
    const show = (vc: readonly number[]): string => formatClock(vc);
    const names = ['A', 'B', 'C'];
    expect(explainOrder(msg('B1', 1, [1, 1, 0]), msg('C1', 2, [1, 1, 1]), names, show)).toEqual({
      order: 'before',
      reason: 'B1 happened before C1 because [1,1,0] ≤ [1,1,1] in every entry and they differ',
    });
    expect(explainOrder(msg('A1', 0, [1, 0, 0]), msg('B1', 1, [0, 1, 0]), names, show)).toEqual({
      order: 'concurrent',
      reason: 'A1 and B1 are concurrent: [1,0,0] is larger in A but smaller in B than [0,1,0], so neither happened before the other',
    });
    expect(explainOrder(msg('C1', 2, [1, 1, 1]), msg('A1', 0, [1, 0, 0]), names, show).order).toBe('after');
  });
});
