import { DEFAULT_NETWORK } from '../sim/network.ts';
import { isError, type RunRecord } from '../sim/run.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { decodeLinkCode, decodeSession, encodeSession, RUN_PARAM, type Session } from './share.ts';
import type { SimulationStore } from './simulation-store.ts';

/** Where the browser keeps the current session. */
export const STORAGE_KEY = 'causal-chat:session';
/** Wait between a change and saving it, in real milliseconds; longer after a slow save (see SAVE_SHARE). */
const SAVE_DELAY_MS = 400;
/** Saving may take at most this share of the main thread: after a save that took T ms, the next waits at least T / share. */
const SAVE_SHARE = 0.05;

/** What the page opens with: a shared or saved session, and notices about what was ignored. */
export interface OpenedSession {
  readonly session: Session | undefined;
  readonly notices: readonly string[];
}

/**
 * Chooses the session to open: a `?run=` link first; else, when the address names no
 * settings of its own, the session saved in this browser. Bad input is ignored with a notice;
 * a broken link leaves the saved session to open, so the next action does not overwrite it.
 */
export async function openSession(search: string, storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined): Promise<OpenedSession> {
  const params = new URLSearchParams(search);
  const code = params.get(RUN_PARAM);
  const notices: string[] = [];
  if (code !== null) {
    const decoded = await decodeLinkCode(code);
    if (!isError(decoded)) return { session: decoded, notices: [] };
    notices.push(`The shared run was ignored: ${decoded.error}.`);
    params.delete(RUN_PARAM);
  }
  if ([...params.keys()].length > 0 || !storage) return { session: undefined, notices };
  let saved: string | null = null;
  try {
    saved = storage.getItem(STORAGE_KEY);
  } catch {
    return { session: undefined, notices };
  }
  if (saved === null) return { session: undefined, notices };
  const decoded = decodeSession(saved);
  if (!isError(decoded)) return { session: decoded, notices: notices.length > 0 ? [...notices, 'The session saved in this browser is open instead.'] : [] };
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable; the session simply starts fresh.
  }
  return { session: undefined, notices: [...notices, `The saved session could not be restored (${decoded.error}); a new one has started.`] };
}

/** Puts a session into the store: its comparison first, then the run itself, paused, with its recorded future. */
export function applySession(store: SimulationStore, session: Session): void {
  const { actions } = store.getState();
  actions.setComparePolicy(session.comparePolicy);
  actions.loadRun(session.run, session.future);
}

/** The session as it stands in the store, with what it recorded beyond this point after a rewind. */
export function currentSession(store: SimulationStore): Session {
  const state = store.getState();
  const future = state.actions.recordedFuture();
  return { run: state.actions.currentRun(), comparePolicy: state.comparePolicy, ...(future ? { future } : {}) };
}

/** An empty run with the default settings. */
export function freshRun(): RunRecord {
  const { nodeCount, seed, policy, delay } = DEFAULT_SETTINGS;
  return { config: { nodeCount, seed, policy, network: { ...DEFAULT_NETWORK, delay } }, commands: [], processed: 0, now: 0 };
}

/**
 * Saves the session whenever the run, its settings or the comparison change (at most every
 * `SAVE_DELAY_MS`, or longer when saving itself is slow: a long session's log takes time to
 * encode, and playing must not spend more than `SAVE_SHARE` of its time saving), and once more
 * when the page is hidden if anything changed. Returns a function that stops.
 */
export function saveSessionAsItChanges(
  store: SimulationStore,
  storage: Pick<Storage, 'setItem'>,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  nowMs: () => number = () => performance.now(),
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delayMs = SAVE_DELAY_MS;
  /** Nothing is written until the run changes, so merely opening a page never replaces the saved session. */
  let changed = false;
  const save = (): void => {
    timer = undefined;
    const started = nowMs();
    try {
      storage.setItem(STORAGE_KEY, encodeSession(currentSession(store)));
    } catch {
      // Full or blocked storage: the session is not kept, but the page works on.
    }
    delayMs = Math.max(SAVE_DELAY_MS, (nowMs() - started) / SAVE_SHARE);
  };
  const schedule = (): void => {
    changed = true;
    timer ??= setTimeout(save, delayMs);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view !== previous.view || state.settings !== previous.settings || state.comparePolicy !== previous.comparePolicy || state.network !== previous.network) schedule();
  });
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (changed) save();
  };
  target.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    target.removeEventListener('pagehide', flush);
  };
}

/** Starts a new session: the default settings, nothing sent, nothing compared; the saved one is replaced. */
export function startNewSession(store: SimulationStore): void {
  applySession(store, { run: freshRun(), comparePolicy: undefined });
}
