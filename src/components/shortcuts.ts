/** Every keyboard shortcut, as the help overlay lists it. */
export const SHORTCUTS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Space', does: 'Play or pause' },
  { keys: '. or →', does: 'Step forward to the next event' },
  { keys: '←', does: 'Step back one change' },
  { keys: 'Page Down / Page Up', does: 'Next / back (presenter remotes): the scenario’s narration, or one step' },
  { keys: '1 – 9', does: 'Load scenario 1 to 9' },
  { keys: 'P', does: 'Presenter mode on or off' },
  { keys: 'Esc', does: 'Clear the selection, close this help' },
  { keys: '?', does: 'Show or hide this help' },
];

/**
 * True when a key press belongs to the focused control rather than to the shortcuts: every key
 * in a field, a select or a slider; Space and Enter on a button (which press it). So a presenter
 * remote's Page Up/Down keep working after a click on any button.
 */
export function controlOwnsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  const button = ['BUTTON', 'SUMMARY'].includes(target.tagName) || target.getAttribute('role') === 'button';
  return button && (key === ' ' || key === 'Enter');
}
