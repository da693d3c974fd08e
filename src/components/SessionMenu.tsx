import { lazy } from 'react';
import { loadSessionPanel } from '../deferred.ts';
import { useSimulation } from '../store/context.tsx';
import { Deferred } from './Deferred.tsx';
import { SCENARIO_PICKER_ID } from './ScenarioPanel.tsx';
import { useScenarios } from './useScenarios.ts';
import '../session.css';

const SessionPanel = lazy(() => loadSessionPanel().then((mod) => ({ default: mod.SessionPanel })));

/** Scenarios, and the Session menu: the session's link, files and reset. */
export function SessionMenu() {
  const scenario = useSimulation((s) => s.scenario?.scenario);
  const scenarios = useScenarios();
  const actions = useSimulation((s) => s.actions);

  return (
    <div className="session">
      <label className="control" title="A scripted run with narration, step by step">
        <span className="visually-hidden">Scenario</span>
        <select
          id={SCENARIO_PICKER_ID}
          value={scenario?.id ?? ''}
          onChange={(e) => {
            const chosen = scenarios?.find((s) => s.id === e.target.value);
            // Focus stays: with the keyboard each arrow loads the next scenario, as a select's arrows
            // choose; after a mouse choice the shortcuts still work (see controlOwnsKey).
            if (chosen) actions.loadScenario(chosen);
            else actions.closeScenario();
          }}
        >
          <option value="">Scenario…</option>
          {scenarios?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <details className="session-menu">
        <summary>Session</summary>
        <Deferred
          fallback={<div className="session-panel" aria-busy="true" />}
          failed={
            <div className="session-panel">
              {/* Plain text: it is there, in the closed menu, long before anyone opens it. */}
              <p className="session-status error">
                The Session menu could not be loaded (offline before it was ever fetched?). Reload when online.
              </p>
            </div>
          }
        >
          <SessionPanel />
        </Deferred>
      </details>
    </div>
  );
}
