// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore, type SimulationStore } from '../../src/store/simulation-store.ts';

function inbox(store: SimulationStore, pane: 'view' | 'compareView', node: number): string[] {
  return store.getState()[pane]?.nodes[node]?.inbox.map((e) => e.message.id) ?? [];
}

/** Seed 9, default delays: B's reply to A's question reaches C before the question. */
function stageOvertaking(store: SimulationStore): void {
  const { actions } = store.getState();
  actions.send(0, 'Question?');
  while (inbox(store, 'view', 1).length < 1) actions.step();
  actions.send(1, 'Answer!');
}

describe('comparing two policies on the same run', () => {
  it('switched on mid-run, the comparison replays the same sends at the same instant', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, seed: 9 }, [], { playing: false });
    stageOvertaking(store);
    store.getState().actions.setComparePolicy('fifo');
    const { view, compareView } = store.getState();
    expect(compareView?.policy).toBe('fifo');
    expect(compareView?.flights.map((f) => [f.message.id, f.to, f.arriveAt])).toEqual(view.flights.map((f) => [f.message.id, f.to, f.arriveAt]));
  });

  it('the only difference is the policy: causal holds the reply back, FIFO shows it first', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, seed: 9 }, [], { playing: false });
    const { actions } = store.getState();
    actions.setComparePolicy('fifo');
    stageOvertaking(store);
    while (store.getState().view.nodes[2]?.buffer.length === 0) actions.step();
    expect(inbox(store, 'view', 2)).toEqual([]);
    expect(inbox(store, 'compareView', 2)).toEqual(['B1']);
    expect(store.getState().compareView?.nodes[2]?.inbox[0]?.missing).toEqual(['A1']);
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    expect(inbox(store, 'view', 2)).toEqual(['A1', 'B1']);
    expect(inbox(store, 'compareView', 2)).toEqual(['B1', 'A1']);
  });

  it('manual commands reach the same transmission in the comparison run, even with total order traffic', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, seed: 4 }, [], { playing: false });
    const { actions } = store.getState();
    actions.setComparePolicy('total');
    actions.setManual(true);
    actions.send(1, 'Hi');
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    const toC = store.getState().view.flights.find((f) => f.to === 2);
    if (!toC) throw new Error('no flight to C');
    actions.dispatch({ kind: 'drop', flight: toC.id });
    const mirrored = store.getState().compareView?.flights.filter((f) => f.message.id === 'B1' && f.to === 2 && f.control === undefined);
    expect(mirrored).toEqual([]);
    expect(store.getState().compareView?.flights.some((f) => f.message.id === 'B1' && f.to === 0)).toBe(true);
  });

  it('a new run keeps comparing; switching it off drops the comparison', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.setComparePolicy('none');
    actions.reset();
    expect(store.getState().compareView?.policy).toBe('none');
    actions.setComparePolicy(undefined);
    expect(store.getState().compareView).toBeUndefined();
  });
});
