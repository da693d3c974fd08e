// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, type DelayDistribution, type NetworkConfig } from '../../src/sim/network.ts';
import { serializeTrace, type TraceEvent } from '../../src/sim/trace.ts';
import { World } from '../../src/sim/world.ts';
import { analyseTrace, type TraceAnalysis } from './trace-oracle.ts';

/** Under `total`: every node's deliveries are a prefix of A's numbering, once each, in causal order. */
function expectTotalOrder(events: readonly TraceEvent[], a: TraceAnalysis): void {
  for (let i = 1; i < events.length; i++) expect((events[i] as TraceEvent).t).toBeGreaterThanOrEqual((events[i - 1] as TraceEvent).t);
  expect(new Set(a.order).size, 'a message numbered twice').toBe(a.order.length);
  a.delivered.forEach((ids, node) => expect(ids, `node ${node} against A's numbering`).toEqual(a.order.slice(0, ids.length)));
  expect(a.badOrders).toEqual([]);
  expect(a.violations).toEqual([]);
  expect(a.flagged).toEqual([]);
}

/** Every sent message was delivered at every node, all in the same sequence. */
function expectSameCompleteSequence(a: TraceAnalysis): void {
  expect([...a.order].sort()).toEqual([...a.vcs.keys()].sort());
  for (const ids of a.delivered) expect(ids).toEqual(a.order);
}

const delayArb: fc.Arbitrary<DelayDistribution> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), ms: fc.integer({ min: 1, max: 3000 }) }),
  fc
    .tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }))
    .map(([minMs, span]): DelayDistribution => ({ kind: 'uniform', minMs, maxMs: minMs + span })),
  fc.record({ kind: fc.constant('exponential' as const), minMs: fc.integer({ min: 0, max: 500 }), meanMs: fc.integer({ min: 1, max: 2000 }) }),
);

/** A headless `total` run's inputs. */
interface Scenario {
  readonly nodeCount: number;
  readonly seed: number;
  readonly delay: DelayDistribution;
  readonly messages: number;
  readonly meanGapMs: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  nodeCount: fc.integer({ min: 2, max: 8 }),
  seed: fc.nat(),
  delay: delayArb,
  messages: fc.integer({ min: 1, max: 100 }),
  meanGapMs: fc.integer({ min: 0, max: 400 }),
});

/** Builds a headless `total` world for a scenario. */
function makeWorld(s: Scenario, network: Partial<NetworkConfig> = {}): World {
  return new World({
    nodeCount: s.nodeCount,
    seed: s.seed,
    policy: 'total',
    network: { ...DEFAULT_NETWORK, delay: s.delay, ...network },
    workload: { messages: s.messages, meanGapMs: s.meanGapMs },
  });
}

const RUNS = 60;
const TIMEOUT_MS = 30_000;

describe('total policy', () => {
  it('delivers everything exactly once, in the same sequence at every node, in causal order', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(0, 0.3), (s, dupRate) => {
        const world = makeWorld(s, { dupRate });
        world.runToQuiet();
        const a = analyseTrace(world.names, world.trace);
        expectTotalOrder(world.trace, a);
        expectSameCompleteSequence(a);
        for (const node of world.view().nodes) expect(node.buffer, `buffer of ${node.name}`).toEqual([]);
        expect(world.stats.violations).toBe(0);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('under loss every node delivers a prefix of the same sequence and leftovers say what they wait for', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 60 }), (s, lossPercent) => {
        const world = makeWorld(s, { lossRate: lossPercent / 100 });
        world.runToQuiet();
        const a = analyseTrace(world.names, world.trace);
        expectTotalOrder(world.trace, a);
        for (const node of world.view().nodes) {
          for (const held of node.buffer) {
            const waits = held.waitingFor.length + (held.order ? Number(held.order.ownSeq) + held.order.seqs.length : 0);
            expect(waits, `${held.message.id} at ${node.name} waits for nothing`).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('is deterministic: the same inputs give byte-identical traces', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const run = (): string => {
          const world = makeWorld(s, { lossRate: 0.1, dupRate: 0.1 });
          world.runToQuiet();
          return serializeTrace(world.toTrace());
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 30 },
    );
  }, TIMEOUT_MS);
});

describe('total policy, by hand', () => {
  /** A 3-node manual world under `total` with a fixed 100 ms delay. */
  function manualWorld(): World {
    return new World({ nodeCount: 3, seed: 1, policy: 'total', network: { ...DEFAULT_NETWORK, delay: { kind: 'fixed', ms: 100 }, manual: true } });
  }

  /** Releases the parked transmission to `to` that matches `control` (undefined for the message itself). */
  function release(world: World, msg: string, to: number, control?: 'order'): void {
    world.runToQuiet();
    const flight = world.view().flights.find((f) => f.message.id === msg && f.to === to && f.control === control);
    if (!flight) throw new Error(`no ${control ?? 'data'} flight of ${msg} to ${to}`);
    world.apply({ kind: 'release', flight: flight.id });
  }

  it('the sender keeps its own message until A numbers it, and says so', () => {
    const world = manualWorld();
    world.apply({ kind: 'send', node: 1, text: 'Hi' });
    const b = world.view().nodes[1];
    expect(b?.inbox).toEqual([]);
    expect(b?.buffer.map((e) => [e.message.id, e.waitingFor, e.order])).toEqual([['B1', [], { from: 'A', ownSeq: true, seqs: [] }]]);
    expect(world.trace.at(-1)).toMatchObject({ type: 'buffer', node: 'B', msg: 'B1', waitingFor: [], order: { from: 'A', ownSeq: true, seqs: [] } });
    release(world, 'B1', 0);
    expect(world.trace.slice(-2)).toMatchObject([
      { type: 'order', node: 'A', msg: 'B1', seq: 1 },
      { type: 'deliver', node: 'A', msg: 'B1' },
    ]);
    release(world, 'B1', 1, 'order');
    expect(world.view().nodes[1]?.inbox.map((e) => e.message.id)).toEqual(['B1']);
  });

  it('a message numbered 2 waits for number 1, first unknown, then by id', () => {
    const world = manualWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.apply({ kind: 'send', node: 0, text: 'Again' });
    release(world, 'A2', 2);
    release(world, 'A2', 2, 'order');
    const held = () => world.view().nodes[2]?.buffer.map((e) => [e.message.id, e.waitingFor, e.order]);
    expect(held()).toEqual([['A2', [], { from: 'A', ownSeq: false, seqs: [1] }]]);
    release(world, 'A1', 2, 'order');
    expect(held()).toEqual([['A2', ['A1'], undefined]]);
    release(world, 'A1', 2);
    expect(world.view().nodes[2]?.inbox.map((e) => e.message.id)).toEqual(['A1', 'A2']);
  });
});
