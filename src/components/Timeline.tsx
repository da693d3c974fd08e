import { useEffect, useRef } from 'react';
import { useSimulation, useSimulationStore } from '../store/context.tsx';

/** How far an arrow key moves the timeline: a millisecond per press would replay the run for nothing. */
const KEY_STEP_MS = 100;

/**
 * The run's timeline: drag to any moment and every view shows the system as it was; step back
 * one change at a time. Updated every frame through a subscription, not by re-rendering.
 */
export function Timeline() {
  const store = useSimulationStore();
  const { seek, stepBack, pause } = useSimulation((s) => s.actions);
  const canGoBack = useSimulation((s) => s.traceLength > 0);
  const slider = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const show = (now: number, horizon: number): void => {
      const el = slider.current;
      if (!el) return;
      el.max = String(Math.max(1, Math.ceil(horizon)));
      el.value = String(Math.floor(now));
      el.setAttribute('aria-valuetext', `${(now / 1000).toFixed(2)} s of ${(horizon / 1000).toFixed(2)} s`);
    };
    const { now, horizon } = store.getState();
    show(now, horizon);
    return store.subscribe((state) => show(state.now, state.horizon));
  }, [store]);
  return (
    <div className="timeline">
      <button type="button" onClick={canGoBack ? stepBack : undefined} aria-disabled={!canGoBack} title="Go back to just before the last change">
        ◀ Back
      </button>
      <input
        ref={slider}
        type="range"
        min={0}
        step={1}
        aria-label="Timeline"
        data-testid="timeline"
        onPointerDown={pause}
        onChange={(e) => seek(Number(e.target.value))}
        onKeyDown={(e) => {
          const by = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -KEY_STEP_MS : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? KEY_STEP_MS : 0;
          if (by === 0) return;
          e.preventDefault();
          pause();
          seek(store.getState().now + by);
        }}
      />
    </div>
  );
}
