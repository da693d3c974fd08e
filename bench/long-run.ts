// The long lecture session shared by the long-session benchmarks and tests: 8 nodes, the
// default 300–2500 ms delays and a generated message every 100 ms.
import { DEFAULT_NETWORK } from '../src/sim/network.ts';
import type { RunRecord } from '../src/sim/run.ts';
import { World, type WorldConfig } from '../src/sim/world.ts';
import { MAX_NODES } from '../src/store/settings.ts';

/** Deliveries a long session has made when it is opened. */
export const LONG_DELIVERIES = 10_000;
/** Deliveries of the same session opened early, with its traffic already steady. */
export const EARLY_DELIVERIES = 300;
/** Generated sends: enough for 10,000 deliveries and half a minute of play after them. */
const LONG_MESSAGES = 1_800;

/** The long session's settings: the classroom view's most nodes, a send every 100 ms on average. */
export function longSessionConfig(): WorldConfig {
  return { nodeCount: MAX_NODES, seed: 7, policy: 'causal', network: DEFAULT_NETWORK, workload: { messages: LONG_MESSAGES, meanGapMs: 100 } };
}

/** Runs `config` to its first event after `deliveries` deliveries; throws if it never gets there. */
export function runUntilDelivered(config: WorldConfig, deliveries: number): World {
  const world = new World(config);
  while (world.stats.deliveries < deliveries && world.step());
  if (world.stats.deliveries < deliveries) throw new Error(`the long run delivered only ${world.stats.deliveries} messages`);
  return world;
}

/** `world`'s run as a record positioned where it is now (a generated run: no commands). */
export function recordOf(world: World): RunRecord {
  return { config: world.config, commands: [], processed: world.processed, now: world.now };
}

/** The long session positioned just after its `deliveries`-th delivery, with more still to come. */
export function longRun(deliveries = LONG_DELIVERIES): RunRecord {
  return recordOf(runUntilDelivered(longSessionConfig(), deliveries));
}
