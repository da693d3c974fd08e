/** Registers the service worker and hands it the files this page loaded before it took control. */
function register(): void {
  navigator.serviceWorker
    .register(new URL('./sw.js', document.baseURI), { scope: './' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      registration.active?.postMessage({ cache: [document.baseURI, ...loaded] });
    })
    .catch(() => {
      // Offline use is a bonus: without it the app works exactly as before.
    });
}

/** Resolves once the page has loaded (at once if it already has). */
function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Keeps the built site working offline: registers the service worker once the page has loaded
 * and `fetched` (the chunks loaded after first paint) has settled, so the worker is handed
 * every file the app needs. Only in production builds, and only where supported.
 */
export function registerOffline(fetched: Promise<unknown> = Promise.resolve()): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void Promise.allSettled([pageLoaded(), fetched]).then(register);
}
