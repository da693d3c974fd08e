import { DEFAULT_NETWORK } from '../src/sim/network.ts';
import type { RunRecord } from '../src/sim/run.ts';
import { World, type WorldConfig } from '../src/sim/world.ts';

/** Deliveries a long session has made when it is opened. */
export const LONG_DELIVERIES = 10_000;

/** A long lecture session: 8 nodes chatting through 1,600 generated messages. */
const LONG_CONFIG: WorldConfig = {
  nodeCount: 8,
  seed: 7,
  policy: 'causal',
  network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 300, maxMs: 2500 } },
  workload: { messages: 1_600, meanGapMs: 100 },
};

/** The long session positioned just after its 10,000th delivery, with more still to come. */
export function longRun(): RunRecord {
  const world = new World(LONG_CONFIG);
  while (world.stats.deliveries < LONG_DELIVERIES && world.step());
  return { config: LONG_CONFIG, commands: [], processed: world.processed, now: world.now };
}
