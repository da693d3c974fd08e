import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { World } from '../../src/sim/world.ts';

function threeNodes(manual = false): World {
  return new World({ nodeCount: 3, seed: 5, policy: 'causal', network: { ...DEFAULT_NETWORK, manual } });
}

describe('flights in the view', () => {
  it('keep their objects and their list while nothing about them changes', () => {
    const world = threeNodes();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.apply({ kind: 'send', node: 1, text: 'Hi' });
    const first = world.view().flights;
    expect(first).toHaveLength(4);
    world.advanceTo(world.now + 1);
    expect(world.view().flights).toBe(first);
  });

  it('after an arrival the flights still in the air keep their objects; the one that arrived is gone', () => {
    const world = threeNodes();
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.apply({ kind: 'send', node: 1, text: 'Hi' });
    const before = world.view().flights;
    world.step();
    const after = world.view().flights;
    expect(after).not.toBe(before);
    expect(after).toHaveLength(3);
    const gone = before.filter((f) => !after.some((g) => g.id === f.id));
    expect(gone).toHaveLength(1);
    for (const flight of after) expect(before).toContain(flight);
  });

  it('a flight that stops before its receiver gets a new object with its new status; the other keeps its own', () => {
    const world = threeNodes(true);
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    const before = world.view().flights;
    world.step();
    const after = world.view().flights;
    const parked = after.find((f) => f.status === 'parked');
    const still = after.find((f) => f.status === 'flying');
    expect(parked).toBeDefined();
    expect(before.find((f) => f.id === parked?.id)?.status).toBe('flying');
    expect(before).not.toContain(parked);
    expect(before).toContain(still);
  });
});
