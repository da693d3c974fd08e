// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'check-size.mjs');
const made: string[] = [];

/** Text that gzip cannot shrink much: `length` letters from a fixed pseudo-random sequence. */
function incompressible(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[state >>> 26];
  }
  return out;
}

/** A fake build: index.html loading entry.js, which imports dep.js statically and lazy.js lazily. */
function fakeBuild({ depChars, lazyChars }: { depChars: number; lazyChars: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-size-'));
  made.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" crossorigin src="./assets/entry.js"></script><link rel="modulepreload" href="./assets/preloaded.js"></head><body></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'entry.js'), 'import{d as a}from"./dep.js";const l=()=>import("./lazy.js");console.log(a,l);');
  writeFileSync(join(dir, 'assets', 'preloaded.js'), 'export const p=1;');
  writeFileSync(join(dir, 'assets', 'dep.js'), `export const d="${incompressible(depChars)}";`);
  writeFileSync(join(dir, 'assets', 'lazy.js'), `export const z="${incompressible(lazyChars)}";`);
  return dir;
}

function checkSize(dir: string): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the bundle size check', () => {
  it('counts the entry, its modulepreloads and static imports, not lazy chunks, and passes within the budget', () => {
    const { status, out } = checkSize(fakeBuild({ depChars: 1000, lazyChars: 200_000 }));
    expect(out).toMatch(/assets\/entry\.js/);
    expect(out).toMatch(/assets\/dep\.js/);
    expect(out).toMatch(/assets\/preloaded\.js/);
    expect(out).not.toMatch(/lazy\.js/);
    expect(out).toMatch(/within the budget of 105\.00 kB/);
    expect(status).toBe(0);
  });

  it('fails when a statically imported chunk takes the total above 105 kB gzip', () => {
    const { status, out } = checkSize(fakeBuild({ depChars: 150_000, lazyChars: 10 }));
    expect(out).toMatch(/OVER the budget of 105\.00 kB/);
    expect(status).toBe(1);
  });

  it('says so when there is no build to check', () => {
    const { status, out } = checkSize(join(tmpdir(), 'no-such-build-dir'));
    expect(out).toMatch(/no build at .*no-such-build-dir/);
    expect(status).toBe(2);
  });
});
