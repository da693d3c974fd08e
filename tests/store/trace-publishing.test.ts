import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore } from '../../src/store/simulation-store.ts';
import { longRun } from '../../bench/long-run.ts';

describe('publishing the trace', () => {
  it('a store change shares the growing trace instead of copying it, and says how long it is', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    store.getState().actions.loadRun(longRun());
    const { trace } = store.getState();
    const before = trace.slice(0, store.getState().traceLength);
    expect(before.length).toBeGreaterThan(20_000);
    for (let i = 0; i < 50; i++) store.getState().actions.step();
    const after = store.getState();
    expect(after.trace).toBe(trace);
    expect(after.traceLength).toBe(trace.length);
    expect(after.traceLength).toBeGreaterThan(before.length);
    expect(after.trace.slice(0, before.length)).toEqual(before);
  });

  it('a rebuilt run brings a new trace array with the same past', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.send(0, 'Hello');
    actions.send(1, 'Hi');
    while (store.getState().canStep) actions.step();
    const { trace, traceLength } = store.getState();
    const past = trace.slice(0, traceLength);
    actions.stepBack();
    expect(store.getState().trace).not.toBe(trace);
    expect(store.getState().traceLength).toBeLessThan(traceLength);
    expect(store.getState().trace).toEqual(past.slice(0, store.getState().traceLength));
    expect(trace).toHaveLength(traceLength);
  });
});
