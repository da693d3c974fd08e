// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findScenario, SCENARIOS } from '../../src/scenarios/classroom.ts';
import { scenarioRun, type Scenario } from '../../src/scenarios/scenario.ts';
import { replayRun } from '../../src/sim/run.ts';
import { serializeTrace } from '../../src/sim/trace.ts';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore } from '../../src/store/simulation-store.ts';
import type { WorldView } from '../../src/sim/view.ts';

/** The scenario called `id`; a test that names a missing one fails here. */
function scenarioById(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`No scenario ${id}`);
  return scenario;
}

/** The run of a scenario after its last step, played until nothing is left to happen. */
function finalView(id: string): WorldView {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new Error(id);
  const world = replayRun(scenarioRun(scenario, scenario.steps.length - 1));
  world.runToQuiet();
  return world.view();
}

const inbox = (view: WorldView, node: number): string[] => view.nodes[node]?.inbox.map((e) => e.message.id) ?? [];

describe('scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s reproduces exactly the same run every time, step by step', (_, scenario) => {
    for (let step = 0; step < scenario.steps.length; step++) {
      const first = replayRun(scenarioRun(scenario, step));
      const second = replayRun(scenarioRun(scenario, step));
      first.runToQuiet();
      second.runToQuiet();
      expect(serializeTrace(second.toTrace())).toBe(serializeTrace(first.toTrace()));
    }
  });

  it('ship the nine the classroom guide names, numbered as keys 1 to 9 load them, each with narration for every step', () => {
    expect(SCENARIOS.map((s) => s.title.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const s of SCENARIOS) for (const step of s.steps) expect(step.narration.length).toBeGreaterThan(20);
  });

  it('1 shows the seed example stamps', () => {
    const view = finalView('exchange');
    expect(view.nodes[2]?.inbox.map((e) => [e.message.text, e.message.vc])).toEqual([
      ['Hello', [1, 0, 0]],
      ['Hi', [1, 1, 0]],
      ['Hey both!', [1, 1, 1]],
    ]);
  });

  it('2 sends two concurrent messages that A and B show in different orders', () => {
    const view = finalView('concurrent');
    expect(inbox(view, 0)).toEqual(['A1', 'B1']);
    expect(inbox(view, 1)).toEqual(['B1', 'A1']);
  });

  it('3 holds the overtaking reply in C’s buffer until the question lands', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'overtake');
    if (!scenario) throw new Error('overtake');
    const waiting = replayRun(scenarioRun(scenario, 3)).view();
    expect(waiting.nodes[2]?.buffer.map((b) => [b.message.id, b.waitingFor])).toEqual([['B1', ['A1']]]);
    expect(inbox(finalView('overtake'), 2)).toEqual(['A1', 'B1']);
  });

  it('4 shows the reply first under FIFO, flagged', () => {
    const c = finalView('fifo').nodes[2];
    expect(c?.inbox.map((e) => [e.message.id, e.missing])).toEqual([
      ['B1', ['A1']],
      ['A1', []],
    ]);
  });

  it('5 closes the diamond with A2 stamped [2, 2, 2, 1]', () => {
    const a = finalView('diamond').nodes[0];
    expect(a?.inbox.at(-1)?.message.vc).toEqual([2, 2, 2, 1]);
  });

  it('6 leaves C waiting for the lost A1 for ever; 7 resends it', () => {
    const lost = finalView('loss').nodes[2];
    expect(lost?.inbox).toEqual([]);
    expect(lost?.buffer.map((b) => b.waitingFor)).toEqual([['A1']]);
    expect(inbox(finalView('reliable'), 2)).toEqual(['A1', 'B1']);
  });

  it('7 holds A1 at the cut and delivers it in order after the heal', () => {
    expect(inbox(finalView('partition'), 2)).toEqual(['A1', 'B1']);
  });

  it('8 gives every node the same order under total order, unlike causal', () => {
    const view = finalView('total');
    expect(new Set(view.nodes.map((n) => n.inbox.map((e) => e.message.id).join()))).toEqual(new Set(['C1,B1']));
  });

  it('open in the store, step with Next and Back, and stay open for free play', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.loadScenario(scenarioById('fifo'));
    expect(store.getState().scenario?.scenario.id).toBe('fifo');
    expect(store.getState().scenario?.step).toBe(0);
    expect(store.getState().comparePolicy).toBe('causal');
    expect(store.getState().settings.policy).toBe('fifo');
    actions.scenarioStep(1);
    actions.scenarioStep(1);
    expect(store.getState().scenario?.step).toBe(2);
    expect(store.getState().trace.filter((e) => e.type === 'send')).toHaveLength(2);
    actions.scenarioStep(-1);
    expect(store.getState().trace.filter((e) => e.type === 'send')).toHaveLength(1);
    actions.scenarioStep(99);
    expect(store.getState().scenario?.step).toBe(4);
    expect(actions.send(0, 'free play')).toBe(true);
    expect(store.getState().scenario?.step).toBe(4);
  });

  it('keep a delivery policy chosen mid-scenario for the next steps', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.loadScenario(scenarioById('overtake'));
    actions.scenarioStep(1);
    actions.setPolicy('fifo');
    actions.scenarioStep(1);
    actions.scenarioStep(1);
    expect(store.getState().scenario?.step).toBe(3);
    expect(store.getState().settings.policy).toBe('fifo');
    expect(store.getState().actions.currentRun().config.policy).toBe('fifo');
    // Under FIFO, C shows the reply before its question instead of holding it back.
    actions.scenarioStep(99);
    const c = store.getState().view.nodes[2];
    expect(c?.buffer).toEqual([]);
    expect(c?.inbox.map((e) => [e.message.id, e.missing])[0]).toEqual(['B1', ['A1']]);
    // Opening a scenario again starts from its own policy.
    actions.loadScenario(scenarioById('overtake'));
    expect(store.getState().settings.policy).toBe('causal');
  });

  it('play each step from its moment and pause where the next begins, so the narrated state stays on screen', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    /** Plays 50 ms frames at 1× until the run pauses by itself; returns how many it took. */
    const playOn = (): number => {
      let frames = 0;
      while (store.getState().playing && frames < 1000) {
        actions.tick(50);
        frames++;
      }
      return frames;
    };
    const overtake = scenarioById('overtake');
    actions.loadScenario(overtake);
    for (let step = 1; step < overtake.steps.length - 1; step++) {
      actions.scenarioStep(1);
      expect(store.getState().now).toBe(overtake.steps[step]?.atMs);
      playOn();
      expect(store.getState().playing).toBe(false);
      expect(store.getState().now).toBe(overtake.steps[step + 1]?.atMs);
    }
    // "The reply waits": paused before A1 lands, with B1 still in C's buffer for the class to see.
    expect(store.getState().view.nodes[2]?.buffer.map((b) => [b.message.id, b.waitingFor])).toEqual([['B1', ['A1']]]);
    // Play again carries on past the pause; the last step plays freely.
    actions.play();
    actions.tick(50);
    expect(store.getState().playing).toBe(true);
    actions.scenarioStep(1);
    expect(playOn()).toBe(1000);
    expect(inbox(store.getState().view, 2)).toEqual(['A1', 'B1']);

    // 7: paused with B1 waiting and A1's resent copy still on its way to C.
    const reliable = scenarioById('reliable');
    actions.loadScenario(reliable);
    for (let step = 1; step <= 3; step++) {
      actions.scenarioStep(1);
      playOn();
    }
    expect(store.getState().now).toBe(reliable.steps[4]?.atMs);
    expect(store.getState().view.nodes[2]?.buffer.map((b) => b.message.id)).toEqual(['B1']);
    expect(store.getState().view.flights.some((f) => f.message.id === 'A1' && f.to === 2)).toBe(true);
  });

  it('Next on the last step keeps the free play that followed; a new run closes the narration', () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    const exchange = scenarioById('exchange');
    actions.loadScenario(exchange);
    const last = exchange.steps.length - 1;
    for (let i = 0; i < last; i++) actions.scenarioStep(1);
    actions.send(0, 'free play');
    const trace = store.getState().trace;
    actions.scenarioStep(1);
    expect(store.getState().trace).toBe(trace);
    actions.reset();
    expect(store.getState().scenario).toBeUndefined();
  });
});
