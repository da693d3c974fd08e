/**
 * Render counters for `npm run bench:ui`. They exist only in a build made with
 * `vite build --mode bench`: everywhere else `import.meta.env.MODE` is not 'bench', the
 * body folds away and nothing is recorded. The bench reads them from
 * `window.causalChatRenders`.
 */
interface RenderCounts {
  /** Renders per component name. */
  readonly renders: Record<string, number>;
  /** Distinct keys (flight ids) seen per component name. */
  readonly keys: Record<string, Set<number>>;
}

/** Counts one render of `component` (for one `key`, such as a flight id), in bench builds only. */
export function countRender(component: string, key?: number): void {
  if (import.meta.env.MODE !== 'bench') return;
  const holder = globalThis as { causalChatRenders?: RenderCounts };
  const counts = (holder.causalChatRenders ??= { renders: {}, keys: {} });
  counts.renders[component] = (counts.renders[component] ?? 0) + 1;
  if (key !== undefined) (counts.keys[component] ??= new Set()).add(key);
}
