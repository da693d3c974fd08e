/**
 * Registers the service worker that keeps the built site working offline, and hands it the
 * files this page already loaded. Only in production builds, and only where supported.
 */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
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
  });
}
