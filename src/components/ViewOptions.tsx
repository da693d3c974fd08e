import { useSimulation } from '../store/context.tsx';
import type { Theme } from '../store/simulation-store.ts';

/** Presenter mode, theme and the shortcut help. */
export function ViewOptions() {
  const presenter = useSimulation((s) => s.presenter);
  const theme = useSimulation((s) => s.theme);
  const { setPresenter, setTheme, setHelpOpen } = useSimulation((s) => s.actions);
  return (
    <div className="control view-options">
      <button type="button" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} title="Large type and thick lines for a projector (P)">
        Presenter
      </button>
      <label>
        Theme
        <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <button type="button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}
