import { useEffect } from 'react';
import { useSimulationStore } from '../store/context.tsx';
import { loadScenarios } from '../deferred.ts';
import { controlOwnsKey, focusedByPointer, trackFocusOrigin } from './shortcuts.ts';

/**
 * Global keyboard shortcuts (see SHORTCUTS). Keys typed into a field, or a control's own keys
 * when it was reached by keyboard, belong to that control (see controlOwnsKey); Escape always
 * works.
 */
export function useShortcuts(): void {
  const store = useSimulationStore();
  useEffect(() => {
    const stopTracking = trackFocusOrigin(window);
    const onKey = (event: KeyboardEvent): void => {
      // The focused control acted on the key itself (a link, a flight or a diagram mark pressed
      // with Space, the timeline moved by an arrow): it is not a shortcut as well.
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const state = store.getState();
      const { actions } = state;
      if (event.key === 'Escape') {
        // An open menu (the Session panel) closes first, giving focus back to its summary.
        const menu = document.querySelector<HTMLDetailsElement>('details.session-menu[open]');
        if (state.helpOpen) actions.setHelpOpen(false);
        else if (menu) {
          menu.open = false;
          menu.querySelector('summary')?.focus();
        } else {
          actions.clearSelection();
          actions.selectFlight(undefined);
        }
        return;
      }
      if (controlOwnsKey(event.target, event.key, focusedByPointer(event.target))) return;
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
          // Presenter mode hides most controls: focus on one of them goes to Play, not the page.
          requestAnimationFrame(() => {
            const focused = document.activeElement;
            if (focused instanceof HTMLElement && focused !== document.body && focused.offsetParent === null) {
              document.querySelector<HTMLElement>('.controls .playback button')?.focus();
            }
          });
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
    return () => {
      stopTracking();
      window.removeEventListener('keydown', onKey);
    };
  }, [store]);
}
