#!/usr/bin/env node
// Lighthouse 12 (performance only) on the production build, served under /causal-chat/ by
// tests/e2e/serve.mjs on a free port. Builds first unless --no-build; runs `npx -y lighthouse@12`
// (not a dependency: it is large) --runs times; prints score, TBT, FCP, LCP and CLS for each run
// and their medians; exits 1 when the median misses the targets (score >= 0.95, TBT < 50 ms).
// Usage: node scripts/lighthouse.mjs [--runs 3] [--dist dist] [--no-build] [--desktop]
// Chromium comes from CHROME_PATH (default /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, findFreePort, serveSite, stopSite } from './local-site.mjs';

const MIN_SCORE = 0.95;
const MAX_TBT_MS = 50;
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function parseArgs(argv) {
  const options = { runs: 3, dist: 'dist', build: true, desktop: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--dist') options.dist = argv[++i] ?? '';
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--desktop') options.desktop = true;
    else fail(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 20) fail('--runs takes a whole number from 1 to 20');
  if (!options.dist) fail('--dist takes a directory');
  return options;
}

function fail(message) {
  console.error(`lighthouse: ${message}`);
  process.exit(2);
}

function runLighthouse(url, desktop, outFile) {
  const args = ['-y', 'lighthouse@12', url, '--only-categories=performance', '--output=json', `--output-path=${outFile}`, '--quiet', `--chrome-flags=${CHROME_FLAGS.join(' ')}`];
  if (desktop) args.push('--preset=desktop');
  const result = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } });
  if (result.status !== 0) throw new Error(`lighthouse exited with ${result.status}`);
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  const metric = (id) => report.audits[id]?.numericValue ?? Number.NaN;
  return { score: report.categories.performance.score, tbtMs: metric('total-blocking-time'), fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), cls: metric('cumulative-layout-shift') };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function show({ score, tbtMs, fcpMs, lcpMs, cls }) {
  return `score ${score.toFixed(2)}  TBT ${Math.round(tbtMs)} ms  FCP ${Math.round(fcpMs)} ms  LCP ${Math.round(lcpMs)} ms  CLS ${cls.toFixed(3)}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(root, options.dist);
  if (options.build) {
    const build = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) fail('the build failed');
  }
  const { server, url } = await serveSite(dist, await findFreePort());
  const work = mkdtempSync(join(tmpdir(), 'causal-chat-lighthouse-'));
  const runs = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      const run = runLighthouse(url, options.desktop, join(work, `run-${i}.json`));
      runs.push(run);
      console.log(`run ${i + 1}: ${show(run)}`);
    }
  } finally {
    await stopSite(server);
    rmSync(work, { recursive: true, force: true });
  }
  const summary = { score: median(runs.map((r) => r.score)), tbtMs: median(runs.map((r) => r.tbtMs)), fcpMs: median(runs.map((r) => r.fcpMs)), lcpMs: median(runs.map((r) => r.lcpMs)), cls: median(runs.map((r) => r.cls)) };
  console.log(`median of ${runs.length} (${options.desktop ? 'desktop' : 'mobile'} preset): ${show(summary)}`);
  const ok = summary.score >= MIN_SCORE && summary.tbtMs < MAX_TBT_MS;
  console.log(ok ? `meets the targets (score >= ${MIN_SCORE}, TBT < ${MAX_TBT_MS} ms)` : `MISSES the targets (score >= ${MIN_SCORE}, TBT < ${MAX_TBT_MS} ms)`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
