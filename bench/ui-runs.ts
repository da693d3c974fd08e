// The runs `npm run bench:ui` opens, built as ordinary share links: a RunRecord with a
// generated workload, positioned where the wanted load is reached, encoded as the app's
// Copy link does (uncompressed). Nothing in the app knows it is being measured.
import { DEFAULT_NETWORK, type DelayDistribution } from '../src/sim/network.ts';
import { World, type WorldConfig } from '../src/sim/world.ts';
import { MAX_NODES } from '../src/store/settings.ts';
import { encodeSession, RUN_PARAM } from '../src/store/share.ts';
import { longSessionConfig, recordOf, runUntilDelivered } from './long-run.ts';

/** The classroom view's maximum, so every flight run uses it. */
export const BENCH_NODES = MAX_NODES;
/** Flights take 20–40 s of virtual time: slow enough to pile up, within the 60 s the delay control accepts. */
const FLIGHT_DELAY: DelayDistribution = { kind: 'uniform', minMs: 20_000, maxMs: 40_000 };
const MEAN_DELAY_MS = 30_000;
/** Virtual time before the measured window: past the longest delay, so sends and arrivals balance. */
const WARM_MS = 45_000;
/** Virtual time the workload must still cover after the position (play plus the window). */
const PLAY_MS = 30_000;

/** A run to open, with what it was built to show. */
export interface BenchRun {
  readonly query: string;
  /** Transmissions in flight at the run's position, as the engine counts them. */
  readonly inFlight: number;
  /** Messages delivered into the chats at the run's position (each sender's own included). */
  readonly delivered: number;
}

function linkFor(world: World): BenchRun {
  return {
    query: `?${RUN_PARAM}=${encodeSession({ run: recordOf(world) })}`,
    inFlight: world.view().flights.length,
    delivered: world.stats.deliveries,
  };
}

/**
 * A steady stream of broadcasts among `BENCH_NODES` nodes with about `flights` transmissions
 * in the air at once: each send makes N−1 flights living `MEAN_DELAY_MS` on average, so the
 * mean gap between sends is (N−1)·MEAN_DELAY_MS / flights (Little's law).
 */
export function buildFlightRun(flights: number, seed: number): BenchRun {
  const meanGapMs = Math.max(1, Math.round(((BENCH_NODES - 1) * MEAN_DELAY_MS) / flights));
  const config: WorldConfig = {
    nodeCount: BENCH_NODES,
    seed,
    policy: 'causal',
    network: { ...DEFAULT_NETWORK, delay: FLIGHT_DELAY },
    workload: { messages: Math.ceil((WARM_MS + PLAY_MS) / meanGapMs), meanGapMs },
  };
  const world = new World(config);
  world.advanceTo(WARM_MS);
  return linkFor(world);
}

/**
 * The long session (bench/long-run.ts) positioned at the first event after `delivered`
 * deliveries, so the chats, the event log and the diagram are full and playing goes on with
 * the rest of its workload.
 */
export function buildLongRun(delivered: number): BenchRun {
  return linkFor(runUntilDelivered(longSessionConfig(), delivered));
}

/** The burst's sends: all at once, among `BENCH_NODES` nodes on 1–5 ms links. */
export const BURST_MESSAGES = 5_000;

/**
 * A generated run that sends `BURST_MESSAGES` messages at once on 1–5 ms links, positioned at
 * 1 s: all of its 80,000 sends, arrivals and deliveries lie in one window of the diagram. Its
 * link is 76 characters long.
 */
export function buildBurstRun(): BenchRun {
  const world = new World({
    nodeCount: BENCH_NODES,
    seed: 1,
    policy: 'causal',
    network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 1, maxMs: 5 } },
    workload: { messages: BURST_MESSAGES, meanGapMs: 0 },
  });
  world.advanceTo(1_000);
  return linkFor(world);
}
