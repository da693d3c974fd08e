import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, type NetworkConfig } from '../../src/sim/network.ts';
import type { DeliveryPolicy } from '../../src/sim/message.ts';
import { serializeTrace } from '../../src/sim/trace.ts';
import { replayWorld, World } from '../../src/sim/world.ts';

function makeWorld(policy: DeliveryPolicy = 'causal', network: Partial<NetworkConfig> = {}): World {
  return new World({ nodeCount: 3, seed: 7, policy, network: { ...DEFAULT_NETWORK, manual: true, ...network } });
}

/** Releases the parked transmission of `msg` to node `to` (manual mode). */
function release(world: World, msg: string, to: number): void {
  world.runToQuiet();
  const flight = world.view().flights.find((f) => f.message.id === msg && f.to === to);
  if (!flight) throw new Error(`no flight of ${msg} to ${to}`);
  world.apply({ kind: 'release', flight: flight.id });
}

function clocks(world: World): string[] {
  return world.view().nodes.map((n) => JSON.stringify(n.clock));
}

describe('the seed system’s examples', () => {
  it('Hello, Hi, Hey both! get [1,0,0], [1,1,0], [1,1,1]', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    release(world, 'A1', 1);
    world.apply({ kind: 'send', node: 1, text: 'Hi' });
    release(world, 'A1', 2);
    release(world, 'B1', 2);
    world.apply({ kind: 'send', node: 2, text: 'Hey both!' });
    const sends = world.trace.filter((e) => e.type === 'send');
    expect(sends.map((e) => [e.msg, e.type === 'send' ? e.vc : []])).toEqual([
      ['A1', [1, 0, 0]],
      ['B1', [1, 1, 0]],
      ['C1', [1, 1, 1]],
    ]);
  });

  it('concurrent sends get [1,0,0] and [0,1,0]', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hi from A' });
    world.apply({ kind: 'send', node: 1, text: 'Hi from B' });
    expect(clocks(world)).toEqual(['[1,0,0]', '[0,1,0]', '[0,0,0]']);
  });

  it('receiving does not tick the receiver’s clock', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    release(world, 'A1', 1);
    expect(clocks(world)[1]).toBe('[1,0,0]');
  });
});

describe('causal delivery', () => {
  it('holds a reply that overtakes its question, says what it waits for, then delivers both in order', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Question?' });
    release(world, 'A1', 1);
    world.apply({ kind: 'send', node: 1, text: 'Answer!' });
    release(world, 'B1', 2);
    const c = world.view().nodes[2];
    expect(c?.inbox).toHaveLength(0);
    expect(c?.buffer.map((b) => [b.message.id, b.waitingFor])).toEqual([['B1', ['A1']]]);
    expect(world.trace.at(-1)).toEqual({ t: world.now, type: 'buffer', node: 'C', msg: 'B1', waitingFor: ['A1'] });
    release(world, 'A1', 2);
    const after = world.view().nodes[2];
    expect(after?.inbox.map((e) => e.message.id)).toEqual(['A1', 'B1']);
    expect(after?.buffer).toHaveLength(0);
    expect(after?.clock).toEqual([1, 1, 0]);
  });

  it('lists every missing predecessor, from the sender and from others', () => {
    const world = new World({ nodeCount: 3, seed: 1, policy: 'causal', network: { ...DEFAULT_NETWORK, manual: true } });
    world.apply({ kind: 'send', node: 2, text: 'c1' });
    release(world, 'C1', 1);
    world.apply({ kind: 'send', node: 1, text: 'b1' });
    world.apply({ kind: 'send', node: 1, text: 'b2' });
    release(world, 'B2', 0);
    expect(world.view().nodes[0]?.buffer[0]?.waitingFor).toEqual(['B1', 'C1']);
  });

  it('discards a duplicate instead of delivering it twice', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.runToQuiet();
    const flight = world.view().flights.find((f) => f.to === 1);
    if (!flight) throw new Error('no flight');
    world.apply({ kind: 'duplicate', flight: flight.id });
    for (const f of world.view().flights.filter((x) => x.to === 1)) world.apply({ kind: 'release', flight: f.id });
    expect(world.view().nodes[1]?.inbox).toHaveLength(1);
    expect(world.trace.filter((e) => e.type === 'discard')).toEqual([{ t: world.now, type: 'discard', node: 'B', msg: 'A1', reason: 'duplicate' }]);
  });

  it("lists the duplicates a node discarded in that node's view, newest last", () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.runToQuiet();
    const first = world.view().nodes[1];
    for (const f of world.view().flights.filter((x) => x.to === 1)) world.apply({ kind: 'duplicate', flight: f.id });
    for (const f of world.view().flights.filter((x) => x.to === 1)) world.apply({ kind: 'release', flight: f.id });
    const after = world.view().nodes[1];
    expect(first?.discarded).toEqual([]);
    expect(after?.discarded).toEqual(['A1']);
    expect(world.view().nodes[2]?.discarded).toEqual([]);
  });
});

describe('fifo and none', () => {
  function replyBeforeQuestion(policy: DeliveryPolicy): World {
    const world = makeWorld(policy);
    world.apply({ kind: 'send', node: 0, text: 'Question?' });
    release(world, 'A1', 1);
    world.apply({ kind: 'send', node: 1, text: 'Answer!' });
    release(world, 'B1', 2);
    return world;
  }

  it.each(['fifo', 'none'] as const)('%s shows the reply before the question and flags it', (policy) => {
    const world = replyBeforeQuestion(policy);
    const c = world.view().nodes[2];
    expect(c?.inbox.map((e) => [e.message.id, e.missing])).toEqual([['B1', ['A1']]]);
    expect(world.stats.violations).toBe(1);
  });

  it('fifo holds a later message from the same sender', () => {
    const world = makeWorld('fifo');
    world.apply({ kind: 'send', node: 0, text: 'one' });
    world.apply({ kind: 'send', node: 0, text: 'two' });
    release(world, 'A2', 1);
    expect(world.view().nodes[1]?.buffer.map((b) => [b.message.id, b.waitingFor])).toEqual([['A2', ['A1']]]);
    release(world, 'A1', 1);
    expect(world.view().nodes[1]?.inbox.map((e) => e.message.id)).toEqual(['A1', 'A2']);
  });
});

describe('determinism', () => {
  it('the same config gives the same trace, byte for byte', () => {
    const run = (): string => {
      const world = new World({
        nodeCount: 4,
        seed: 99,
        policy: 'causal',
        network: { ...DEFAULT_NETWORK, delay: { kind: 'exponential', minMs: 10, meanMs: 300 } },
        workload: { messages: 50, meanGapMs: 100 },
      });
      world.runToQuiet();
      return serializeTrace(world.toTrace());
    };
    expect(run()).toBe(run());
  });

  it('replaying the command log rebuilds the same run', () => {
    const world = new World({ nodeCount: 3, seed: 5, policy: 'causal', network: DEFAULT_NETWORK });
    world.apply({ kind: 'send', node: 0, text: 'a' });
    world.advanceTo(700);
    world.apply({ kind: 'send', node: 1, text: 'b' });
    world.step();
    world.apply({ kind: 'send', node: 2, text: 'c' });
    world.runToQuiet();
    const copy = replayWorld(world.config, world.commands);
    copy.runToQuiet();
    expect(serializeTrace(copy.toTrace())).toBe(serializeTrace(world.toTrace()));
  });

  it('looking at a run never changes it: a flight held and healed back to its old arrival time keeps one place in the queue', () => {
    // Fixed delays: A1 and A2 both reach B at 1000. A1, let in at a cut link, is held; healed
    // at once, it is due at 1000 again, now after A2. Reading the next event's time once
    // cleared A1's first queue entry away, and only then did A2 arrive first.
    const run = (look: boolean): string[] => {
      const looked: (number | undefined)[] = [];
      const world = new World({ nodeCount: 2, seed: 1, policy: 'none', network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 1000, maxMs: 1000 } } });
      world.apply({ kind: 'send', node: 0, text: 'first' });
      world.apply({ kind: 'send', node: 0, text: 'second' });
      world.apply({ kind: 'cut', from: 0, to: 1 });
      const a1 = world.view().flights.find((f) => f.message.id === 'A1');
      if (!a1) throw new Error('no flight of A1');
      world.apply({ kind: 'release', flight: a1.id });
      if (look) looked.push(world.nextEventAt);
      world.apply({ kind: 'heal', from: 0, to: 1 });
      world.runToQuiet();
      return [...looked.map(String), ...(world.view().nodes[1]?.inbox.map((e) => e.message.id) ?? [])];
    };
    expect(run(true)).toEqual(['1000', ...run(false)]);
    expect(run(false)).toEqual(['A2', 'A1']);
  });
});

describe('manual mode and cut links', () => {
  it('leaving manual mode lets the parked messages in', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.runToQuiet();
    expect(world.view().flights.map((f) => f.status)).toEqual(['parked', 'parked']);
    world.apply({ kind: 'network', network: { ...DEFAULT_NETWORK, manual: false } });
    expect(world.view().flights).toHaveLength(0);
    expect(clocks(world)).toEqual(['[1,0,0]', '[1,0,0]', '[1,0,0]']);
    expect(world.trace.find((e) => e.type === 'network')).toMatchObject({ type: 'network', network: { manual: false } });
  });

  it('a message let in by hand does not cross a link cut after it left', () => {
    const world = makeWorld();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.runToQuiet();
    world.apply({ kind: 'cut', from: 0, to: 1 });
    release(world, 'A1', 1);
    expect(world.view().nodes[1]?.inbox).toHaveLength(0);
    expect(world.view().flights.find((f) => f.to === 1)?.status).toBe('held');
    expect(world.view().cutLinks).toEqual(['0>1']);
    world.apply({ kind: 'heal', from: 0, to: 1 });
    expect(world.trace.filter((e) => e.type === 'cut' || e.type === 'heal').map((e) => e.type)).toEqual(['cut', 'heal']);
  });
});

describe('loss and duplication', () => {
  it.each([0.2, 0.5, 1])('a link that loses every transmission loses the copies it makes too (duplication %s)', (dupRate) => {
    const world = new World({ nodeCount: 4, seed: 3, policy: 'causal', network: { ...DEFAULT_NETWORK, lossRate: 1, dupRate }, workload: { messages: 200, meanGapMs: 10 } });
    world.runToQuiet();
    expect(world.trace.filter((e) => e.type === 'receive')).toEqual([]);
    expect(world.stats.deliveries).toBe(200);
  });

  it('each copy the network makes is lost on its own, at the link’s rate', () => {
    const world = new World({ nodeCount: 4, seed: 3, policy: 'none', network: { ...DEFAULT_NETWORK, lossRate: 0.5, dupRate: 1 }, workload: { messages: 500, meanGapMs: 10 } });
    world.runToQuiet();
    // 500 messages × 3 receivers × 2 copies, half of them lost.
    const received = world.trace.filter((e) => e.type === 'receive').length;
    expect(received).toBeGreaterThan(1_350);
    expect(received).toBeLessThan(1_650);
  });
});

describe('statistics', () => {
  it('count violations and buffered messages with recording off too', () => {
    const run = (record: boolean): World => {
      const world = new World({
        nodeCount: 4,
        seed: 3,
        policy: 'none',
        network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 10, maxMs: 3000 } },
        workload: { messages: 60, meanGapMs: 100 },
        record,
      });
      world.runToQuiet();
      return world;
    };
    const recorded = run(true);
    expect(recorded.stats.violations).toBeGreaterThan(0);
    expect(run(false).stats).toEqual(recorded.stats);
  });

  it('keeps the buffered total equal to the sum over nodes', () => {
    const world = new World({ nodeCount: 5, seed: 8, policy: 'causal', network: DEFAULT_NETWORK, workload: { messages: 80, meanGapMs: 50 } });
    let peak = 0;
    while (world.step()) {
      const sum = world.view().nodes.reduce((n, node) => n + node.buffer.length, 0);
      expect(world.stats.buffered).toBe(sum);
      peak = Math.max(peak, sum);
    }
    expect(world.stats.peakBuffered).toBe(peak);
    expect(peak).toBeGreaterThan(0);
  });
});

describe('the event queue as seen from outside', () => {
  it('is idle once the only transmissions were dropped, though their arrivals were scheduled', () => {
    const world = new World({ nodeCount: 2, seed: 1, policy: 'causal', network: DEFAULT_NETWORK });
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    const flight = world.view().flights[0];
    if (!flight) throw new Error('no flight');
    expect(world.idle).toBe(false);
    world.apply({ kind: 'drop', flight: flight.id });
    expect(world.idle).toBe(true);
    expect(world.nextEventAt).toBeUndefined();
    expect(world.step()).toBe(false);
  });
});
