// Engine benchmark: `npm run bench [-- --full] [-- --tail] [-- --json] [-- --nodes 8,64] [-- --messages 10000]`.
// Runs the project's engine, a null engine (network work only: the floor) and a naive
// reference (string-keyed clocks, full buffer rescan) on one seeded schedule per cell of the
// matrix, checks that every engine delivered all M·(N−1) messages with the same hashes, and
// prints throughput, clock comparisons, hold-back sizes and heap use against the targets.
import { runSchedule, type BenchEngine, type DriverResult, type Schedule, type Tally } from './engine-driver.ts';
import { NaiveEngine, NullEngine, ProjectEngine } from './engines.ts';

const SEED = 20261124;
/**
 * Ten sends per virtual millisecond across the group, so about 500 messages are in flight at
 * once and most arrivals find a causal predecessor still missing: a stress test of hold-back.
 */
const MEAN_GAP_MS = 0.1;
const DEFAULT_NODES = [8, 32, 64, 128];
const DEFAULT_MESSAGES = [10_000, 100_000];
const FULL_MESSAGES = 1_000_000;
/**
 * The naive reference runs once per N, on a prefix of the schedule sized from a short
 * calibration run to take about this long, so the default run stays near 90 s.
 */
const NAIVE_BUDGET_MS = 12_000;
const NAIVE_CALIBRATION_MESSAGES = 400;

const TARGETS = {
  throughputN8: 7e6,
  throughputN64: 3.5e6,
  nullShareN8: 0.7,
  naiveRatioUniform: 30,
  naiveRatioTail: 800,
  /** At 1M messages, throughput stays at least this share of the 100k figure. */
  noCollapse: 0.8,
};

type EngineName = 'project' | 'null' | 'naive';
const ENGINES: Record<EngineName, new (size: number, tally: Tally) => BenchEngine> = {
  project: ProjectEngine,
  null: NullEngine,
  naive: NaiveEngine,
};

interface Row {
  readonly engine: EngineName;
  readonly nodes: number;
  readonly messages: number;
  readonly tail: boolean;
  readonly deliveriesPerSec: number;
  readonly nsPerDelivery: number;
  readonly comparisonsPerDelivery: number;
  readonly peakHoldBack: number;
  readonly totalHoldBack: number;
  readonly heapMB: number;
  /** Throughput as a share of the null engine's on the same schedule. */
  readonly ofNullFloor: number | undefined;
  /** Throughput over the naive reference's, both on the naive's (capped) schedule. */
  readonly vsNaive: number | undefined;
  readonly hashes: { readonly ids: number; readonly stamps: number };
}

function parseList(flag: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(flag);
  if (at === -1) return fallback;
  const values = (process.argv[at + 1] ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 2)) {
    console.error(`${flag} takes a comma-separated list of integers ≥ 2`);
    process.exit(2);
  }
  return values;
}

const json = process.argv.includes('--json');
const tail = process.argv.includes('--tail');
const nodesList = parseList('--nodes', DEFAULT_NODES);
const messagesList = parseList('--messages', process.argv.includes('--full') ? [...DEFAULT_MESSAGES, FULL_MESSAGES] : DEFAULT_MESSAGES);
if (nodesList.some((n) => n > 255)) {
  console.error('--nodes: at most 255 nodes');
  process.exit(2);
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = (): number => process.memoryUsage().heapUsed;

function run(engine: EngineName, schedule: Schedule): DriverResult {
  gc?.();
  const Engine = ENGINES[engine];
  return runSchedule(schedule, (tally) => new Engine(schedule.nodes, tally), heapUsed);
}

const failures: string[] = [];

function check(engine: EngineName, schedule: Schedule, result: DriverResult, reference?: DriverResult): void {
  const where = `${engine} N=${schedule.nodes} M=${schedule.messages}${schedule.tail ? ' tail' : ''}`;
  const expected = schedule.messages * (schedule.nodes - 1);
  if (result.deliveries !== expected) failures.push(`${where}: delivered ${result.deliveries} of ${expected}`);
  if (!reference) return;
  if (result.ids !== reference.ids) failures.push(`${where}: delivery hash differs from the project engine's`);
  if (engine !== 'null' && result.stamps !== reference.stamps) failures.push(`${where}: timestamp hash differs from the project engine's`);
}

function toRow(engine: EngineName, schedule: Schedule, result: DriverResult, floor?: DriverResult, naiveRatio?: number): Row {
  const seconds = result.elapsedMs / 1000;
  return {
    engine,
    nodes: schedule.nodes,
    messages: schedule.messages,
    tail: schedule.tail,
    deliveriesPerSec: result.deliveries / seconds,
    nsPerDelivery: (result.elapsedMs * 1e6) / result.deliveries,
    comparisonsPerDelivery: result.comparisons / result.deliveries,
    peakHoldBack: result.peakBuffered,
    totalHoldBack: result.totalBuffered,
    heapMB: Math.max(0, result.heapGrowthBytes) / 1e6,
    ofNullFloor: floor ? floor.elapsedMs / result.elapsedMs : undefined,
    vsNaive: naiveRatio,
    hashes: { ids: result.ids >>> 0, stamps: result.stamps >>> 0 },
  };
}

// Warm the JIT on every engine so the first measured cell is not the slowest.
for (const engine of Object.keys(ENGINES) as EngineName[]) run(engine, { nodes: 8, messages: 3_000, seed: 1, meanGapMs: MEAN_GAP_MS, tail });

/** How many messages the naive reference can get through in its budget at this N (at most `most`). */
function sizeNaiveRun(nodes: number, most: number): number {
  const calibration = Math.min(most, NAIVE_CALIBRATION_MESSAGES);
  const probe = run('naive', { nodes, messages: calibration, seed: SEED, meanGapMs: MEAN_GAP_MS, tail });
  // A longer run holds more back, and the naive engine's cost grows with what it holds: allow 3×.
  const perMessageMs = (3 * probe.elapsedMs) / calibration;
  return Math.max(calibration, Math.min(most, Math.floor(NAIVE_BUDGET_MS / perMessageMs)));
}

const rows: Row[] = [];
for (const nodes of nodesList) {
  const naiveMessages = sizeNaiveRun(nodes, Math.max(...messagesList));
  const naiveSchedule: Schedule = { nodes, messages: naiveMessages, seed: SEED, meanGapMs: MEAN_GAP_MS, tail };
  const naive = run('naive', naiveSchedule);
  const projectOnNaive = run('project', naiveSchedule);
  check('naive', naiveSchedule, naive, projectOnNaive);
  const naiveRatio = naive.elapsedMs / projectOnNaive.elapsedMs;
  rows.push(toRow('naive', naiveSchedule, naive));
  for (const messages of messagesList) {
    const schedule: Schedule = { nodes, messages, seed: SEED, meanGapMs: MEAN_GAP_MS, tail };
    const project = run('project', schedule);
    const floor = run('null', schedule);
    check('project', schedule, project);
    check('null', schedule, floor, project);
    rows.push(toRow('project', schedule, project, floor, naiveRatio));
    rows.push(toRow('null', schedule, floor));
    if (!json) console.error(`done N=${nodes} M=${messages}`);
  }
}

interface Verdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}
const verdicts: Verdict[] = [];
const projectRows = rows.filter((r) => r.engine === 'project');
const largest = (n: number): Row | undefined => projectRows.filter((r) => r.nodes === n).sort((a, b) => b.messages - a.messages)[0];
const n8 = largest(8);
const n64 = largest(64);
if (n8) {
  verdicts.push({ target: '≥ 7.0M deliveries/s at N=8', measured: `${(n8.deliveriesPerSec / 1e6).toFixed(2)}M/s`, met: n8.deliveriesPerSec >= TARGETS.throughputN8 });
  verdicts.push({ target: '≥ 70% of the null floor at N=8', measured: `${((n8.ofNullFloor ?? 0) * 100).toFixed(0)}%`, met: (n8.ofNullFloor ?? 0) >= TARGETS.nullShareN8 });
}
if (n64) verdicts.push({ target: '≥ 3.5M deliveries/s at N=64', measured: `${(n64.deliveriesPerSec / 1e6).toFixed(2)}M/s`, met: n64.deliveriesPerSec >= TARGETS.throughputN64 });
const closest = projectRows.reduce<Row | undefined>((worst, r) => (!worst || r.comparisonsPerDelivery / (r.nodes + 1) > worst.comparisonsPerDelivery / (worst.nodes + 1) ? r : worst), undefined);
if (closest) {
  const limit = closest.nodes + 1;
  const measured = `closest to the limit: ${closest.comparisonsPerDelivery.toFixed(2)} at N=${closest.nodes} M=${closest.messages} (N+1 = ${limit})`;
  verdicts.push({ target: 'clock comparisons per delivery ≤ N+1', measured, met: closest.comparisonsPerDelivery <= limit });
}
const naiveTarget = tail ? TARGETS.naiveRatioTail : TARGETS.naiveRatioUniform;
const worstRatio = Math.min(...projectRows.map((r) => r.vsNaive ?? Infinity));
verdicts.push({ target: `≥ ${naiveTarget}× the naive reference (${tail ? 'tail' : 'uniform'} delays)`, measured: `worst ${worstRatio.toFixed(0)}×`, met: worstRatio >= naiveTarget });
for (const nodes of nodesList) {
  const million = projectRows.find((r) => r.nodes === nodes && r.messages === FULL_MESSAGES);
  const hundred = projectRows.find((r) => r.nodes === nodes && r.messages === 100_000);
  if (!million || !hundred) continue;
  const share = million.deliveriesPerSec / hundred.deliveriesPerSec;
  verdicts.push({ target: `1M messages at N=${nodes} keep ≥ 80% of the 100k throughput`, measured: `${(share * 100).toFixed(0)}%, heap +${million.heapMB.toFixed(0)} MB`, met: share >= TARGETS.noCollapse });
}

if (json) {
  console.log(JSON.stringify({ seed: SEED, meanGapMs: MEAN_GAP_MS, tail, node: process.version, rows, verdicts, failures }, null, 2));
} else {
  const header = ['engine', 'N', 'M', 'deliv/s', 'ns/deliv', 'cmp/deliv', 'peak hb', 'total hb', 'heap MB', '% null', '× naive'];
  const lines = rows.map((r) => [
    r.engine,
    String(r.nodes),
    String(r.messages),
    `${(r.deliveriesPerSec / 1e6).toFixed(2)}M`,
    fmt(r.nsPerDelivery, 0),
    fmt(r.comparisonsPerDelivery, 2),
    String(r.peakHoldBack),
    String(r.totalHoldBack),
    fmt(r.heapMB),
    r.ofNullFloor === undefined ? '' : `${(r.ofNullFloor * 100).toFixed(0)}%`,
    r.vsNaive === undefined ? '' : `${r.vsNaive.toFixed(0)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const print = (cells: string[]): void => console.log(cells.map((c, i) => (i < 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  '));
  console.log(`Engine benchmark: seed ${SEED}, Poisson sends every ${MEAN_GAP_MS} ms on average, delays uniform 1–100 ms${tail ? ', 1% of links 20× slower' : ''}; Node ${process.version}`);
  print(header);
  for (const line of lines) print(line);
  console.log('');
  for (const v of verdicts) console.log(`${v.met ? 'MET ' : 'MISS'}  ${v.target}: ${v.measured}`);
  if (tail) console.log('Under tail delays the naive reference costs more per delivery the longer it runs (its buffers keep filling), so its ratio on a capped run is a lower bound.');
}
function fmt(v: number | undefined, digits = 1): string {
  return v === undefined ? '' : v.toFixed(digits);
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
