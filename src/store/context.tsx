import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SimulationState, SimulationStore } from './simulation-store.ts';

const StoreContext = createContext<SimulationStore | undefined>(undefined);

/** Makes `store` the simulation the components below read and drive. */
export function SimulationProvider({ store, children }: { store: SimulationStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Returns the store itself, for subscriptions outside React's render cycle. */
export function useSimulationStore(): SimulationStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSimulation needs a SimulationProvider above it');
  return store;
}

/** Selects one value from the simulation state; re-renders only when it changes. */
export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(useSimulationStore(), selector);
}
