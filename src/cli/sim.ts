import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_NETWORK } from '../sim/network.ts';
import { RUN_LIMITS } from '../sim/run.ts';
import { toShiViz } from '../sim/shiviz.ts';
import { MAX_TRACE_CHARS, serializeRunTrace } from '../sim/trace-file.ts';
import { World } from '../sim/world.ts';
import { MAX_NODES } from '../store/settings.ts';
import { parseSimArgs, USAGE } from './args.ts';

/** Says what went wrong in one line and exits with `status`. */
function fail(message: string, status: number): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(status);
}

const parsed = parseSimArgs(process.argv.slice(2));
if ('help' in parsed) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if ('error' in parsed) fail(`${parsed.error} (--help lists the options)`, 2);
const { options } = parsed;
// `npm run sim` runs from the project's root; a relative --out is meant from where it was typed.
// (INIT_CWD reaches every child of npm, so only this script's own run reads it.)
const typedIn = process.env.npm_lifecycle_event === 'sim' ? process.env.INIT_CWD : undefined;
const out = options.out === undefined ? undefined : resolve(typedIn ?? process.cwd(), options.out);
const world = new World({
  nodeCount: options.nodes,
  seed: options.seed,
  policy: options.policy,
  network: { ...DEFAULT_NETWORK, delay: options.delay, lossRate: options.lossRate, dupRate: options.dupRate, reliable: options.reliable },
  workload: { messages: options.messages, meanGapMs: options.meanGapMs },
});
world.runToQuiet();
// The JSON trace says where the run went quiet, so the app opens it there, not at its last event.
const run = { config: world.config, commands: world.commands, processed: world.processed, now: world.now };
const text = options.format === 'shiviz' ? toShiViz(world.toTrace()) : serializeRunTrace(run, world.toTrace());

/** The summary, once the trace is written; and what keeps the app from opening it, if anything. */
function summarise(): void {
  const s = world.stats;
  process.stderr.write(
    `sim: ${options.nodes} nodes, ${s.sent} messages, ${s.deliveries} deliveries, ${s.totalBuffered} buffered (peak ${s.peakBuffered}), ` +
      `${s.duplicates} duplicates discarded, ${s.drops} drops, ${s.retransmissions} retransmissions, ${s.violations} causal violations, ` +
      `policy ${options.policy}, seed ${options.seed}, quiet at t=${world.now} ms` +
      `${out ? `, trace in ${out}` : ''}\n`,
  );
  if (options.format !== 'json') return;
  const refused = [
    options.nodes > MAX_NODES ? `${options.nodes} nodes (it shows 2 to ${MAX_NODES})` : undefined,
    options.messages > RUN_LIMITS.maxWorkloadMessages ? `${options.messages} messages (it replays at most ${RUN_LIMITS.maxWorkloadMessages})` : undefined,
    text.length > MAX_TRACE_CHARS ? `${(text.length / 1024 / 1024).toFixed(1)} MB (it opens at most ${MAX_TRACE_CHARS / 1024 / 1024} MB)` : undefined,
    world.now > RUN_LIMITS.maxTimeMs ? `quiet at t=${world.now} ms (it replays up to t=${RUN_LIMITS.maxTimeMs} ms)` : undefined,
    world.processed > RUN_LIMITS.maxProcessed ? `${world.processed} events (it replays at most ${RUN_LIMITS.maxProcessed})` : undefined,
  ].filter((reason) => reason !== undefined);
  if (refused.length > 0) process.stderr.write(`sim: the app cannot open this trace: ${refused.join(', ')}\n`);
}

if (out) {
  try {
    writeFileSync(out, text);
  } catch (error) {
    fail(`cannot write ${out}: ${(error as Error).message}`, 1);
  }
  summarise();
} else {
  // A closed pipe (| head) or a full disk reports on the stream, after the write returns.
  process.stdout.on('error', (error) => fail(`cannot write the trace to stdout: ${error.message}`, 1));
  process.stdout.write(text, (error) => {
    if (error) fail(`cannot write the trace to stdout: ${error.message}`, 1);
    summarise();
  });
}
