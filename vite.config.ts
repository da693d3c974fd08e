/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vitest 5 declares node ^22.12 but this project's machines run Node 20. Its
// main process (reporters, snapshot manager, watcher) calls a few ES2024
// built-ins that Node 20 lacks; without them a *failing* test crashes the
// reporter ("Map.groupBy is not a function") and no summary is printed. This
// config is loaded in Vitest's main process, so install tiny polyfills here.
// They are no-ops on Node >= 22.
installEs2024Polyfills();

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    // No modulepreload links: the initial chunk is one file, and for lazy chunks Vite's preload
    // helper appended <link> elements to <head> on every import(), 10-15 ms of main-thread work
    // right after first paint. Lazy chunks now fetch their few shared imports themselves.
    modulePreload: false,
    rolldownOptions: {
      output: {
        // Whatever first paint needs goes into one chunk (one request, one gzip dictionary);
        // lazily imported code keeps chunks of its own. See scripts/check-size.mjs.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    setupFiles: ['tests/setup.ts'],
  },
});

function installEs2024Polyfills(): void {
  type KeyFn = (item: unknown, index: number) => unknown;
  const mapCtor = Map as unknown as { groupBy?: (items: Iterable<unknown>, fn: KeyFn) => Map<unknown, unknown[]> };
  if (typeof mapCtor.groupBy !== 'function') {
    mapCtor.groupBy = (items, fn) => {
      const out = new Map<unknown, unknown[]>();
      let i = 0;
      for (const item of items) {
        const key = fn(item, i++);
        const group = out.get(key);
        if (group) group.push(item);
        else out.set(key, [item]);
      }
      return out;
    };
  }
  const objectCtor = Object as unknown as {
    groupBy?: (items: Iterable<unknown>, fn: KeyFn) => Record<PropertyKey, unknown[]>;
  };
  if (typeof objectCtor.groupBy !== 'function') {
    objectCtor.groupBy = (items, fn) => {
      const out = Object.create(null) as Record<PropertyKey, unknown[]>;
      let i = 0;
      for (const item of items) {
        const key = fn(item, i++) as PropertyKey;
        (out[key] ??= []).push(item);
      }
      return out;
    };
  }
  const promiseCtor = Promise as unknown as {
    withResolvers?: () => { promise: Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  };
  if (typeof promiseCtor.withResolvers !== 'function') {
    promiseCtor.withResolvers = () => {
      let resolve!: (v: unknown) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    };
  }
}
