import { writeFileSync } from 'node:fs';
import { DEFAULT_NETWORK } from '../sim/network.ts';
import { toShiViz } from '../sim/shiviz.ts';
import { serializeTrace } from '../sim/trace.ts';
import { World } from '../sim/world.ts';
import { parseSimArgs, USAGE } from './args.ts';

const parsed = parseSimArgs(process.argv.slice(2));
if ('help' in parsed) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if ('error' in parsed) {
  process.stderr.write(`sim: ${parsed.error}\n${USAGE}\n`);
  process.exit(2);
}
const { options } = parsed;
const world = new World({
  nodeCount: options.nodes,
  seed: options.seed,
  policy: options.policy,
  network: { ...DEFAULT_NETWORK, delay: options.delay, lossRate: options.lossRate, dupRate: options.dupRate, reliable: options.reliable },
  workload: { messages: options.messages, meanGapMs: options.meanGapMs },
});
world.runToQuiet();
const text = options.format === 'shiviz' ? toShiViz(world.toTrace()) : serializeTrace(world.toTrace());
try {
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
} catch (error) {
  process.stderr.write(`sim: cannot write ${options.out ?? 'stdout'}: ${(error as Error).message}\n`);
  process.exit(1);
}
const s = world.stats;
process.stderr.write(
  `sim: ${options.nodes} nodes, ${s.sent} messages, ${s.deliveries} deliveries, ${s.totalBuffered} buffered (peak ${s.peakBuffered}), ` +
    `${s.duplicates} duplicates discarded, ${s.drops} drops, ${s.retransmissions} retransmissions, ${s.violations} causal violations, ` +
    `policy ${options.policy}, seed ${options.seed}, quiet at t=${world.now} ms` +
    `${options.out ? `, trace in ${options.out}` : ''}\n`,
);
