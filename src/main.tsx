import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.tsx';
import { SimulationProvider } from './store/context.tsx';
import { applySession, openSession, saveSessionAsItChanges } from './store/persist.ts';
import { parseSettingsQuery } from './store/settings.ts';
import { createSimulationStore } from './store/simulation-store.ts';
import { prefetchDeferred } from './deferred.ts';
import { registerOffline } from './offline.ts';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Missing #root element');

const { settings, notices } = parseSettingsQuery(window.location.search);
const opened = await openSession(window.location.search, window.localStorage);
const store = createSimulationStore(settings, [...notices, ...opened.notices], { playing: opened.session === undefined });
if (opened.session) applySession(store, opened.session);
if (opened.fromLink) window.history.replaceState(null, '', window.location.pathname);
saveSessionAsItChanges(store, window.localStorage);

createRoot(rootElement).render(
  <StrictMode>
    <SimulationProvider store={store}>
      <App />
    </SimulationProvider>
  </StrictMode>,
);

registerOffline(prefetchDeferred());
