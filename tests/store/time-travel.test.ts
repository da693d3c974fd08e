// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore, type SimulationStore } from '../../src/store/simulation-store.ts';

function clocks(store: SimulationStore): string[] {
  return store.getState().view.nodes.map((n) => n.clock.join(','));
}

/** The seed example: Hello from A, Hi from B once it has Hello, Hey both! from C once it has both. */
function seedExample(): { store: SimulationStore; beforeLastSend: number } {
  const store = createSimulationStore({ ...DEFAULT_SETTINGS, delay: { kind: 'fixed', ms: 500 } }, [], { playing: false });
  const { actions } = store.getState();
  actions.send(0, 'Hello');
  actions.play();
  actions.tick(100);
  while (store.getState().view.nodes[1]?.inbox.length !== 1) actions.tick(50);
  actions.send(1, 'Hi');
  while (store.getState().view.nodes[2]?.inbox.length !== 2) actions.tick(50);
  const beforeLastSend = store.getState().view.now;
  actions.tick(30);
  actions.send(2, 'Hey both!');
  while (store.getState().view.nextEventAt !== undefined) actions.tick(100);
  actions.pause();
  return { store, beforeLastSend };
}

describe('time travel in the store', () => {
  it('seeking to before the last send restores the earlier clocks; seeking forward replays the same future', () => {
    const { store, beforeLastSend } = seedExample();
    const { actions } = store.getState();
    expect(clocks(store)).toEqual(['1,1,1', '1,1,1', '1,1,1']);
    const end = store.getState().view.now;
    const finalTrace = store.getState().trace;
    actions.seek(beforeLastSend);
    expect(clocks(store)).toEqual(['1,1,0', '1,1,0', '1,1,0']);
    expect(store.getState().horizon).toBeGreaterThanOrEqual(end);
    actions.seek(end);
    expect(store.getState().trace).toEqual(finalTrace);
  });

  it('playing on from the past re-applies the recorded sends', () => {
    const { store, beforeLastSend } = seedExample();
    const { actions } = store.getState();
    const finalTrace = store.getState().trace;
    actions.seek(beforeLastSend);
    actions.play();
    for (let i = 0; i < 100; i++) actions.tick(100);
    expect(store.getState().trace).toEqual(finalTrace);
  });

  it('acting in the past forks a new future and discards the old one', () => {
    const { store, beforeLastSend } = seedExample();
    const { actions } = store.getState();
    actions.seek(beforeLastSend);
    actions.send(0, 'A different ending');
    expect(store.getState().horizon).toBe(beforeLastSend);
    while (store.getState().view.nextEventAt !== undefined) actions.step();
    const texts = store.getState().trace.flatMap((e) => (e.type === 'send' ? [e.text] : []));
    expect(texts).toEqual(['Hello', 'Hi', 'A different ending']);
  });

  it('steps back one visible change at a time, down to the start', () => {
    const { store } = seedExample();
    const { actions } = store.getState();
    let length = store.getState().trace.length;
    let steps = 0;
    while (length > 0) {
      actions.stepBack();
      const shorter = store.getState().trace.length;
      expect(shorter).toBeLessThan(length);
      length = shorter;
      steps++;
    }
    expect(clocks(store)).toEqual(['0,0,0', '0,0,0', '0,0,0']);
    expect(steps).toBeGreaterThan(6);
    actions.step();
    expect(store.getState().trace.map((e) => e.type)).toEqual(['send', 'deliver']);
  });

  it('selects one message, then a second to compare, and toggles off', () => {
    const { store } = seedExample();
    const { actions } = store.getState();
    actions.selectMessage('B1');
    expect(store.getState().selectedMessages).toEqual(['B1']);
    actions.selectMessage('C1', 'add');
    expect(store.getState().selectedMessages).toEqual(['B1', 'C1']);
    actions.selectMessage('A1');
    actions.selectMessage('A1');
    expect(store.getState().selectedMessages).toEqual([]);
  });
});

describe('stepping through a recorded future', () => {
  it('Step stays possible after a rewind to a quiet moment, and replays the next recorded send', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.play();
    actions.tick(100);
    actions.pause();
    actions.send(0, 'Later');
    expect(store.getState().canStep).toBe(true);
    actions.seek(50);
    expect(store.getState().view.nextEventAt).toBeUndefined();
    expect(store.getState().canStep).toBe(true);
    actions.step();
    expect(store.getState().trace.map((e) => e.type)).toEqual(['send', 'deliver']);
  });
});

describe('state that must follow the run', () => {
  it('switching the policy rebuilds the same run under the new one, total order included', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, seed: 3 }, [], { playing: false });
    const { actions } = store.getState();
    actions.send(0, 'a');
    actions.step();
    actions.send(1, 'b');
    actions.send(2, 'c');
    actions.setPolicy('total');
    while (store.getState().canStep) actions.step();
    const inboxes = store.getState().view.nodes.map((n) => n.inbox.map((e) => e.message.id).join(','));
    expect(new Set(inboxes).size).toBe(1);
    expect(inboxes[0]?.split(',').sort()).toEqual(['A1', 'B1', 'C1']);
  });

  it.each(['fifo', 'none', 'total'] as const)('switching to %s after a rewind keeps the recorded future and replays it under the new policy', (policy) => {
    const reference = seedExample().store;
    const end = reference.getState().view.now;
    reference.getState().actions.setPolicy(policy);
    const whole = reference.getState().trace;

    const { store, beforeLastSend } = seedExample();
    const { actions } = store.getState();
    const horizon = store.getState().horizon;
    actions.seek(beforeLastSend);
    actions.setPolicy(policy);
    expect(store.getState().settings.policy).toBe(policy);
    expect(store.getState().horizon).toBe(horizon);
    reference.getState().actions.seek(beforeLastSend);
    expect(store.getState().view).toEqual(reference.getState().view);
    expect(store.getState().actions.recordedFuture()?.commands.map((c) => c.command)).toEqual([{ kind: 'send', node: 2, text: 'Hey both!' }]);
    actions.seek(end);
    expect(store.getState().trace).toEqual(whole);
  });

  it('switching away and back keeps the hand releases the other policy has no counterpart for', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, policy: 'total', delay: { kind: 'fixed', ms: 100 } }, [], { playing: false });
    const { actions } = store.getState();
    actions.setManual(true);
    actions.send(1, 'Hi');
    const afterSend = store.getState().view.now;
    /** Lets the run go quiet, then releases its oldest parked transmission by hand; false when none is left. */
    const releaseOne = (): boolean => {
      while (store.getState().view.nextEventAt !== undefined) actions.step();
      const parked = store.getState().view.flights.find((f) => f.status === 'parked');
      if (parked) actions.dispatch({ kind: 'release', flight: parked.id });
      return parked !== undefined;
    };
    while (releaseOne());
    const whole = store.getState().trace;
    const end = store.getState().view.now;
    const released = whole.filter((e) => e.type === 'order').length;
    expect(released).toBeGreaterThan(0);
    expect(store.getState().view.nodes.every((n) => n.inbox.length === 1)).toBe(true);
    /** Plays to the end of the recorded future, which must give the original run's whole trace. */
    const expectOriginalEnd = (): void => {
      actions.seek(end);
      expect(store.getState().trace).toEqual(whole);
    };

    actions.seek(afterSend);
    actions.setPolicy('causal');
    actions.setPolicy('total');
    expect(store.getState().settings.policy).toBe('total');
    expectOriginalEnd();

    actions.seek(afterSend);
    actions.setPolicy('causal');
    actions.seek(end);
    actions.setPolicy('total');
    expect(store.getState().trace).toEqual(whole);

    const mid = Math.floor((afterSend + end) / 2);
    actions.seek(mid);
    const atMid = store.getState().view;
    actions.setPolicy('causal');
    actions.setPolicy('fifo');
    actions.setPolicy('total');
    expect(store.getState().view).toEqual(atMid);
    expectOriginalEnd();

    for (let i = 0; i < 5; i++) actions.stepBack();
    const stepped = store.getState().view;
    actions.setPolicy('causal');
    actions.setPolicy('total');
    expect(store.getState().view).toEqual(stepped);
    expectOriginalEnd();
  });

  it('acting after a policy switch in the past forks: the recorded future is dropped', () => {
    const { store, beforeLastSend } = seedExample();
    const { actions } = store.getState();
    actions.seek(beforeLastSend);
    actions.setPolicy('fifo');
    actions.send(0, 'Instead');
    expect(actions.recordedFuture()).toBeUndefined();
    while (store.getState().canStep) actions.step();
    expect(store.getState().trace.some((e) => e.type === 'send' && e.text === 'Hey both!')).toBe(false);
  });

  it('after a rewind the network settings shown are those in force at that moment', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.play();
    actions.tick(100);
    actions.dispatch({ kind: 'network', network: { ...store.getState().network, lossRate: 0.5 } });
    actions.tick(100);
    expect(store.getState().network.lossRate).toBe(0.5);
    actions.seek(50);
    expect(store.getState().network.lossRate).toBe(0);
  });
});
