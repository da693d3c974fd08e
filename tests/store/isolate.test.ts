import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore } from '../../src/store/simulation-store.ts';

describe('isolating a node', () => {
  it('cuts every link to and from the node, and reconnecting heals them all', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.setIsolated(2, true);
    expect([...store.getState().view.cutLinks].sort()).toEqual(['0>2', '1>2', '2>0', '2>1']);
    actions.setIsolated(2, false);
    expect(store.getState().view.cutLinks).toEqual([]);
  });

  it('holds messages to and from the node until it is reconnected', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.setIsolated(2, true);
    actions.send(0, 'Hello');
    actions.send(2, 'Anyone?');
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    const inboxIds = (node: number): string[] => store.getState().view.nodes[node]?.inbox.map((e) => e.message.id) ?? [];
    expect(inboxIds(1)).toEqual(['A1']);
    expect(inboxIds(2)).toEqual(['C1']);
    expect(store.getState().view.flights.map((f) => `${f.message.id}:${f.status}`).sort()).toEqual(['A1:held', 'C1:held', 'C1:held']);
    actions.setIsolated(2, false);
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    expect(inboxIds(0)).toEqual(['A1', 'C1']);
    expect(inboxIds(1).sort()).toEqual(['A1', 'C1']);
    expect(inboxIds(2).sort()).toEqual(['A1', 'C1']);
  });

  it('logs only the links that change, and ignores a node that does not exist', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.toggleLink(0, 2);
    actions.setIsolated(2, true);
    expect(store.getState().trace.filter((e) => e.type === 'cut')).toHaveLength(4);
    actions.setIsolated(7, true);
    actions.setIsolated(-1, false);
    expect(store.getState().trace).toHaveLength(4);
  });
});
