// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/sim/message.ts';
import { replayRun } from '../../src/sim/run.ts';
import type { FlightView } from '../../src/sim/view.ts';
import { buildMirror } from '../../src/store/mirror.ts';
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

/** Seed 3, compared under total order, with two concurrent sends: total order's numbers fly after the run is done. */
function comparedUnderTotal(): SimulationStore {
  const store = createSimulationStore({ ...DEFAULT_SETTINGS, seed: 3 }, [], { playing: false });
  const { actions } = store.getState();
  actions.setComparePolicy('total');
  actions.send(1, 'Question');
  actions.send(2, 'Also');
  return store;
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

  it('a message sent between two arrivals of the same millisecond meets both runs at the same point', () => {
    // Fixed delays: A1 reaches B and C at the same instant, and Step lets in one at a time.
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, delay: { kind: 'uniform', minMs: 1000, maxMs: 1000 } }, [], { playing: false });
    const { actions } = store.getState();
    actions.setComparePolicy('fifo');
    actions.send(0, 'Lunch?');
    actions.step();
    expect(inbox(store, 'view', 1)).toEqual(['A1']);
    expect(inbox(store, 'view', 2)).toEqual([]);
    // The comparison used to take both arrivals at once, so C's clock there already had A1.
    expect(inbox(store, 'compareView', 2)).toEqual([]);
    actions.send(2, 'Me too');
    const stampOfC1 = (pane: 'view' | 'compareView') => store.getState()[pane]?.nodes[2]?.inbox.find((e) => e.message.id === 'C1')?.message.vc;
    expect(stampOfC1('view')).toEqual([0, 0, 1]);
    expect(stampOfC1('compareView')).toEqual([0, 0, 1]);
    // The next Step lets A1 into C in both.
    actions.step();
    expect(inbox(store, 'view', 2)).toEqual(['C1', 'A1']);
    expect(inbox(store, 'compareView', 2)).toEqual(['C1', 'A1']);
    // Rebuilt from the log (as switching the comparison on does), the comparison is the same.
    const live = store.getState().compareView?.nodes.map((n) => n.inbox.map((e) => e.message.vc));
    actions.setComparePolicy('fifo');
    expect(store.getState().compareView?.nodes.map((n) => n.inbox.map((e) => e.message.vc))).toEqual(live);
  });

  it('Step goes on while the comparison still has sequence numbers in flight, until both runs are done', () => {
    const store = comparedUnderTotal();
    const { actions } = store.getState();
    let steps = 0;
    while (store.getState().canStep && steps < 100) {
      actions.step();
      steps++;
    }
    const { view, compareView } = store.getState();
    expect(view.flights).toEqual([]);
    expect(compareView?.flights).toEqual([]);
    for (const node of [0, 1, 2]) {
      expect(compareView?.nodes[node]?.buffer, `total-order buffer of node ${node}`).toEqual([]);
      expect(inbox(store, 'compareView', node)).toHaveLength(2);
    }
  });

  it('Back undoes one step of either row: a step only the comparison took is undone alone', () => {
    const store = comparedUnderTotal();
    const { actions } = store.getState();
    /** What both rows show: the two traces' lengths and the moment. */
    const shown = (): [number, number, number] => {
      const { traceLength, compareTraceLength, now } = store.getState();
      return [traceLength, compareTraceLength, now];
    };
    const history = [shown()];
    while (store.getState().canStep && history.length < 100) {
      actions.step();
      history.push(shown());
    }
    const onlyCompared = history.filter((h, i) => i > 0 && h[0] === history[i - 1]?.[0]).length;
    expect(onlyCompared, 'steps only the comparison took').toBeGreaterThan(0);
    for (let i = history.length - 2; i >= 0; i--) {
      actions.stepBack();
      expect(shown(), `back to step ${i}`).toEqual(history[i]);
    }
  });

  it('whatever the user does, the two runs share their sends and network, and both are what their log rebuilds', () => {
    const policies: DeliveryPolicy[] = ['causal', 'fifo', 'none', 'total'];
    const action = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), node: fc.nat(7) }),
      fc.record({ kind: fc.constant('step' as const) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ kind: fc.constant('link' as const), node: fc.nat(7) }),
      fc.record({ kind: fc.constant('manual' as const) }),
      fc.record({ kind: fc.constantFrom('release' as const, 'drop' as const, 'duplicate' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('back' as const) }),
      fc.record({ kind: fc.constant('seek' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
      // Network changes: resend timers, lost copies and a slow link make more events share a moment.
      fc.record({ kind: fc.constant('reliable' as const) }),
      fc.record({ kind: fc.constant('lossy' as const) }),
      fc.record({ kind: fc.constant('slow link' as const) }),
      fc.record({ kind: fc.constant('policy' as const), to: fc.constantFrom(...policies) }),
    );
    const dataKey = (f: FlightView) => `${f.message.id}|${f.from}>${f.to}|${f.status}|${f.duplicate}|${f.arriveAt}`;
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 5),
        fc.constantFrom(...policies),
        fc.constantFrom(...policies),
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(action, { minLength: 20, maxLength: 60 }),
        (nodeCount, policy, compare, fixed, seed, actions) => {
          fc.pre(policy !== compare);
          const delay = fixed ? ({ kind: 'uniform', minMs: 1000, maxMs: 1000 } as const) : DEFAULT_SETTINGS.delay;
          const store = createSimulationStore({ nodeCount, seed, policy, delay }, [], { playing: false });
          const act = store.getState().actions;
          act.setComparePolicy(compare);
          for (const a of actions) {
            const { view, network, horizon } = store.getState();
            if (a.kind === 'send') act.send(a.node % nodeCount, 'hi');
            else if (a.kind === 'step') act.step();
            else if (a.kind === 'tick') {
              act.play();
              act.tick(a.ms);
              act.pause();
            } else if (a.kind === 'link') act.toggleLink(a.node % nodeCount, (a.node + 1) % nodeCount);
            else if (a.kind === 'manual') act.setManual(!network.manual);
            else if (a.kind === 'back') act.stepBack();
            else if (a.kind === 'policy') {
              if (a.to !== compare) act.setPolicy(a.to);
            } else if (a.kind === 'reliable') act.dispatch({ kind: 'network', network: { ...network, reliable: !network.reliable } });
            else if (a.kind === 'lossy') act.dispatch({ kind: 'network', network: { ...network, lossRate: network.lossRate > 0 ? 0 : 0.3 } });
            else if (a.kind === 'slow link') {
              const links = Object.keys(network.links).length > 0 ? {} : { '0>1': { delay: { kind: 'uniform', minMs: 3000, maxMs: 3000 } } as const };
              act.dispatch({ kind: 'network', network: { ...network, links } });
            }
            else if (a.kind === 'seek') act.seek(a.share * horizon);
            else if (view.flights.length > 0) act.dispatch({ kind: a.kind, flight: (view.flights[a.pick % view.flights.length] as FlightView).id });

            const state = store.getState();
            const main = state.view;
            const mirror = state.compareView;
            if (!mirror) throw new Error('no comparison');
            const sends = (trace: typeof state.trace | undefined) => (trace ?? []).filter((e) => e.type === 'send').map((e) => `${e.msg}@${e.t}`);
            expect(sends(state.compareTrace)).toEqual(sends(state.trace));
            // Each node receives the same copies in the same order: the network is the policy's no more than the sends are.
            const received = (trace: typeof state.trace | undefined) =>
              (trace ?? []).flatMap((e) => (e.type === 'receive' ? [`${e.node}:${e.msg}@${e.t}`] : []));
            expect(received(state.compareTrace)).toEqual(received(state.trace));
            // Messages in transit are the network's alone, the same under any policy (but for
            // those due this very moment, which either run may have let in already).
            const transit = (flights: readonly FlightView[]) => flights.filter((f) => f.control === undefined && f.arriveAt !== main.now).map(dataKey).sort();
            expect(transit(mirror.flights)).toEqual(transit(main.flights));
            // Time travel and links rebuild both runs from the log: the same runs must come back.
            const replayed = replayRun(act.currentRun());
            expect(replayed.view().flights).toEqual(main.flights);
            expect(replayed.view().nodes).toEqual(main.nodes);
            expect(buildMirror(replayed, compare).view().nodes).toEqual(mirror.nodes);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
