// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { nextAction, rebuildAt, rebuildBefore } from '../../src/sim/timeline.ts';
import { serializeTrace } from '../../src/sim/trace.ts';
import { World, type WorldConfig } from '../../src/sim/world.ts';

type Op = { op: 'send'; node: number } | { op: 'advance'; ms: number } | { op: 'step' } | { op: 'cut' | 'heal'; a: number; b: number } | { op: 'release'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('send' as const), node: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ op: fc.constant('step' as const) }),
  fc.record({ op: fc.constantFrom('cut' as const, 'heal' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('release' as const), pick: fc.nat() }),
);

/** Drives a run by random user actions, then lets it go quiet. */
function drive(config: WorldConfig, ops: readonly Op[]): World {
  const world = new World(config);
  const n = config.nodeCount;
  ops.forEach((op, i) => {
    if (op.op === 'send') world.apply({ kind: 'send', node: op.node % n, text: `m${i}` });
    else if (op.op === 'advance') world.advanceTo(world.now + op.ms);
    else if (op.op === 'step') world.step();
    else if (op.op === 'release') {
      const flights = world.view().flights;
      const flight = flights[op.pick % Math.max(1, flights.length)];
      if (flight) world.apply({ kind: 'release', flight: flight.id });
    } else if (op.a % n !== op.b % n) world.apply({ kind: op.op, from: op.a % n, to: op.b % n });
  });
  world.runToQuiet();
  return world;
}

const configArb = fc.record({
  nodeCount: fc.integer({ min: 2, max: 5 }),
  seed: fc.nat(),
  policy: fc.constantFrom('causal' as const, 'fifo' as const, 'none' as const, 'total' as const),
  manual: fc.boolean(),
});

describe('time travel by replay', () => {
  it('restoring any time t and replaying to the end gives the identical trace', () => {
    fc.assert(
      fc.property(configArb, fc.array(opArb, { maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (c, ops, fraction) => {
        const config: WorldConfig = { nodeCount: c.nodeCount, seed: c.seed, policy: c.policy, network: { ...DEFAULT_NETWORK, manual: c.manual } };
        const original = drive(config, ops);
        const t = Math.floor(original.now * fraction);
        const restored = rebuildAt(config, original.commands, t);
        expect(restored.now).toBe(t);
        expect(restored.trace.every((e) => e.t <= t)).toBe(true);
        while (nextAction(restored, original.commands));
        expect(serializeTrace(restored.toTrace())).toBe(serializeTrace(original.toTrace()));
      }),
      { numRuns: 150 },
    );
  });

  it('one step back lands just before the last visible change', () => {
    const config: WorldConfig = { nodeCount: 3, seed: 2, policy: 'causal', network: DEFAULT_NETWORK };
    const world = new World(config);
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.step();
    const length = world.trace.length;
    const back = rebuildBefore(config, world.commands, length);
    expect(back.trace.length).toBeLessThan(length);
    expect(world.trace.slice(0, back.trace.length)).toEqual(back.trace);
    const twice = rebuildBefore(config, world.commands, back.trace.length);
    expect(twice.trace).toEqual([]);
  });
});
