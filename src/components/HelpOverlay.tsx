import { useEffect, useRef } from 'react';
import { useSimulation } from '../store/context.tsx';
import { SHORTCUTS } from './shortcuts.ts';

/** The keyboard-shortcut help: a modal dialog opened with `?`, closed with Esc or Close. */
export function HelpOverlay() {
  const open = useSimulation((s) => s.helpOpen);
  const setHelpOpen = useSimulation((s) => s.actions.setHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      // Close takes focus, and a dialog taller than a phone's screen would open scrolled down to it.
      el.scrollTop = 0;
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={() => setHelpOpen(false)}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(({ keys, does }) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Everything else is reachable with Tab: flights and links in the network picture are buttons (Enter selects, cuts or heals).</p>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
