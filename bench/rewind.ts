// Rewind benchmark for time travel: `npm run bench:rewind [-- --json]`.
// Builds a recorded run of at least 10,000 scheduled events (8 nodes, as the classroom view
// records it: trace and chats kept), then rebuilds it at random moments by deterministic
// replay, as the timeline does, and prints how long each rewind takes and the heap it leaves.
import { performance } from 'node:perf_hooks';
import { DEFAULT_NETWORK } from '../src/sim/network.ts';
import { Rng } from '../src/sim/rng.ts';
import { rebuildAt } from '../src/sim/timeline.ts';
import { World, type WorldConfig } from '../src/sim/world.ts';

const TARGET_MS = 100;
const REWINDS = 30;
const json = process.argv.includes('--json');

const config: WorldConfig = {
  nodeCount: 8,
  seed: 42,
  policy: 'causal',
  network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 50, maxMs: 2000 } },
  workload: { messages: 1_300, meanGapMs: 80 },
};
const full = new World(config);
full.runToQuiet();
const events = full.processed;
const end = full.now;

const coldStarted = performance.now();
rebuildAt(config, full.commands, end);
const coldMs = performance.now() - coldStarted;
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const rng = new Rng(7);
const times: number[] = [];
for (let i = 0; i < REWINDS; i++) {
  const t = i === 0 ? end : Math.floor(rng.nextFloat() * end);
  const started = performance.now();
  const world = rebuildAt(config, full.commands, t);
  times.push(performance.now() - started);
  if (world.now !== t) throw new Error(`rewind to ${t} landed at ${world.now}`);
}
globalThis.gc?.();
const heapAfterMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
times.sort((a, b) => a - b);
const result = {
  events,
  traceEvents: full.trace.length,
  rewinds: REWINDS,
  coldMs: Number(coldMs.toFixed(1)),
  medianMs: Number((times[Math.floor(REWINDS / 2)] ?? 0).toFixed(1)),
  maxMs: Number((times.at(-1) ?? 0).toFixed(1)),
  heapGrowthMb: Number(heapAfterMb.toFixed(1)),
  targetMs: TARGET_MS,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`rewind: ${events} scheduled events (${result.traceEvents} trace events), ${REWINDS} rewinds to random moments`);
  console.log(`  first (cold) rewind to the end ${result.coldMs} ms; then median ${result.medianMs} ms, worst ${result.maxMs} ms (target < ${TARGET_MS} ms)`);
  console.log(`  heap growth after ${REWINDS} rewinds: ${result.heapGrowthMb} MB (no snapshots are kept: memory is the run itself)`);
}
if (events < 10_000 || result.maxMs >= TARGET_MS) {
  console.error(events < 10_000 ? 'bench: the run is shorter than 10,000 events' : `bench: a rewind took ${result.maxMs} ms, over ${TARGET_MS} ms`);
  process.exitCode = 1;
}
