import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deferred } from '../../src/components/Deferred.tsx';
import { SessionMenu } from '../../src/components/SessionMenu.tsx';
import type * as Deferreds from '../../src/deferred.ts';
import { renderWithStore } from './render.tsx';

/** Whether the Session menu's own chunk cannot be fetched either. */
const menu = vi.hoisted(() => ({ offline: false }));

/** The exporters' chunks cannot be fetched, as offline before they were ever cached. */
vi.mock('../../src/deferred.ts', async (original) => {
  const offline = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));
  const actual = await original<typeof Deferreds>();
  return { ...actual, loadShiViz: offline, loadTraceFile: offline, loadSessionPanel: () => (menu.offline ? offline() : actual.loadSessionPanel()) };
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('code that loads after first paint', () => {
  it('shows the fallback, asks for the code only after first paint, then shows the component', async () => {
    const fetchCode = vi.fn<() => Promise<{ default: () => ReactElement }>>(() => Promise.resolve({ default: () => <p>the diagram</p> }));
    const Loaded = lazy(fetchCode);
    render(
      <Deferred fallback={<p>loading</p>}>
        <Loaded />
      </Deferred>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    expect(fetchCode).not.toHaveBeenCalled();
    expect(await screen.findByText('the diagram')).toBeTruthy();
    expect(fetchCode).toHaveBeenCalledOnce();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('says so when its code cannot be fetched, and the rest of the page stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(
      <main>
        <h1>Causal Chat</h1>
        <Deferred fallback={<p>loading</p>} failed={<p>could not be loaded</p>}>
          <Broken />
        </Deferred>
      </main>,
    );
    expect(await screen.findByText('could not be loaded')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Causal Chat' })).toBeTruthy();
  });

  it('an export whose code cannot be fetched explains why instead of failing silently', async () => {
    const user = userEvent.setup();
    renderWithStore(<SessionMenu />);
    await user.click(screen.getByText('Session'));
    await user.click(await screen.findByRole('button', { name: 'Export ShiViz' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be loaded/);
    await user.click(screen.getByRole('button', { name: 'Export trace' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Reload when online/);
  });

  it('a Session menu whose code cannot be fetched says so, and the scenario picker stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    menu.offline = true;
    try {
      // Fresh modules: React keeps whatever became of a chunk it asked for, here the loaded menu.
      vi.resetModules();
      const { renderWithStore: renderFresh } = await import('./render.tsx');
      const { SessionMenu: FreshMenu } = await import('../../src/components/SessionMenu.tsx');
      const user = userEvent.setup();
      renderFresh(<FreshMenu />);
      await user.click(screen.getByText('Session'));
      expect(await screen.findByText(/Session menu could not be loaded/)).toBeTruthy();
      expect(screen.getByRole('combobox', { name: 'Scenario' })).toBeTruthy();
    } finally {
      menu.offline = false;
    }
  });
});
