import { useSimulation } from '../store/context.tsx';
import { POLICY_LABELS } from './format.ts';

/** The scenario picker's id (in SessionMenu). */
export const SCENARIO_PICKER_ID = 'scenario-picker';

/** The open scenario's narration, one step at a time, with Back and Next. */
export function ScenarioPanel() {
  const position = useSimulation((s) => s.scenario);
  const policy = useSimulation((s) => s.settings.policy);
  const actions = useSimulation((s) => s.actions);
  const scenario = position?.scenario;
  const step = position && scenario?.steps[position.step];
  if (!position || !scenario || !step) return null;
  const last = position.step === scenario.steps.length - 1;
  return (
    <section className="narration" aria-labelledby="narration-title" data-testid="narration">
      <h2 id="narration-title">{scenario.title}</h2>
      {/* Read out by the Announcer, whose live region is there before the panel opens. */}
      <p className="narration-step">
        <span className="narration-count">
          Step {position.step + 1} of {scenario.steps.length}:
        </span>{' '}
        <strong>{step.title}</strong>. {step.narration}
        {last && <em> The scenario ends here; carry on freely.</em>}
      </p>
      {policy !== scenario.policy && (
        <p className="narration-policy">
          Delivery here: {POLICY_LABELS[policy]}, as you chose; the narration tells of {POLICY_LABELS[scenario.policy]}.
        </p>
      )}
      <div className="narration-actions">
        <button type="button" onClick={() => actions.scenarioStep(-1)} aria-disabled={position.step === 0}>
          Back
        </button>
        <button type="button" className="primary" onClick={() => actions.scenarioStep(1)} aria-disabled={last}>
          Next
        </button>
        <button
          type="button"
          className="link-button"
          onClick={(e) => {
            actions.closeScenario();
            // Pressed from the keyboard (a click with no pointer), focus goes to the picker the
            // scenario came from, not to the page as the panel goes.
            if (e.detail === 0) document.getElementById(SCENARIO_PICKER_ID)?.focus();
          }}
        >
          Close
        </button>
      </div>
    </section>
  );
}
