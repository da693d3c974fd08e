/** Every keyboard shortcut, as the help overlay lists it. */
export const SHORTCUTS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Space', does: 'Play or pause' },
  { keys: '. or →', does: 'Step forward to the next event' },
  { keys: '←', does: 'Step back one change' },
  { keys: 'Page Down / Page Up', does: 'Next / back (presenter remotes): the scenario’s narration, or one step' },
  { keys: '1 – 9', does: 'Load scenario 1 to 9' },
  { keys: 'P', does: 'Presenter mode on or off' },
  { keys: 'Esc', does: 'Clear the selection, close this help or the Session menu' },
  { keys: '?', does: 'Show or hide this help' },
];

/** Keys a single-line field has no use for: a presenter remote's pages pass through it. */
const PAGE_KEYS = new Set(['PageUp', 'PageDown']);
/** Keys the timeline moves by; Page Up/Down stay a presenter remote's, as everywhere. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * True when a key press belongs to the focused control rather than to the shortcuts.
 *
 * - A text field takes every key but Page Up/Down, which a single-line field has no use for, so
 *   a presenter remote still pages right after the teacher has sent a message.
 * - A control reached by Tab keeps its own keys: Space and Enter press a button, Space ticks a
 *   checkbox, the arrows and Home/End move a slider, a select takes every key.
 * - A control focused after a pointer press (`byPointer`) gives all of them to the shortcuts.
 *   After a click on Next, Space still plays; after choosing a policy with the mouse, Page Down
 *   walks the scenario instead of choosing the last policy. (The timeline moves by its arrows
 *   itself, focused either way; see Timeline.)
 */
export function controlOwnsKey(target: EventTarget | null, key: string, byPointer: boolean): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  const type = target instanceof HTMLInputElement ? target.type : undefined;
  if (type !== undefined && !['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'file', 'color'].includes(type)) {
    return !PAGE_KEYS.has(key);
  }
  if (byPointer) return false;
  if (target.tagName === 'SELECT') return true;
  if (type === 'range') return SLIDER_KEYS.has(key);
  if (type === 'checkbox' || type === 'radio') return key === ' ' || (type === 'radio' && key.startsWith('Arrow'));
  const button = ['BUTTON', 'SUMMARY'].includes(target.tagName) || target.getAttribute('role') === 'button' || type !== undefined;
  return button && (key === ' ' || key === 'Enter');
}

/** Whether the latest input was a pointer press or a key: what the next focus came from. */
let lastInput: 'pointer' | 'keyboard' = 'keyboard';
/** The element focused after a pointer press (by it, or by what it did), until focus moves after a key. */
let pointerFocused: EventTarget | null = null;

function onKeyDown(): void {
  lastInput = 'keyboard';
}

function onFocusIn(event: FocusEvent): void {
  pointerFocused = lastInput === 'pointer' ? event.target : null;
}

/**
 * Follows where focus comes from, for `focusedByPointer`: a focus after a pointer press is the
 * pointer's, whether the press focused its control (or a label's) or an action it started moved
 * the focus (Let in hands it to Close); a focus after a key, or by Tab, is the keyboard's.
 * Returns the function that stops following.
 */
export function trackFocusOrigin(win: Window): () => void {
  const onPointerDown = (event: PointerEvent): void => {
    lastInput = 'pointer';
    // A press on the control that already has focus moves no focus, but it is a press all the same.
    const focused = win.document.activeElement;
    if (focused && event.target instanceof Node && focused.contains(event.target)) pointerFocused = focused;
  };
  win.addEventListener('pointerdown', onPointerDown, true);
  win.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('focusin', onFocusIn, true);
  return () => {
    win.removeEventListener('pointerdown', onPointerDown, true);
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('focusin', onFocusIn, true);
  };
}

/** Whether `target` has the focus a pointer press gave it (see trackFocusOrigin). */
export function focusedByPointer(target: EventTarget | null): boolean {
  return target !== null && target === pointerFocused;
}

/**
 * Whether a key presses a drawn control (a link, a flight, a diagram mark): Enter always, Space
 * only when it was reached from the keyboard, since after a click Space plays, as everywhere.
 */
export function pressesMark(key: string, target: EventTarget | null): boolean {
  return key === 'Enter' || (key === ' ' && !focusedByPointer(target));
}
