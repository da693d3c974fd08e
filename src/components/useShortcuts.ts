import { useEffect } from 'react';
import { useSimulationStore } from '../store/context.tsx';
import { loadScenarios } from '../deferred.ts';
import { controlOwnsKey } from './shortcuts.ts';

/**
 * Global keyboard shortcuts (see SHORTCUTS). Keys typed into a field, or pressed on a focused
 * button, belong to that control; Escape always works.
 */
export function useShortcuts(): void {
  const store = useSimulationStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const state = store.getState();
      const { actions } = state;
      if (event.key === 'Escape') {
        if (state.helpOpen) actions.setHelpOpen(false);
        else actions.clearSelection();
        return;
      }
      if (controlOwnsKey(event.target, event.key)) return;
      // Behind the open help (a modal dialog) only its own key works: ? closes it.
      if (state.helpOpen && event.key !== '?') return;
      const inScenario = state.scenario !== undefined;
      switch (event.key) {
        case ' ':
          if (state.playing) actions.pause();
          else actions.play();
          break;
        case '.':
        case 'ArrowRight':
          actions.step();
          break;
        case 'ArrowLeft':
          actions.stepBack();
          break;
        case 'PageDown':
          if (inScenario) actions.scenarioStep(1);
          else actions.step();
          break;
        case 'PageUp':
          if (inScenario) actions.scenarioStep(-1);
          else actions.stepBack();
          break;
        case '?':
          actions.setHelpOpen(!state.helpOpen);
          break;
        case 'p':
        case 'P':
          actions.setPresenter(!state.presenter);
          break;
        default: {
          if (!/^[1-9]$/.test(event.key)) return;
          const index = Number(event.key) - 1;
          loadScenarios()
            .then(({ SCENARIOS }) => {
              const scenario = SCENARIOS[index];
              if (scenario) store.getState().actions.loadScenario(scenario);
            })
            .catch(() => {
              // The scenarios could not be fetched (offline, never cached): the key does nothing.
            });
        }
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
