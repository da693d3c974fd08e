import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.tsx';
import { SimulationProvider } from './store/context.tsx';
import { parseSettingsQuery } from './store/settings.ts';
import { createSimulationStore } from './store/simulation-store.ts';
import { registerOffline } from './offline.ts';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Missing #root element');

const { settings, notices } = parseSettingsQuery(window.location.search);
const store = createSimulationStore(settings, notices);

createRoot(rootElement).render(
  <StrictMode>
    <SimulationProvider store={store}>
      <App />
    </SimulationProvider>
  </StrictMode>,
);

registerOffline();
