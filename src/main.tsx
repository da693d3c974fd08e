import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.tsx';
import { SimulationProvider } from './store/context.tsx';
import { applySession, openSession, saveSessionAsItChanges } from './store/persist.ts';
import { parseSettingsQuery } from './store/settings.ts';
import { RUN_PARAM } from './store/share.ts';
import { createSimulationStore } from './store/simulation-store.ts';
import { prefetchDeferred } from './deferred.ts';
import { registerOffline } from './offline.ts';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Missing #root element');

/** This browser's storage for the site, or none where it refuses site data (reading it then throws). */
function siteStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const storage = siteStorage();
const { settings, notices } = parseSettingsQuery(window.location.search);
const opened = await openSession(window.location.search, storage);
const unkept = storage ? [] : ['This browser does not let the page keep data, so this session will not be restored after a reload; links and files still work.'];
const store = createSimulationStore(settings, [...notices, ...opened.notices, ...unkept], { playing: opened.session === undefined });
if (opened.session) applySession(store, opened.session);
// A link is read once: a reload opens the session as it now stands (a broken link's notice is not shown again).
if (new URLSearchParams(window.location.search).has(RUN_PARAM)) window.history.replaceState(null, '', window.location.pathname);
if (storage) saveSessionAsItChanges(store, storage);

createRoot(rootElement).render(
  <StrictMode>
    <SimulationProvider store={store}>
      <App />
    </SimulationProvider>
  </StrictMode>,
);

registerOffline(prefetchDeferred());
