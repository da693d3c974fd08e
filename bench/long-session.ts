// Long-session benchmark: `npx tsx bench/long-session.ts [--json]`.
// Opens the same lecture-hall run (8 nodes, a message every 100 ms) once after 300 and once
// after 10,000 deliveries, then steps it on one event at a time through the store, as Step and
// playback do, and derives what the views read after each change (the sent messages, the
// diagram's visible window). Each figure is the median of 5 rounds of 500 changes; the point
// is that the cost of a change does not grow with the length of the session.
import { performance } from 'node:perf_hooks';
import { DEFAULT_SPAN_MS, diagramOf } from '../src/components/spacetime-model.ts';
import { sentMessagesOf } from '../src/components/trace-index.ts';
import { DEFAULT_SETTINGS } from '../src/store/settings.ts';
import { createSimulationStore, type SimulationStore } from '../src/store/simulation-store.ts';
import { EARLY_DELIVERIES, LONG_DELIVERIES, longRun } from './long-run.ts';

const LENGTHS = [EARLY_DELIVERIES, LONG_DELIVERIES] as const;
const ROUNDS = 5;
const CHANGES = 500;
const json = process.argv.includes('--json');

/** A paused store holding the run just after `deliveries` deliveries. */
function openAfter(deliveries: number): SimulationStore {
  const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
  store.getState().actions.loadRun(longRun(deliveries));
  return store;
}

/** Median over `ROUNDS` rounds of the mean time of `CHANGES` calls of `change`, in µs. */
function medianMicros(change: () => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < CHANGES; i++) change();
    rounds.push(((performance.now() - started) / CHANGES) * 1000);
  }
  rounds.sort((a, b) => a - b);
  return Number((rounds[Math.floor(ROUNDS / 2)] ?? 0).toFixed(1));
}

/** One step, and what the views derive from it: the sent messages and the diagram's default window. */
function stepAndDerive(store: SimulationStore): void {
  store.getState().actions.step();
  const { trace, traceLength, view } = store.getState();
  sentMessagesOf(trace, traceLength, view.names);
  diagramOf(trace, traceLength, view.names).window(view.now - DEFAULT_SPAN_MS, view.now, view.now);
}

/** Runs the measured code once untimed, so the first length measured does not pay for compiling it. */
function warmUp(): void {
  const store = openAfter(LENGTHS[0]);
  for (let i = 0; i < ROUNDS * CHANGES; i++) stepAndDerive(store);
}

warmUp();
const results = LENGTHS.map((deliveries) => {
  const store = openAfter(deliveries);
  const traceEvents = store.getState().traceLength;
  const storeChangeUs = medianMicros(() => store.getState().actions.step());
  const viewsUs = medianMicros(() => stepAndDerive(store));
  return { deliveries, traceEvents, storeChangeUs, storeChangeAndViewsUs: viewsUs };
});

if (json) console.log(JSON.stringify(results));
else {
  console.log(`long session: 8 nodes, a message every 100 ms; median of ${ROUNDS} rounds of ${CHANGES} changes`);
  for (const r of results) {
    console.log(
      `  after ${r.deliveries} deliveries (${r.traceEvents} trace events): a store change ${r.storeChangeUs} µs; with what the views derive ${r.storeChangeAndViewsUs} µs`,
    );
  }
}
