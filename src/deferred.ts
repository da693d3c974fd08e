/*
 * Code kept out of the initial bundle (see scripts/check-size.mjs for the budget). Each loader
 * is a dynamic import, so the bundler gives it a chunk of its own; `prefetchDeferred` fetches
 * them all right after the first contentful paint, so nothing waits for the network on a first
 * click and the offline cache holds every chunk.
 */

/** framer-motion's animation features, for `LazyMotion`. */
export const loadMotionFeatures = () => import('./motion-features.ts').then((mod) => mod.default);
/** The hold-back buffer, with framer-motion's core. */
export const loadAnimatedBufferList = () => import('./components/AnimatedBufferList.tsx');
/** The space-time diagram. */
export const loadSpaceTime = () => import('./components/SpaceTime.tsx');
/** The keyboard-shortcut help dialog. */
export const loadHelpOverlay = () => import('./components/HelpOverlay.tsx');
/** Trace files: export and import. */
export const loadTraceFile = () => import('./sim/trace-file.ts');
/** The Session menu's panel: link, files and reset. */
export const loadSessionPanel = () => import('./components/SessionPanel.tsx');
/** The ShiViz log export. */
export const loadShiViz = () => import('./sim/shiviz.ts');
/** The classroom scenarios (plain data). */
export const loadScenarios = () => import('./scenarios/classroom.ts');

const LOADERS: readonly (() => Promise<unknown>)[] = [loadAnimatedBufferList, loadMotionFeatures, loadSpaceTime, loadHelpOverlay, loadSessionPanel, loadTraceFile, loadShiViz, loadScenarios];

/** Longest wait for first paint: a hidden tab paints nothing, and should still prefetch. */
const MAX_PAINT_WAIT_MS = 500;

let painted: Promise<void> | undefined;
let paintedYet = false;

/** Calls `done` once the browser reports the first contentful paint, or after two frames where it cannot. */
function onFirstContentfulPaint(done: () => void): void {
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'paint', buffered: true });
  } else if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
  }
}

/**
 * Resolves once the page's first contentful paint has been shown (or after `MAX_PAINT_WAIT_MS`).
 * Lazy views wait for it, so their chunks are requested after first paint rather than racing it.
 */
export function whenPainted(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    setTimeout(resolve, MAX_PAINT_WAIT_MS);
    onFirstContentfulPaint(resolve);
  }).then(() => {
    paintedYet = true;
  });
  return painted;
}

/** True once `whenPainted` has resolved. */
export function hasPainted(): boolean {
  return paintedYet;
}

/**
 * Fetches every deferred chunk after the first contentful paint; resolves when all have settled
 * (a chunk that fails to load is tried again by whoever needs it).
 */
export async function prefetchDeferred(): Promise<void> {
  await whenPainted();
  await Promise.allSettled(LOADERS.map((load) => load()));
}
