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

/**
 * Keeps the built site working offline: registers the service worker once the page has loaded
 * (at once if it already has). Only in production builds, and only where supported.
 */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}
