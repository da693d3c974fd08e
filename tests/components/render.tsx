import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { SimulationProvider } from '../../src/store/context.tsx';
import { DEFAULT_SETTINGS, type Settings } from '../../src/store/settings.ts';
import { createSimulationStore, type SimulationStore } from '../../src/store/simulation-store.ts';

/** Renders `ui` over a fresh, paused store in manual network mode unless told otherwise. */
export function renderWithStore(ui: ReactElement, settings: Partial<Settings> = {}, notices: string[] = []): { store: SimulationStore } {
  const store = createSimulationStore({ ...DEFAULT_SETTINGS, ...settings }, notices, { playing: false });
  render(<SimulationProvider store={store}>{ui}</SimulationProvider>);
  return { store };
}
