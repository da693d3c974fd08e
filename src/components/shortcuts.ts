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

/** True when a key press belongs to a control the user is typing in or operating. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'SUMMARY'].includes(target.tagName) || target.getAttribute('role') === 'button';
}
