/*
 * Code kept out of the initial bundle (see scripts/check-size.mjs for the budget). Each loader
 * is a dynamic import, so the bundler gives it a chunk of its own; `prefetchDeferred` fetches
 * them all once the first frame is on screen, so nothing waits for the network on a first
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
/** The ShiViz log export. */
export const loadShiViz = () => import('./sim/shiviz.ts');
/** The classroom scenarios (plain data). */
export const loadScenarios = () => import('./scenarios/classroom.ts');

const LOADERS: readonly (() => Promise<unknown>)[] = [loadAnimatedBufferList, loadMotionFeatures, loadSpaceTime, loadHelpOverlay, loadTraceFile, loadShiViz, loadScenarios];

/** Longest wait for a frame: a hidden tab draws none, and should still prefetch. */
const MAX_PAINT_WAIT_MS = 500;

/** Resolves once the next frame has been painted, or after `MAX_PAINT_WAIT_MS`. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, MAX_PAINT_WAIT_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Fetches every deferred chunk once the first frame is painted; resolves when all have settled
 * (a chunk that fails to load is tried again by whoever needs it).
 */
export async function prefetchDeferred(): Promise<void> {
  await afterPaint();
  await Promise.allSettled(LOADERS.map((load) => load()));
}
