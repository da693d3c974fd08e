// The long lecture session shared by the long-session benchmarks and tests: 8 nodes, the
// default 300–2500 ms delays and a generated message every 100 ms.
import { DEFAULT_NETWORK } from '../src/sim/network.ts';
import type { RunRecord } from '../src/sim/run.ts';
import { World, type WorldConfig } from '../src/sim/world.ts';

/** Deliveries a long session has made when it is opened. */
export const LONG_DELIVERIES = 10_000;

/** A long session of `messages` generated sends, 100 ms apart on average. */
export function longSessionConfig(messages: number, seed = 7): WorldConfig {
  return { nodeCount: 8, seed, policy: 'causal', network: DEFAULT_NETWORK, workload: { messages, meanGapMs: 100 } };
}

/** Runs `config` to its first event after `deliveries` deliveries; throws if it never gets there. */
export function runUntilDelivered(config: WorldConfig, deliveries: number): World {
  const world = new World(config);
  while (world.stats.deliveries < deliveries && world.step());
  if (world.stats.deliveries < deliveries) throw new Error(`the long run delivered only ${world.stats.deliveries} messages`);
  return world;
}

/** The long session (1,600 messages) positioned just after its 10,000th delivery, with more still to come. */
export function longRun(): RunRecord {
  const config = longSessionConfig(1_600);
  const world = runUntilDelivered(config, LONG_DELIVERIES);
  return { config, commands: [], processed: world.processed, now: world.now };
}
