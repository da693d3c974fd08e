#!/usr/bin/env node
// Checks the production build's initial JavaScript against its gzip budget. "Initial" is what
// the browser must fetch before the app can be used: the module scripts and modulepreloads
// named in index.html, plus every chunk they import statically, transitively. Chunks reached
// only through dynamic import() are loaded later and do not count.
// Usage: node scripts/check-size.mjs [distDir]   (default: dist). No dependencies.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for initial JavaScript, gzip level 9, in bytes (1 kB = 1000 bytes). */
const BUDGET_BYTES = 105_000;

/** Paths of the module scripts and modulepreloads in `html`, as written there. */
function initialReferences(html) {
  const refs = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script/i.test(tag) && /\btype\s*=\s*["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel\s*=\s*["']?modulepreload/i.test(tag);
    const url = (isModuleScript ? tag.match(/\bsrc\s*=\s*["']([^"']+)["']/i) : isPreload ? tag.match(/\bhref\s*=\s*["']([^"']+)["']/i) : null)?.[1];
    if (url && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) refs.push(url);
  }
  return refs;
}

/** Relative specifiers of the static imports and re-exports in minified module `code`. */
function staticImports(code) {
  const specs = new Set();
  const pattern = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) {
    const before = code.slice(Math.max(0, match.index - 1), match.index);
    if (before === '.') continue;
    specs.add(match[1]);
  }
  return [...specs];
}

/** Every initial JavaScript file under `distDir` with its raw and gzip size in bytes. */
function measureInitial(distDir) {
  const root = resolve(distDir);
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const pending = initialReferences(html).map((ref) => resolve(root, ref.replace(/^\//, '').split(/[?#]/)[0]));
  const seen = new Set();
  const files = [];
  while (pending.length > 0) {
    const file = pending.shift();
    if (seen.has(file) || !/\.m?js$/.test(file)) continue;
    seen.add(file);
    if (relative(root, file).startsWith('..')) throw new Error(`${file} lies outside ${distDir}`);
    if (!existsSync(file)) throw new Error(`index.html refers to ${relative(root, file)}, which is not in ${distDir}`);
    const code = readFileSync(file);
    files.push({ file: relative(root, file), rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const spec of staticImports(code.toString('utf8'))) pending.push(resolve(dirname(file), spec.split(/[?#]/)[0]));
  }
  return files;
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

function main() {
  const distDir = process.argv[2] ?? 'dist';
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`check-size: no build at ${distDir} (${join(distDir, 'index.html')} is missing); run \`npx vite build\` first.`);
    process.exit(2);
  }
  let files;
  try {
    files = measureInitial(distDir);
  } catch (error) {
    console.error(`check-size: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const width = Math.max(...files.map((f) => f.file.length), 4);
  console.log(`Initial JavaScript in ${distDir} (gzip level 9; 1 kB = 1000 bytes)`);
  for (const f of files) console.log(`  ${f.file.padEnd(width)}  ${kB(f.rawBytes).padStart(10)} raw  ${kB(f.gzipBytes).padStart(9)} gzip`);
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const raw = files.reduce((sum, f) => sum + f.rawBytes, 0);
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`  ${'total'.padEnd(width)}  ${kB(raw).padStart(10)} raw  ${kB(total).padStart(9)} gzip, ${verdict} the budget of ${kB(BUDGET_BYTES)}`);
  if (total > BUDGET_BYTES) process.exit(1);
}

main();
