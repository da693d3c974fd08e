import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore } from '../../src/store/simulation-store.ts';

describe('the simulation store', () => {
  it('keeps other network settings when the delay changes', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.dispatch({ kind: 'network', network: { ...store.getState().network, lossRate: 0.5, manual: true } });
    actions.setDelay({ kind: 'fixed', ms: 200 });
    expect(store.getState().network).toMatchObject({ lossRate: 0.5, manual: true, delay: { kind: 'fixed', ms: 200 } });
    expect(store.getState().network.delay).toEqual({ kind: 'fixed', ms: 200 });
  });

  it('a new run (reset, seed or node count) keeps the network settings in force', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.setManual(true);
    actions.setDelay({ kind: 'fixed', ms: 700 });
    actions.send(0, 'Hello');
    actions.reset();
    actions.setNodeCount(4);
    expect(store.getState().trace.filter((e) => e.type === 'send')).toHaveLength(0);
    actions.send(0, 'Again');
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    expect(store.getState().view.flights.map((f) => [f.status, f.arriveAt - f.sentAt])).toEqual([
      ['parked', 700],
      ['parked', 700],
      ['parked', 700],
    ]);
  });

  it('advances virtual time only while playing, by real time times speed', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.tick(50);
    expect(store.getState().now).toBe(0);
    actions.play();
    actions.setSpeed(4);
    actions.tick(50);
    expect(store.getState().now).toBe(200);
    actions.tick(10_000);
    expect(store.getState().now).toBe(600);
  });

  it('a policy change replays the same run at the same instant', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, seed: 9 }, [], { playing: false });
    const { actions } = store.getState();
    actions.send(0, 'Question?');
    while (store.getState().view.nodes[1]?.inbox.length !== 1) actions.step();
    actions.send(1, 'Answer!');
    while (store.getState().view.nodes[2]?.buffer.length === 0) actions.step();
    const now = store.getState().view.now;
    actions.setPolicy('fifo');
    const c = store.getState().view.nodes[2];
    expect(store.getState().view.now).toBe(now);
    expect(c?.buffer).toHaveLength(0);
    expect(c?.inbox.map((e) => [e.message.id, e.missing])).toEqual([['B1', ['A1']]]);
  });

  it('counts the runs begun (reset, seed, node count, a loaded run), not time travel, a policy switch or a comparison', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    const serial = (): number => store.getState().runSerial;
    expect(serial()).toBe(0);
    actions.send(0, 'Hello');
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    actions.seek(0);
    actions.stepBack();
    actions.setPolicy('fifo');
    actions.setComparePolicy('causal');
    actions.setComparePolicy(undefined);
    expect(serial()).toBe(0);
    const saved = actions.currentRun();
    actions.reset();
    expect(serial()).toBe(1);
    actions.setSeed(5);
    expect(serial()).toBe(2);
    actions.setNodeCount(4);
    expect(serial()).toBe(3);
    actions.loadRun(saved);
    expect(serial()).toBe(4);
  });
});
