// Browser benchmark for the classroom view: `npm run bench:ui [-- --json] [-- --runs 3] [-- --dist DIR]`.
// Builds the site with `vite build --mode bench` (the production build plus render counters,
// see src/components/render-count.ts), serves it with tests/e2e/serve.mjs, and drives
// Debian's Chromium at 1280×720. Each scenario opens an ordinary share link (bench/ui-runs.ts),
// presses Play and records 5 s of frames. Flight scenarios put K transmissions in the air
// among 8 nodes, the classroom view's maximum. Then a lecture run is typed into (a node's
// message box) while it plays, once early and once loaded at 10,000 deliveries, to check the
// length of a session does not slow typing or animation. Last, a burst of 5,000 sends at once
// is opened, played for 1 s and stepped back, to bound what a dense link costs. `--dist DIR` reuses a build
// (made with --mode bench, or renders are not counted). Missed targets are marked MISS; the
// exit code is non-zero only when the bench could not run.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, findFreePort, serveSite, stopSite } from '../scripts/local-site.mjs';
import { BENCH_NODES, BURST_MESSAGES, buildBurstRun, buildFlightRun, buildLongRun, type BenchRun } from './ui-runs.ts';
import { EARLY_DELIVERIES, LONG_DELIVERIES } from './long-run.ts';
import { countFlights, defineNameHelper, readRenders, startCpuClock, startRecording, stopRecording } from './ui-page.ts';
import { listRendersPerSecond, PER_WINDOW_MS, quantile, rendersPerFlight, summariseFrames, type FrameStats } from './ui-stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FLIGHT_COUNTS = [50, 200, 1000] as const;
const VIEWPORT = { width: 1280, height: 720 };
const WARM_UP_MS = 1_000;
/** How long opening a run may take before the bench gives up. */
const OPEN_TIMEOUT_MS = 180_000;
const KEYSTROKES = 30;
const KEY_GAP_MS = 150;
/** Seed of the flight runs. */
const SEED = 7;
/**
 * `longSessionSlowdown`: the issue asks that 10,000 deliveries do not slow typing or animation,
 * so CPU per frame and input latency after them may be at most this factor of the same run's
 * early figures, and frames per second at least its inverse.
 */
const TARGET = { longFramesUpToK: 200, blockingMsAtMaxK: 50, rendersPerFlight: 1.25, longSessionSlowdown: 1.2 } as const;

/** One flight scenario's figures. */
interface FlightResult extends FrameStats {
  readonly k: number;
  /** Flights in the air at the run's position, by the engine's count. */
  readonly inFlight: number;
  /** Flight dots on the page when the window opened and when it closed. */
  readonly drawnAtStart: number;
  readonly drawnAtEnd: number;
  readonly rendersPerFlight: number | undefined;
  readonly listRendersPerSecond: number | undefined;
  readonly misses: string[];
}

/** One typing session's figures. */
interface LongResult extends FrameStats {
  readonly delivered: number;
  /** From following the link to a usable page (Play shown), in ms of real time. */
  readonly openMs: number;
  readonly keystrokes: number;
  readonly keystrokeP95Ms: number;
  readonly keystrokeMaxMs: number;
  /** One step back (◀ Back) once typing is over, from the click to the next frame, in ms of real time. */
  readonly stepBackMs: number;
  readonly misses: string[];
}

/** The burst's figures, in ms of real time: no target, a bound on what a hostile or careless link costs. */
interface BurstResult {
  readonly openMs: number;
  /** Playing 1 s of virtual time (nothing happens in it: the burst is over). */
  readonly playMs: number;
  readonly stepBackMs: number;
  /** Dots the diagram draws. */
  readonly drawnDots: number;
  readonly misses: string[];
}

function parseArgs(argv: readonly string[]): { json: boolean; runs: number; dist: string | undefined } {
  const runsAt = argv.indexOf('--runs');
  const distAt = argv.indexOf('--dist');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs takes a whole number from 1 to 20');
  return { json: argv.includes('--json'), runs, dist: distAt >= 0 ? argv[distAt + 1] : undefined };
}

/** Builds the bench build into a fresh temporary directory; its output goes to stderr. */
function buildSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'causal-chat-bench-ui-'));
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'bench', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`);
  return dir;
}

/** Opens a run's link in a fresh 1280×720 page and waits for the app; page errors are collected. */
async function openRun(browser: Browser, base: string, run: BenchRun, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await defineNameHelper(page);
  await page.goto(`${base}${run.query}`, { timeout: OPEN_TIMEOUT_MS });
  await page.getByRole('heading', { level: 1, name: 'Causal Chat' }).waitFor({ timeout: OPEN_TIMEOUT_MS });
  const ignored = page.locator('.notices[role="alert"]');
  if ((await ignored.count()) > 0) throw new Error(`the app refused the run: ${await ignored.first().innerText()}`);
  return page;
}

/** Presses Play once the page has the run (a long run may take a while to open) and lets it settle. */
async function play(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Play', exact: true }).click({ timeout: OPEN_TIMEOUT_MS });
  await page.waitForTimeout(WARM_UP_MS);
}

async function measureFlights(browser: Browser, base: string, k: number, errors: string[]): Promise<FlightResult> {
  const run = buildFlightRun(k, SEED);
  const page = await openRun(browser, base, run, errors);
  try {
    return await recordFlights(page, run, k);
  } catch (error) {
    throw new Error(`K = ${k}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await page.context().close();
  }
}

async function recordFlights(page: Page, run: BenchRun, k: number): Promise<FlightResult> {
  // Attached, not visible: above CROWDED_FLIGHTS the dots are painted on a canvas and a flight's control shows only when focused.
  await page.locator('[data-testid="flight"]').first().waitFor({ state: 'attached', timeout: OPEN_TIMEOUT_MS });
  await play(page);
  const before = await readRenders(page);
  const drawnAtStart = await countFlights(page);
  const cpu = await startCpuClock(page);
  await startRecording(page);
  await page.waitForTimeout(PER_WINDOW_MS);
  const sample = await stopRecording(page);
  const frames = summariseFrames(sample, await cpu());
  const after = await readRenders(page);
  const drawnAtEnd = await countFlights(page);
  if (drawnAtStart < k / 2) throw new Error(`only ${drawnAtStart} flights drawn for K = ${k}`);
  const perFlight = rendersPerFlight(after);
  const misses: string[] = [];
  if (k <= TARGET.longFramesUpToK && frames.longFrames > 0) misses.push('longFrames');
  if (k === Math.max(...FLIGHT_COUNTS) && frames.blockingMsPer5s > TARGET.blockingMsAtMaxK) misses.push('blockingMsPer5s');
  if (perFlight !== undefined && perFlight > TARGET.rendersPerFlight) misses.push('rendersPerFlight');
  return {
    k,
    inFlight: run.inFlight,
    drawnAtStart,
    drawnAtEnd,
    ...frames,
    rendersPerFlight: perFlight,
    listRendersPerSecond: listRendersPerSecond(before, after, sample.windowMs),
    misses,
  };
}

async function measureLongSession(browser: Browser, base: string, delivered: number, errors: string[]): Promise<LongResult> {
  const run = buildLongRun(delivered);
  const started = Date.now();
  const page = await openRun(browser, base, run, errors);
  try {
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: OPEN_TIMEOUT_MS });
    const openMs = Date.now() - started;
    const typing = await recordTyping(page, run);
    return { ...typing, openMs, stepBackMs: await timeStepBack(page) };
  } catch (error) {
    throw new Error(`long session: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await page.context().close();
  }
}

async function measureBurst(browser: Browser, base: string, errors: string[]): Promise<BurstResult> {
  const started = Date.now();
  const page = await openRun(browser, base, buildBurstRun(), errors);
  try {
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: OPEN_TIMEOUT_MS });
    const openMs = Date.now() - started;
    const clock = page.getByTestId('virtual-time');
    const from = Number.parseFloat((await clock.textContent())?.replace(/[^\d.]/g, '') ?? '0');
    const playing = Date.now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(
      (until) => Number.parseFloat(document.querySelector('[data-testid="virtual-time"]')?.textContent?.replace(/[^\d.]/g, '') ?? '0') >= until,
      from + 1,
      { timeout: OPEN_TIMEOUT_MS, polling: 'raf' },
    );
    const playMs = Date.now() - playing;
    const drawnDots = await page.getByTestId('spacetime').locator('[data-testid="event"]').count();
    return { openMs, playMs, stepBackMs: await timeStepBack(page), drawnDots, misses: [] };
  } catch (error) {
    throw new Error(`burst: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await page.context().close();
  }
}

/** Pauses, then times one step back: the whole run is rebuilt by replay and the page redrawn from it. */
async function timeStepBack(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const started = Date.now();
  await page.getByRole('button', { name: '◀ Back' }).click();
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  return Date.now() - started;
}

async function recordTyping(page: Page, run: BenchRun): Promise<Omit<LongResult, 'openMs' | 'stepBackMs'>> {
  await play(page);
  const box = page.getByRole('textbox', { name: 'Message from A' });
  await box.focus();
  const cpu = await startCpuClock(page);
  await startRecording(page);
  const started = Date.now();
  await page.keyboard.type('the quick brown fox jumps over'.slice(0, KEYSTROKES), { delay: KEY_GAP_MS });
  await page.waitForTimeout(Math.max(0, PER_WINDOW_MS - (Date.now() - started)));
  const sample = await stopRecording(page);
  const frames = summariseFrames(sample, await cpu());
  const keystrokeP95Ms = Math.round(quantile(sample.keystrokes, 0.95) * 10) / 10;
  if (sample.keystrokes.length < KEYSTROKES / 2) throw new Error(`only ${sample.keystrokes.length} keystrokes were seen`);
  return {
    delivered: run.delivered,
    ...frames,
    keystrokes: sample.keystrokes.length,
    keystrokeP95Ms,
    keystrokeMaxMs: Math.round(Math.max(...sample.keystrokes) * 10) / 10,
    misses: [],
  };
}

/** The median of each numeric field over repeated runs; lists of misses are merged by majority. */
function medianOf<T extends { misses: string[] }>(results: readonly T[]): T {
  const merged: Record<string, unknown> = { ...results[0] };
  for (const key of new Set(results.flatMap((r) => Object.keys(r)))) {
    const values = results.map((r) => (r as Record<string, unknown>)[key]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) merged[key] = quantile(values, 0.5);
  }
  const counts = new Map<string, number>();
  for (const r of results) for (const miss of r.misses) counts.set(miss, (counts.get(miss) ?? 0) + 1);
  merged.misses = [...counts].filter(([, n]) => n * 2 > results.length).map(([miss]) => miss);
  return merged as T;
}

/** The figures the long session missed against the same run early on. */
function compareSessions(early: LongResult, late: LongResult): string[] {
  const most = TARGET.longSessionSlowdown;
  const misses: string[] = [];
  if (late.cpuMsPerFrame > early.cpuMsPerFrame * most) misses.push('cpuMsPerFrame');
  if (late.keystrokeP95Ms > early.keystrokeP95Ms * most) misses.push('keystrokeP95Ms');
  if (late.fps < early.fps / most) misses.push('fps');
  return misses;
}

function cell(value: number | undefined, miss: boolean, width: number): string {
  const text = `${value === undefined ? 'n/a' : value}${miss ? ' MISS' : ''}`;
  return text.padStart(width);
}

function printTable(flights: readonly FlightResult[], early: LongResult, long: LongResult, burst: BurstResult, runs: number, chrome: string): void {
  console.log(`bench:ui: ${BENCH_NODES} nodes (the classroom view's maximum), ${VIEWPORT.width}×${VIEWPORT.height}, ${PER_WINDOW_MS / 1000} s windows, Chromium ${chrome}, median of ${runs} run(s)`);
  console.log(`targets: no long frames (> 50 ms) at K ≤ ${TARGET.longFramesUpToK}; ≤ ${TARGET.blockingMsAtMaxK} ms blocking per 5 s at K = ${Math.max(...FLIGHT_COUNTS)}; ≤ ${TARGET.rendersPerFlight} FlightDot renders per flight`);
  const head = ['K', 'in flight', 'fps', 'p95 ms', 'p99 ms', 'long frames', 'blocking ms/5s', 'CPU ms/frame', 'renders/flight', 'list renders/s'];
  const widths = [5, 10, 6, 7, 7, 17, 20, 13, 20, 15];
  console.log(head.map((h, i) => h.padStart(widths[i] as number)).join(''));
  for (const r of flights) {
    const miss = (name: string): boolean => r.misses.includes(name);
    console.log(
      [
        String(r.k).padStart(5),
        `${r.drawnAtStart}/${r.drawnAtEnd}`.padStart(10),
        cell(r.fps, false, 6),
        cell(r.p95FrameMs, false, 7),
        cell(r.p99FrameMs, false, 7),
        cell(r.longFrames, miss('longFrames'), 17),
        cell(r.blockingMsPer5s, miss('blockingMsPer5s'), 20),
        cell(r.cpuMsPerFrame, false, 13),
        cell(r.rendersPerFlight, miss('rendersPerFlight'), 20),
        cell(r.listRendersPerSecond, false, 15),
      ].join(''),
    );
  }
  console.log(`typing while playing, ${long.keystrokes} keystrokes into node A's message box; the same run early and after ${long.delivered} deliveries`);
  console.log(`target: after them, CPU per frame and input latency at most ${TARGET.longSessionSlowdown}× the early figures, fps at least 1/${TARGET.longSessionSlowdown}`);
  const rows: [string, LongResult][] = [
    [`at ${early.delivered}`, early],
    [`at ${long.delivered}`, long],
  ];
  for (const [name, r] of rows) {
    const lm = (field: string): string => (r.misses.includes(field) ? ' MISS' : '');
    console.log(
      `  ${name.padEnd(9)} link opened in ${(r.openMs / 1000).toFixed(1)} s, one step back ${r.stepBackMs} ms; input to next frame p95 ${r.keystrokeP95Ms} ms${lm('keystrokeP95Ms')}, max ${r.keystrokeMaxMs} ms; ` +
        `${r.fps} fps${lm('fps')}, p95 ${r.p95FrameMs} ms, ${r.longFrames} long frames, blocking ${r.blockingMsPer5s} ms/5s, CPU ${r.cpuMsPerFrame} ms/frame${lm('cpuMsPerFrame')}`,
    );
  }
  console.log(
    `a burst of ${BURST_MESSAGES.toLocaleString('en')} sends at once on 1–5 ms links (all in one diagram window): link opened in ${(burst.openMs / 1000).toFixed(1)} s, ` +
      `1 s of play took ${burst.playMs} ms, one step back ${burst.stepBackMs} ms; ${burst.drawnDots} dots drawn`,
  );
  console.log('"in flight" = flight dots drawn when the 5 s window opened / when it closed. "CPU ms/frame" = main-thread CPU time per');
  console.log('frame drawn (thread ticks): frame timings stretch when other processes share the cores, this figure barely does.');
}

async function main(): Promise<void> {
  const { json, runs, dist: givenDist } = parseArgs(process.argv.slice(2));
  const dist = givenDist ?? buildSite();
  const { server, url: base } = await serveSite(dist, await findFreePort(Number(process.env.PORT ?? 4182)));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
    const errors: string[] = [];
    const flightRuns: FlightResult[][] = FLIGHT_COUNTS.map(() => []);
    const earlyRuns: LongResult[] = [];
    const longRuns: LongResult[] = [];
    const burstRuns: BurstResult[] = [];
    for (let r = 0; r < runs; r++) {
      for (const [i, k] of FLIGHT_COUNTS.entries()) (flightRuns[i] as FlightResult[]).push(await measureFlights(browser, base, k, errors));
      earlyRuns.push(await measureLongSession(browser, base, EARLY_DELIVERIES, errors));
      longRuns.push(await measureLongSession(browser, base, LONG_DELIVERIES, errors));
      burstRuns.push(await measureBurst(browser, base, errors));
    }
    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.slice(0, 3).join('; ')}`);
    const flights = flightRuns.map((results) => medianOf(results));
    const early = medianOf(earlyRuns);
    const late = medianOf(longRuns);
    const long = { ...late, misses: compareSessions(early, late) };
    const burst = medianOf(burstRuns);
    const rendersCounted = flights.some((f) => f.rendersPerFlight !== undefined);
    if (json) {
      console.log(JSON.stringify({ nodes: BENCH_NODES, viewport: VIEWPORT, windowMs: PER_WINDOW_MS, runs, chromium: browser.version(), targets: TARGET, rendersCounted, flights, early, long, burst }, null, 2));
    } else {
      printTable(flights, early, long, burst, runs, browser.version());
      if (!rendersCounted) console.log('renders were not counted: the build in --dist was not made with --mode bench');
    }
  } finally {
    await browser?.close();
    await stopSite(server);
    if (givenDist === undefined) rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
