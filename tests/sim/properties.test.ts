// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/sim/message.ts';
import { DEFAULT_NETWORK, type DelayDistribution, type NetworkConfig } from '../../src/sim/network.ts';
import { serializeTrace, type TraceEvent } from '../../src/sim/trace.ts';
import type { WorkloadConfig } from '../../src/sim/workload.ts';
import { replayWorld, World } from '../../src/sim/world.ts';

/** A message as rebuilt from its send event. */
interface Sent {
  readonly id: string;
  readonly sender: number;
  readonly seq: number;
  readonly vc: readonly number[];
}

/** A deliver event with the oracle's view of what it skipped. */
interface Delivery {
  readonly node: number;
  readonly msg: Sent;
  readonly engineMissing: readonly string[] | undefined;
  /** Messages that happened before `msg` and were not yet delivered at `node`. */
  readonly oracleMissing: readonly Sent[];
}

/** What a trace says happened, recomputed from scratch. */
interface Analysis {
  readonly size: number;
  readonly sent: readonly Sent[];
  readonly byId: ReadonlyMap<string, Sent>;
  /** Per node, the ids it delivered, in order. */
  readonly delivered: readonly string[][];
  readonly deliveries: readonly Delivery[];
  /** Per message id, the messages that happened before it. */
  readonly preds: ReadonlyMap<string, readonly Sent[]>;
}

/** A headless run's inputs, minus the policy and network extras. */
interface Scenario {
  readonly nodeCount: number;
  readonly seed: number;
  readonly delay: DelayDistribution;
  readonly workload: WorkloadConfig;
}

/** Oracle happened-before on send timestamps: a ≤ b entry-wise and a ≠ b. */
function happenedBefore(a: readonly number[], b: readonly number[]): boolean {
  let strict = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x > y) return false;
    if (x < y) strict = true;
  }
  return strict;
}

/** Rebuilds sends, deliveries and happened-before from the trace alone. */
function analyse(names: readonly string[], events: readonly TraceEvent[]): Analysis {
  const size = names.length;
  const nodeIndex = new Map(names.map((name, i) => [name, i]));
  const indexOf = (name: string): number => {
    const i = nodeIndex.get(name);
    if (i === undefined) throw new Error(`unknown node ${name}`);
    return i;
  };
  const sent: Sent[] = [];
  const byId = new Map<string, Sent>();
  const sentCount = new Array<number>(size).fill(0);
  const preds = new Map<string, Sent[]>();
  const delivered = names.map((): string[] => []);
  const deliveredSet = names.map(() => new Set<string>());
  const deliveries: Delivery[] = [];
  for (const e of events) {
    if (e.type === 'send') {
      const sender = indexOf(e.node);
      const seq = (sentCount[sender] as number) + 1;
      sentCount[sender] = seq;
      expect(e.msg, 'message id is sender name + per-sender seq').toBe(`${e.node}${seq}`);
      const msg: Sent = { id: e.msg, sender, seq, vc: e.vc };
      preds.set(msg.id, sent.filter((other) => happenedBefore(other.vc, msg.vc)));
      sent.push(msg);
      byId.set(msg.id, msg);
    } else if (e.type === 'deliver') {
      const node = indexOf(e.node);
      const msg = byId.get(e.msg);
      if (!msg) throw new Error(`${e.msg} delivered at ${e.node} before it was sent`);
      const seen = deliveredSet[node] as Set<string>;
      const oracleMissing = (preds.get(msg.id) ?? []).filter((p) => !seen.has(p.id));
      deliveries.push({ node, msg, engineMissing: e.missing, oracleMissing });
      seen.add(msg.id);
      (delivered[node] as string[]).push(msg.id);
    }
  }
  return { size, sent, byId, delivered, deliveries, preds };
}

/** Analyses a world's trace. */
function analyseWorld(world: World): Analysis {
  return analyse(world.names, world.trace);
}

/** Checks what holds under every policy: time order, own delivery right after send, at-most-once. */
function expectBasics(events: readonly TraceEvent[], a: Analysis): void {
  for (let i = 1; i < events.length; i++) {
    expect((events[i] as TraceEvent).t, `t decreases at event ${i}`).toBeGreaterThanOrEqual((events[i - 1] as TraceEvent).t);
  }
  events.forEach((e, i) => {
    if (e.type !== 'send') return;
    expect(events[i + 1], `own delivery of ${e.msg}`).toMatchObject({ type: 'deliver', node: e.node, msg: e.msg, t: e.t });
  });
  a.delivered.forEach((ids, node) => {
    expect(new Set(ids).size, `node ${node} delivered a message twice`).toBe(ids.length);
  });
}

/** Every sent message was delivered exactly once at every node. */
function expectAllDeliveredOnce(a: Analysis): void {
  const all = a.sent.map((m) => m.id).sort();
  for (const ids of a.delivered) expect([...ids].sort()).toEqual(all);
}

/** No delivery skipped a message that happened before it, and the engine flagged none. */
function expectCausalOrder(a: Analysis): void {
  for (const d of a.deliveries) {
    expect(d.oracleMissing.map((m) => m.id), `${d.msg.id} at node ${d.node}`).toEqual([]);
    expect(d.engineMissing, `${d.msg.id} at node ${d.node} carries missing`).toBeUndefined();
  }
}

/** Every node delivers each sender's messages in sequence order. */
function expectFifoOrder(a: Analysis): void {
  a.delivered.forEach((ids, node) => {
    const last = new Array<number>(a.size).fill(0);
    for (const id of ids) {
      const m = a.byId.get(id) as Sent;
      expect(m.seq, `${id} at node ${node} out of sender order`).toBeGreaterThan(last[m.sender] as number);
      last[m.sender] = m.seq;
    }
  });
}

/** The oracle's expected `missing`: per sender, the earliest undelivered predecessor. */
function expectedMissing(d: Delivery, size: number): string[] {
  const ids: string[] = [];
  for (let k = 0; k < size; k++) {
    const fromK = d.oracleMissing.filter((m) => m.sender === k).sort((x, y) => x.seq - y.seq);
    if (fromK[0]) ids.push(fromK[0].id);
  }
  return ids;
}

/** The engine's `missing` flag matches the oracle on every deliver event. */
function expectMissingAgrees(a: Analysis, context = ''): void {
  for (const d of a.deliveries) {
    const expected = expectedMissing(d, a.size);
    expect(d.engineMissing ?? [], `${context}${d.msg.id} at node ${d.node}`).toEqual(expected);
  }
}

/** Final clocks equal, per sender, the number of that sender's messages delivered. */
function expectClocksCountDeliveries(world: World, a: Analysis): void {
  world.view().nodes.forEach((node, i) => {
    const counts = new Array<number>(a.size).fill(0);
    for (const id of a.delivered[i] as string[]) {
      const sender = (a.byId.get(id) as Sent).sender;
      counts[sender] = (counts[sender] as number) + 1;
    }
    expect(node.clock, `clock of node ${i}`).toEqual(counts);
  });
}

/** All hold-back buffers are empty. */
function expectBuffersEmpty(world: World): void {
  for (const node of world.view().nodes) expect(node.buffer.map((b) => b.message.id), `buffer of ${node.name}`).toEqual([]);
}

/** Everything the causal policy promises for a run that ends with nothing lost. */
function expectCausalComplete(world: World, a: Analysis): void {
  expectBasics(world.trace, a);
  expectCausalOrder(a);
  expectAllDeliveredOnce(a);
  expectBuffersEmpty(world);
  expectClocksCountDeliveries(world, a);
}

const delayArb: fc.Arbitrary<DelayDistribution> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), ms: fc.integer({ min: 1, max: 3000 }) }),
  fc
    .tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }))
    .map(([minMs, span]): DelayDistribution => ({ kind: 'uniform', minMs, maxMs: minMs + span })),
  fc.record({
    kind: fc.constant('exponential' as const),
    minMs: fc.integer({ min: 0, max: 500 }),
    meanMs: fc.integer({ min: 1, max: 2000 }),
  }),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  nodeCount: fc.integer({ min: 2, max: 8 }),
  seed: fc.nat(),
  delay: delayArb,
  workload: fc.record({ messages: fc.integer({ min: 1, max: 120 }), meanGapMs: fc.integer({ min: 0, max: 400 }) }),
});

/** Builds a headless world for a scenario. */
function makeWorld(s: Scenario, policy: DeliveryPolicy, network: Partial<NetworkConfig> = {}): World {
  return new World({
    nodeCount: s.nodeCount,
    seed: s.seed,
    policy,
    network: { ...DEFAULT_NETWORK, delay: s.delay, ...network },
    workload: s.workload,
  });
}

/** Runs a scenario to quiet. */
function runScenario(s: Scenario, policy: DeliveryPolicy, network: Partial<NetworkConfig> = {}): World {
  const world = makeWorld(s, policy, network);
  world.runToQuiet();
  return world;
}

/** Picks a directed link (from ≠ to) out of two arbitrary numbers. */
function link(size: number, a: number, b: number): { from: number; to: number } {
  const from = a % size;
  return { from, to: (from + 1 + (b % (size - 1))) % size };
}

/** Deliveries made on receipt, i.e. all deliveries but each sender's own. */
function remoteDeliveries(a: Analysis): number {
  return a.deliveries.length - a.sent.length;
}

/** Runs per property: keeps the file near 3 s on an idle machine. */
const RUNS = 60;
/** Generous per-test limit so a loaded machine does not turn slow runs into failures. */
const TIMEOUT_MS = 30_000;

describe('causal policy', () => {
  it('delivers everything once, in causal order, with clocks counting deliveries', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const world = runScenario(s, 'causal');
        expectCausalComplete(world, analyseWorld(world));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  // Worst seen over 4,000 runs at N = 8 (exponential and uniform delays, 120 messages): 8.36 entries, bound 9.
  it('compares at most N + 1 clock entries per remote delivery', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const world = runScenario(s, 'causal');
        const remote = remoteDeliveries(analyseWorld(world));
        expect(world.comparisons / remote).toBeLessThanOrEqual(s.nodeCount + 1);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

describe('fifo policy', () => {
  it('keeps per-sender order and delivers everything once', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const world = runScenario(s, 'fifo');
        const a = analyseWorld(world);
        expectBasics(world.trace, a);
        expectFifoOrder(a);
        expectAllDeliveredOnce(a);
        expectBuffersEmpty(world);
        expectMissingAgrees(a);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});

describe('none policy', () => {
  it('delivers everything once and flags exactly the causal violations', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const world = runScenario(s, 'none');
        const a = analyseWorld(world);
        expectBasics(world.trace, a);
        expectAllDeliveredOnce(a);
        expectMissingAgrees(a);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('really reorders: some of seeds 1..50 break causal order, and missing agrees with the oracle', () => {
    let violating = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const world = runScenario(
        { nodeCount: 3, seed, delay: { kind: 'uniform', minMs: 100, maxMs: 3000 }, workload: { messages: 30, meanGapMs: 200 } },
        'none',
      );
      const a = analyseWorld(world);
      expectMissingAgrees(a, `seed ${seed}: `);
      if (a.deliveries.some((d) => d.oracleMissing.length > 0)) violating++;
    }
    expect(violating).toBeGreaterThan(0);
  });
});

/** One random step of a command-driven run; numbers are reduced modulo what exists. */
type Op =
  | { readonly op: 'send'; readonly node: number }
  | { readonly op: 'step'; readonly count: number }
  | { readonly op: 'advance'; readonly byMs: number }
  | { readonly op: 'release' | 'duplicate' | 'drop'; readonly pick: number }
  | { readonly op: 'cut' | 'heal'; readonly a: number; readonly b: number }
  | { readonly op: 'manual'; readonly on: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('send' as const), node: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('step' as const), count: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), byMs: fc.integer({ min: 0, max: 2000 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('release' as const, 'duplicate' as const, 'drop' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('cut' as const, 'heal' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('manual' as const), on: fc.boolean() }) },
);

/** Inputs of a command-driven run. */
interface Driven {
  readonly nodeCount: number;
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly network: NetworkConfig;
  readonly ops: readonly Op[];
}

const drivenArb: fc.Arbitrary<Driven> = fc.record({
  nodeCount: fc.integer({ min: 2, max: 8 }),
  seed: fc.nat(),
  policy: fc.constantFrom<DeliveryPolicy>('causal', 'fifo', 'none'),
  network: fc.record({
    delay: delayArb,
    lossRate: fc.constantFrom(0, 0.1),
    dupRate: fc.constantFrom(0, 0.2),
    partitionMode: fc.constant('hold' as const),
    manual: fc.boolean(),
    links: fc.constant({}),
  }),
  ops: fc.array(opArb, { maxLength: 60 }),
});

/** Plays random ops against a fresh world, then runs it to quiet. */
function drive(d: Driven): World {
  const world = new World({ nodeCount: d.nodeCount, seed: d.seed, policy: d.policy, network: d.network });
  d.ops.forEach((op, i) => {
    switch (op.op) {
      case 'send':
        world.apply({ kind: 'send', node: op.node % d.nodeCount, text: `m${i}` });
        break;
      case 'step':
        for (let k = 0; k < op.count; k++) world.step();
        break;
      case 'advance':
        world.advanceTo(world.now + op.byMs);
        break;
      case 'release':
      case 'duplicate':
      case 'drop': {
        const flights = world.view().flights;
        const flight = flights[op.pick % Math.max(1, flights.length)];
        if (flight) world.apply({ kind: op.op, flight: flight.id });
        break;
      }
      case 'cut':
      case 'heal':
        world.apply({ kind: op.op, ...link(d.nodeCount, op.a, op.b) });
        break;
      case 'manual':
        world.apply({ kind: 'network', network: { ...d.network, manual: op.on } });
        break;
    }
  });
  world.runToQuiet();
  return world;
}

describe('determinism', () => {
  it('the same headless inputs give byte-identical traces', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom<DeliveryPolicy>('causal', 'fifo', 'none'), (s, policy) => {
        const first = serializeTrace(runScenario(s, policy).toTrace());
        expect(serializeTrace(runScenario(s, policy).toTrace())).toBe(first);
      }),
      { numRuns: 30 },
    );
  }, TIMEOUT_MS);

  it('replaying the command log of a randomly driven run rebuilds it byte for byte', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(drivenArb, (d) => {
        const world = drive(d);
        const again = drive(d);
        const copy = replayWorld(world.config, world.commands);
        const trace = serializeTrace(world.toTrace());
        expect(serializeTrace(again.toTrace())).toBe(trace);
        expect(serializeTrace(copy.toTrace())).toBe(trace);
        const { nodes, flights } = world.view();
        expect(JSON.stringify(copy.view().nodes)).toBe(JSON.stringify(nodes));
        expect(JSON.stringify(copy.view().flights)).toBe(JSON.stringify(flights));
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT_MS);
});

/** Counts events of `type` per `node|msg`. */
function countBy(events: readonly TraceEvent[], type: TraceEvent['type']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.type !== type || !('msg' in e)) continue;
    const key = `${e.node}|${e.msg}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('faults', () => {
  it('duplicates (network and manual) are discarded, never delivered twice', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom<DeliveryPolicy>('causal', 'fifo', 'none'),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (s, policy, dupPercent, dupEvery, picks) => {
          const world = makeWorld(s, policy, { dupRate: dupPercent / 100 });
          const plan = [...picks];
          for (let i = 0; world.step(); i++) {
            if (i % dupEvery !== 0 || plan.length === 0) continue;
            const flights = world.view().flights;
            const flight = flights[(plan.pop() as number) % Math.max(1, flights.length)];
            if (flight) world.apply({ kind: 'duplicate', flight: flight.id });
          }
          const a = analyseWorld(world);
          expectBasics(world.trace, a);
          expectAllDeliveredOnce(a);
          const receives = countBy(world.trace, 'receive');
          const discards = countBy(world.trace, 'discard');
          for (const [key, n] of receives) expect(n - (discards.get(key) ?? 0), `copies of ${key} kept`).toBe(1);
          expect([...discards.values()].reduce((x, y) => x + y, 0)).toBe(world.stats.duplicates);
          if (policy === 'causal') expectCausalComplete(world, a);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('links cut and healed later (hold) still deliver everything once, in causal order', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 20000 }),
        (s, pairs, cutAt, healAfter) => {
          const world = makeWorld(s, 'causal', { partitionMode: 'hold' });
          const links = pairs.map(([x, y]) => link(s.nodeCount, x, y));
          world.advanceTo(cutAt);
          for (const l of links) world.apply({ kind: 'cut', ...l });
          world.advanceTo(cutAt + healAfter);
          for (const l of links) world.apply({ kind: 'heal', ...l });
          world.runToQuiet();
          expect(world.view().flights).toEqual([]);
          expectCausalComplete(world, analyseWorld(world));
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('under loss nothing is delivered twice, causal order holds, and leftovers say what they wait for', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 60 }), (s, lossPercent) => {
        const world = runScenario(s, 'causal', { lossRate: lossPercent / 100 });
        const a = analyseWorld(world);
        expectBasics(world.trace, a);
        expectCausalOrder(a);
        expectClocksCountDeliveries(world, a);
        world.view().nodes.forEach((node, i) => {
          const seen = new Set(a.delivered[i]);
          for (const held of node.buffer) {
            const undelivered = (a.preds.get(held.message.id) ?? []).filter((p) => !seen.has(p.id)).map((p) => p.id);
            expect(held.waitingFor.length, `${held.message.id} at ${node.name}`).toBeGreaterThan(0);
            expect([...held.waitingFor].sort(), `${held.message.id} at ${node.name}`).toEqual(undelivered.sort());
          }
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});
