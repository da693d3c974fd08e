import type { DeliveryPolicy } from '../sim/message.ts';
import { useEffect, useRef } from 'react';
import { useSimulation, useSimulationStore } from '../store/context.tsx';
import { MAX_NODES, MIN_NODES } from '../store/settings.ts';
import { DelayControl } from './DelayControl.tsx';
import { ViewOptions } from './ViewOptions.tsx';
import { POLICY_LABELS, showSeconds } from './format.ts';

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
const NODE_COUNTS = Array.from({ length: MAX_NODES - MIN_NODES + 1 }, (_, i) => MIN_NODES + i);

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/** The virtual clock, refreshed every frame through a subscription rather than a re-render. */
function VirtualTime() {
  const store = useSimulationStore();
  const text = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const show = (now: number): void => {
      if (text.current) text.current.textContent = `t = ${showSeconds(now)}`;
    };
    show(store.getState().now);
    return store.subscribe((state) => show(state.now));
  }, [store]);
  return <span className="time" data-testid="virtual-time" ref={text} />;
}

/** Playback and settings: play/pause, step, speed, policy, delay, nodes, seed, reset. */
export function Controls() {
  const playing = useSimulation((s) => s.playing);
  const speed = useSimulation((s) => s.speed);
  const settings = useSimulation((s) => s.settings);
  const canStep = useSimulation((s) => s.canStep);
  const actions = useSimulation((s) => s.actions);
  const manual = useSimulation((s) => s.network.manual);
  const delay = useSimulation((s) => s.network.delay);
  const comparePolicy = useSimulation((s) => s.comparePolicy);

  return (
    <div className="controls" role="toolbar" aria-label="Simulation controls">
      <div className="control playback">
        <button type="button" className="primary" onClick={playing ? actions.pause : actions.play} aria-label={playing ? 'Pause' : 'Play'}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        {/* aria-disabled, not disabled: a keyboard user stepping to the end keeps focus on Step. */}
        <button type="button" onClick={canStep ? actions.step : undefined} aria-disabled={!canStep} title="Process the next event">
          Step
        </button>
        <button type="button" onClick={actions.reset} title="Start again from time zero">
          Reset
        </button>
        <VirtualTime />
      </div>
      <label className="control">
        Speed
        <select value={speed} onChange={(e) => actions.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        Delivery
        <select value={settings.policy} onChange={(e) => actions.setPolicy(e.target.value as DeliveryPolicy)}>
          {(Object.keys(POLICY_LABELS) as DeliveryPolicy[]).map((p) => (
            <option key={p} value={p}>
              {POLICY_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="control" title="Run the same seed and sends under a second policy, side by side">
        Compare with
        <select
          value={comparePolicy ?? ''}
          onChange={(e) => actions.setComparePolicy(e.target.value === '' ? undefined : (e.target.value as DeliveryPolicy))}
        >
          <option value="">no comparison</option>
          {(Object.keys(POLICY_LABELS) as DeliveryPolicy[]).map((p) => (
            <option key={p} value={p}>
              {POLICY_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <DelayControl key={JSON.stringify(delay)} />
      <label className="control" title="Messages stop before their receiver until you let them in">
        <input type="checkbox" checked={manual} onChange={(e) => actions.setManual(e.target.checked)} />
        Manual delivery
      </label>
      <label className="control">
        Nodes
        <select value={settings.nodeCount} onChange={(e) => actions.setNodeCount(Number(e.target.value))}>
          {NODE_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="control seed">
        <span>Seed {settings.seed}</span>
        <button type="button" onClick={() => actions.setSeed(randomSeed())}>
          New seed
        </button>
      </div>
      <ViewOptions />
    </div>
  );
}
