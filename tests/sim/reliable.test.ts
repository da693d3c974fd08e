// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/sim/message.ts';
import { DEFAULT_NETWORK, retransmitTimeoutMs, type DelayDistribution, type NetworkConfig } from '../../src/sim/network.ts';
import { serializeTrace, type TraceEvent } from '../../src/sim/trace.ts';
import { replayWorld, World } from '../../src/sim/world.ts';
import { analyseTrace, type TraceAnalysis } from './trace-oracle.ts';

/** A headless run with faults: loss, duplication and links cut for a while. */
interface Faulty {
  readonly nodeCount: number;
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly delay: DelayDistribution;
  readonly messages: number;
  readonly meanGapMs: number;
  readonly lossRate: number;
  readonly dupRate: number;
  readonly partitionMode: 'hold' | 'drop';
  /** Directed links as pairs of numbers reduced modulo the node count. */
  readonly cuts: readonly (readonly [number, number])[];
  readonly cutAt: number;
  readonly healAfter: number;
}

const delayArb: fc.Arbitrary<DelayDistribution> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), ms: fc.integer({ min: 1, max: 2000 }) }),
  fc
    .tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2000 }))
    .map(([minMs, span]): DelayDistribution => ({ kind: 'uniform', minMs, maxMs: minMs + span })),
  fc.record({ kind: fc.constant('exponential' as const), minMs: fc.integer({ min: 0, max: 300 }), meanMs: fc.integer({ min: 1, max: 1000 }) }),
);

const faultyArb: fc.Arbitrary<Faulty> = fc.record({
  nodeCount: fc.integer({ min: 2, max: 6 }),
  seed: fc.nat(),
  policy: fc.constantFrom<DeliveryPolicy>('causal', 'fifo', 'none', 'total'),
  delay: delayArb,
  messages: fc.integer({ min: 1, max: 40 }),
  meanGapMs: fc.integer({ min: 0, max: 400 }),
  lossRate: fc.constantFrom(0.05, 0.2, 0.5),
  dupRate: fc.constantFrom(0, 0.2),
  partitionMode: fc.constantFrom('hold' as const, 'drop' as const),
  cuts: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  cutAt: fc.integer({ min: 0, max: 5000 }),
  healAfter: fc.integer({ min: 0, max: 20000 }),
});

/** Picks a directed link (from ≠ to) out of two arbitrary numbers. */
function link(size: number, a: number, b: number): { from: number; to: number } {
  const from = a % size;
  return { from, to: (from + 1 + (b % (size - 1))) % size };
}

/** Builds the world for a faulty run. */
function makeWorld(f: Faulty, network: Partial<NetworkConfig> = {}): World {
  return new World({
    nodeCount: f.nodeCount,
    seed: f.seed,
    policy: f.policy,
    network: { ...DEFAULT_NETWORK, delay: f.delay, lossRate: f.lossRate, dupRate: f.dupRate, partitionMode: f.partitionMode, reliable: true, ...network },
    workload: { messages: f.messages, meanGapMs: f.meanGapMs },
  });
}

/** Runs a faulty scenario: cut the links at `cutAt`, heal them `healAfter` later, run to quiet. */
function runFaulty(f: Faulty): World {
  const world = makeWorld(f);
  const links = f.cuts.map(([a, b]) => link(f.nodeCount, a, b));
  world.advanceTo(f.cutAt);
  for (const l of links) world.apply({ kind: 'cut', ...l });
  world.advanceTo(f.cutAt + f.healAfter);
  for (const l of links) world.apply({ kind: 'heal', ...l });
  world.runToQuiet();
  return world;
}

/** Every message sent was delivered exactly once at every node. */
function expectExactlyOnceEverywhere(a: TraceAnalysis): void {
  const all = [...a.vcs.keys()].sort();
  a.delivered.forEach((ids, node) => expect([...ids].sort(), `deliveries at node ${node}`).toEqual(all));
}

/** Deliveries out of per-sender sequence order (ids are sender name + seq), as `node:id`. */
function fifoBreaks(a: TraceAnalysis): string[] {
  const breaks: string[] = [];
  a.delivered.forEach((ids, node) => {
    const last = new Map<string, number>();
    for (const id of ids) {
      const [, sender = '', seq = ''] = /^([A-Z]+)(\d+)$/.exec(id) ?? [];
      if (Number(seq) !== (last.get(sender) ?? 0) + 1) breaks.push(`${node}:${id}`);
      last.set(sender, Number(seq));
    }
  });
  return breaks;
}

/** Counts events of `type` per `node|msg`, data transmissions only. */
function countData(events: readonly TraceEvent[], type: 'receive' | 'discard'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) if (e.type === type) counts.set(`${e.node}|${e.msg}`, (counts.get(`${e.node}|${e.msg}`) ?? 0) + 1);
  return counts;
}

const RUNS = 80;
const TIMEOUT_MS = 60_000;

describe('reliable delivery', () => {
  it('with loss, duplication and cuts that heal, every message is delivered exactly once everywhere, in the policy’s order', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(faultyArb, (f) => {
        const world = runFaulty(f);
        const a = analyseTrace(world.names, world.trace);
        expectExactlyOnceEverywhere(a);
        expect(world.view().flights, 'nothing left on the wire').toEqual([]);
        for (const node of world.view().nodes) expect(node.buffer, `buffer of ${node.name}`).toEqual([]);
        const causal = f.policy === 'causal' || f.policy === 'total';
        expect(causal ? a.violations : [], 'causal order').toEqual([]);
        expect(causal ? a.flagged : [], 'flagged deliveries').toEqual([]);
        expect(f.policy === 'none' ? [] : fifoBreaks(a), 'per-sender order').toEqual([]);
        expect(a.badOrders).toEqual([]);
        const sequences = f.policy === 'total' ? a.delivered : [];
        for (const ids of sequences) expect(ids, 'the same sequence as A numbered').toEqual(a.order);
        const receives = countData(world.trace, 'receive');
        const discards = countData(world.trace, 'discard');
        for (const [key, n] of receives) expect(n - (discards.get(key) ?? 0), `copies of ${key} kept`).toBe(1);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('is deterministic: the same inputs, or a replay of the command log, give byte-identical traces', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(faultyArb, (f) => {
        const world = runFaulty(f);
        const trace = serializeTrace(world.toTrace());
        expect(serializeTrace(runFaulty(f).toTrace())).toBe(trace);
        expect(serializeTrace(replayWorld(world.config, world.commands).toTrace())).toBe(trace);
      }),
      { numRuns: 30 },
    );
  }, TIMEOUT_MS);

  it('survives the user moving messages by hand: once released and healed, everything arrives exactly once', () => {
    expect.hasAssertions();
    const opArb = fc.oneof(
      fc.record({ op: fc.constant('send' as const), node: fc.nat() }),
      fc.record({ op: fc.constant('advance' as const), byMs: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ op: fc.constantFrom('release' as const, 'drop' as const, 'duplicate' as const), pick: fc.nat() }),
      fc.record({ op: fc.constantFrom('cut' as const, 'heal' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ op: fc.constant('manual' as const), on: fc.boolean() }),
    );
    fc.assert(
      fc.property(faultyArb, fc.array(opArb, { maxLength: 50 }), (f, ops) => {
        const world = makeWorld({ ...f, messages: 0 });
        const network = world.config.network;
        const links: { from: number; to: number }[] = [];
        ops.forEach((op, i) => {
          if (op.op === 'send') world.apply({ kind: 'send', node: op.node % f.nodeCount, text: `m${i}` });
          else if (op.op === 'advance') world.advanceTo(world.now + op.byMs);
          else if (op.op === 'manual') world.apply({ kind: 'network', network: { ...network, manual: op.on } });
          else if ('a' in op) {
            const l = link(f.nodeCount, op.a, op.b);
            if (op.op === 'cut') links.push(l);
            world.apply({ kind: op.op, ...l });
          } else {
            const flights = world.view().flights;
            const flight = flights[op.pick % Math.max(1, flights.length)];
            if (flight) world.apply({ kind: op.op, flight: flight.id });
          }
        });
        world.apply({ kind: 'network', network: { ...network, manual: false } });
        for (const l of links) world.apply({ kind: 'heal', ...l });
        world.runToQuiet();
        for (const flight of world.view().flights) world.apply({ kind: 'release', flight: flight.id });
        world.runToQuiet();
        const a = analyseTrace(world.names, world.trace);
        expectExactlyOnceEverywhere(a);
        expect(world.view().flights).toEqual([]);
        expect(f.policy === 'causal' || f.policy === 'total' ? a.violations : []).toEqual([]);
        const sequences = f.policy === 'total' ? a.delivered : [];
        for (const ids of sequences) expect(ids).toEqual(a.order);
        expect(serializeTrace(replayWorld(world.config, world.commands).toTrace())).toBe(serializeTrace(world.toTrace()));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('records retransmissions, losses and duplicate receives in the trace', () => {
    const world = new World({
      nodeCount: 3,
      seed: 5,
      policy: 'causal',
      network: { ...DEFAULT_NETWORK, lossRate: 0.4, reliable: true },
      workload: { messages: 20, meanGapMs: 300 },
    });
    world.runToQuiet();
    const types = new Set(world.trace.map((e) => e.type));
    expect([...types].sort()).toEqual(expect.arrayContaining(['retransmit', 'drop', 'discard']));
    expect(world.stats.retransmissions).toBe(world.trace.filter((e) => e.type === 'retransmit').length);
    expect(world.trace.some((e) => e.type === 'drop' && e.control === 'ack')).toBe(true);
    expect(world.toTrace().config).toMatchObject({ reliable: true });
  });

  it('goes quiet while a link stays cut, and delivers everything once it heals', () => {
    for (const partitionMode of ['hold', 'drop'] as const) {
      const world = new World({
        nodeCount: 3,
        seed: 9,
        policy: 'total',
        network: { ...DEFAULT_NETWORK, lossRate: 0.2, partitionMode, reliable: true },
        workload: { messages: 10, meanGapMs: 300 },
      });
      world.apply({ kind: 'cut', from: 0, to: 2 });
      world.runToQuiet();
      expect(world.idle).toBe(true);
      const stuck = world.view().nodes[2]?.inbox.length ?? 0;
      expect(stuck, `${partitionMode}: C gets no sequence numbers from A`).toBe(0);
      world.apply({ kind: 'heal', from: 0, to: 2 });
      world.runToQuiet();
      expectExactlyOnceEverywhere(analyseTrace(world.names, world.trace));
    }
  });

  it('goes quiet in manual mode, and finishes once manual mode is off and the parked ones are let in', () => {
    const world = new World({ nodeCount: 3, seed: 3, policy: 'causal', network: { ...DEFAULT_NETWORK, manual: true, reliable: true } });
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.runToQuiet();
    expect(world.idle).toBe(true);
    world.apply({ kind: 'network', network: { ...DEFAULT_NETWORK, reliable: true } });
    for (let flights = world.view().flights; flights.length > 0; flights = world.view().flights) {
      for (const f of flights) if (f.status === 'parked') world.apply({ kind: 'release', flight: f.id });
      world.runToQuiet();
    }
    expect(world.view().nodes.map((n) => n.inbox.length)).toEqual([1, 1, 1]);
    expect(world.stats.retransmissions).toBe(0);
  });

  it('waits a round trip on the link before resending: 2 × the max delay, plus 1 ms', () => {
    expect(retransmitTimeoutMs({ kind: 'uniform', minMs: 300, maxMs: 2500 }, { kind: 'uniform', minMs: 300, maxMs: 2500 })).toBe(5001);
    expect(retransmitTimeoutMs({ kind: 'fixed', ms: 100 }, { kind: 'exponential', minMs: 50, meanMs: 100 })).toBe(451);
  });

  it('leaves runs without it byte-for-byte as before: no acknowledgements, no reliable field', () => {
    const world = new World({ nodeCount: 3, seed: 5, policy: 'causal', network: { ...DEFAULT_NETWORK, lossRate: 0.4 }, workload: { messages: 20, meanGapMs: 300 } });
    world.runToQuiet();
    expect(world.trace.some((e) => e.type === 'retransmit' || (e.type === 'drop' && e.control === 'ack'))).toBe(false);
    expect('reliable' in world.toTrace().config).toBe(false);
  });
});
