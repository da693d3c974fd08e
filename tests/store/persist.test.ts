// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { applySession, currentSession, openSession, saveSessionAsItChanges, startNewSession, STORAGE_KEY } from '../../src/store/persist.ts';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { encodeLinkCode, encodeSession, RUN_PARAM } from '../../src/store/share.ts';
import { createSimulationStore } from '../../src/store/simulation-store.ts';

/** An in-memory stand-in for `localStorage`. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A window that only collects the listeners it is given. */
function fakeWindow(): { target: Pick<Window, 'addEventListener' | 'removeEventListener'>; fire: (type: string) => void } {
  const listeners = new Map<string, () => void>();
  return {
    target: {
      addEventListener: ((type: string, listener: () => void) => listeners.set(type, listener)) as unknown as Window['addEventListener'],
      removeEventListener: ((type: string) => listeners.delete(type)) as unknown as Window['removeEventListener'],
    },
    fire: (type) => listeners.get(type)?.(),
  };
}

describe('the saved session', () => {
  it('is saved as the run changes and restored into a new page', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const page = fakeWindow();
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const stop = saveSessionAsItChanges(store, storage, page.target);
    store.getState().actions.send(0, 'Hello');
    store.getState().actions.step();
    store.getState().actions.setComparePolicy('fifo');
    vi.advanceTimersByTime(1000);
    store.getState().actions.send(1, 'Hi');
    page.fire('pagehide');
    stop();
    vi.useRealTimers();

    const opened = await openSession('', storage);
    expect(opened.notices).toEqual([]);
    const restored = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    if (!opened.session) throw new Error('nothing restored');
    applySession(restored, opened.session);
    expect(restored.getState().view).toEqual(store.getState().view);
    expect(restored.getState().comparePolicy).toBe('fifo');
    expect(restored.getState().actions.currentRun()).toEqual(store.getState().actions.currentRun());
  });

  it('waits longer between saves when a save is slow, so saving takes at most a twentieth of the time', () => {
    vi.useFakeTimers();
    let clockMs = 0;
    const writes: string[] = [];
    const slowStorage = {
      setItem: (_key: string, value: string): void => {
        clockMs += 30;
        writes.push(value);
      },
    };
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const stop = saveSessionAsItChanges(store, slowStorage, fakeWindow().target, () => clockMs);
    store.getState().actions.send(0, 'Hello');
    vi.advanceTimersByTime(400);
    store.getState().actions.send(1, 'Hi');
    vi.advanceTimersByTime(599);
    const beforeBackoff = writes.length;
    vi.advanceTimersByTime(1);
    stop();
    vi.useRealTimers();
    expect([beforeBackoff, writes.length]).toEqual([1, 2]);
  });

  it('gives way to a shared link and to settings in the address', async () => {
    const storage = memoryStorage();
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    store.getState().actions.send(0, 'Saved');
    storage.setItem(STORAGE_KEY, encodeSession(currentSession(store)));
    expect((await openSession('?seed=9', storage)).session).toBeUndefined();
    const other = createSimulationStore({ ...DEFAULT_SETTINGS, nodeCount: 4 }, [], { playing: false });
    for (const code of [encodeSession(currentSession(other)), await encodeLinkCode(currentSession(other))]) {
      const opened = await openSession(`?${RUN_PARAM}=${code}`, storage);
      expect(opened.session?.run.config.nodeCount).toBe(4);
    }
  });

  it('explains a broken link or saved session and starts fresh', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, 'WzEsMiwzXQ');
    expect(await openSession('', storage)).toEqual({ session: undefined, notices: [expect.stringContaining('could not be restored')] });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect((await openSession(`?${RUN_PARAM}=%%%`, storage)).notices).toEqual(['The shared run was ignored: it has characters a run never contains.']);
  });

  it('a broken link leaves the saved session to open, so the next action does not overwrite it', async () => {
    const storage = memoryStorage();
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    store.getState().actions.send(0, 'Saved');
    storage.setItem(STORAGE_KEY, encodeSession(currentSession(store)));
    const opened = await openSession(`?${RUN_PARAM}=Wz`, storage);
    expect(opened.session?.run.commands).toHaveLength(1);
    expect(opened.notices).toEqual([expect.stringContaining('The shared run was ignored'), 'The session saved in this browser is open instead.']);
    // With settings of its own beside the broken run, the address still wins over the saved session.
    expect((await openSession(`?${RUN_PARAM}=Wz&seed=4`, storage)).session).toBeUndefined();
  });

  it('New session clears the run, the comparison and the settings', () => {
    const store = createSimulationStore({ ...DEFAULT_SETTINGS, nodeCount: 5, seed: 77 }, [], { playing: false });
    store.getState().actions.send(0, 'Hello');
    store.getState().actions.setComparePolicy('none');
    startNewSession(store);
    const state = store.getState();
    expect(state.trace).toEqual([]);
    expect(state.comparePolicy).toBeUndefined();
    expect(state.settings).toEqual({ nodeCount: 3, seed: 1, policy: 'causal' });
    expect(state.actions.currentRun().commands).toEqual([]);
  });
});

describe('opening a page without touching it', () => {
  it('does not replace the saved session, even when the page is left', () => {
    const writes: string[] = [];
    const listeners = new Map<string, () => void>();
    const target = {
      addEventListener: (type: string, listener: () => void) => void listeners.set(type, listener),
      removeEventListener: () => undefined,
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    saveSessionAsItChanges(store, { setItem: (_key, value) => void writes.push(value) }, target);
    listeners.get('pagehide')?.();
    expect(writes).toEqual([]);
    store.getState().actions.send(0, 'Hello');
    listeners.get('pagehide')?.();
    expect(writes).toHaveLength(1);
  });
});
