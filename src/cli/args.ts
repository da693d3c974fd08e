import { DELIVERY_POLICIES, type DeliveryPolicy } from '../sim/message.ts';
import { DEFAULT_NETWORK, parseDelay, type DelayDistribution } from '../sim/network.ts';

/** The options of `npm run sim`. */
export interface SimOptions {
  readonly nodes: number;
  readonly messages: number;
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly delay: DelayDistribution;
  readonly meanGapMs: number;
  /** Probability that a transmission is lost, 0–1. */
  readonly lossRate: number;
  /** Probability that a transmission arrives twice, 0–1. */
  readonly dupRate: number;
  readonly reliable: boolean;
  /** `json` writes the causal-chat-trace file, `shiviz` a ShiViz log. */
  readonly format: 'json' | 'shiviz';
  readonly out: string | undefined;
}

/**
 * What a CLI run's trace may hold in memory (the app opens far less; see trace-file.ts), as
 * estimated before the run: its events, and the entries of the clocks they carry (a send and
 * each delivery carry one of N entries). 8 nodes and 100,000 messages make about 1.6 million
 * events and take some 1.5 GB of memory to run and write.
 */
const MAX_RUN_EVENTS = 2_000_000;
const MAX_RUN_CLOCK_ENTRIES = 50_000_000;

/** The usage text printed by `--help` and after a bad argument. */
export const USAGE = `usage: npm run -s sim -- [options]
  --nodes N        number of nodes, 2-702 (default 3)
  --messages M     messages to send in all (default 20)
  --seed S         integer seed, 0-4294967295 (default 1)
  --policy P       causal | fifo | none | total (default causal)
  --delay D        N (fixed ms), MIN-MAX (uniform) or exp:MIN+MEAN (default 300-2500)
  --gap MS         mean gap between sends in ms (default 500)
  --loss P         probability a transmission is lost, 0-1 (default 0)
  --dup P          probability a transmission arrives twice, 0-1 (default 0)
  --reliable on|off  acknowledge and retransmit until acknowledged (default off)
  --format F       json (causal-chat-trace, default) or shiviz (a ShiViz log)
  --out FILE       write the trace to FILE instead of stdout (- for stdout)
  --help           show this text
The trace is built in memory: runs whose trace would pass about ${MAX_RUN_EVENTS.toLocaleString('en')} events
or ${MAX_RUN_CLOCK_ENTRIES.toLocaleString('en')} clock entries in all are refused.`;

/** A parse result: options, a request for help, or a message explaining what is wrong. */
export type ParsedArgs = { readonly options: SimOptions } | { readonly help: true } | { readonly error: string };

const MAX_NODES = 702;
const MAX_MESSAGES = 10_000_000;

/**
 * Refuses a run whose trace would not fit in memory, by an estimate: per message a send, N−1
 * transmissions and N deliveries. Each transmission counts with the copies the network may
 * make and, with reliable delivery, the resends a lossy link needs (1 / (1 − loss) tries).
 */
function checkTraceSize(nodes: number, messages: number, dupRate: number, tries: number): string | undefined {
  const events = messages * (1 + (nodes - 1) * (1 + dupRate) * tries + nodes);
  const entries = messages * (1 + nodes) * nodes;
  if (events <= MAX_RUN_EVENTS && entries <= MAX_RUN_CLOCK_ENTRIES) return undefined;
  const what =
    events > MAX_RUN_EVENTS
      ? `about ${Math.round(events).toLocaleString('en')} events (at most ${MAX_RUN_EVENTS.toLocaleString('en')})`
      : `about ${entries.toLocaleString('en')} clock entries (at most ${MAX_RUN_CLOCK_ENTRIES.toLocaleString('en')})`;
  return `${nodes} nodes and ${messages} messages would make a trace of ${what}, more than fits in memory; use fewer --messages or --nodes`;
}

function parseInteger(name: string, text: string | undefined, min: number, max: number): number | string {
  if (text === undefined || !/^\d+$/.test(text)) return `--${name} needs a whole number, got ${text === undefined ? 'nothing' : `"${text}"`}`;
  const value = Number(text);
  if (value < min || value > max) return `--${name} must be between ${min} and ${max}, got ${text}`;
  return value;
}

/** Parses a probability written as a decimal from 0 to 1 (`0`, `0.25`, `.5`, `1`), else explains why not. */
function parseProbability(name: string, text: string | undefined): number | string {
  if (text === undefined || !/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return `--${name} needs a decimal from 0 to 1, got ${text === undefined ? 'nothing' : `"${text}"`}`;
  }
  const value = Number(text);
  if (value > 1) return `--${name} must be between 0 and 1, got ${text}`;
  return value;
}

const KNOWN_FLAGS = new Set(['--nodes', '--messages', '--seed', '--policy', '--delay', '--gap', '--loss', '--dup', '--reliable', '--format', '--out']);

/** Parses command-line arguments (without the node and script paths). */
export function parseSimArgs(argv: readonly string[]): ParsedArgs {
  let nodes = 3;
  let messages = 20;
  let seed = 1;
  let policy: DeliveryPolicy = 'causal';
  let delay: DelayDistribution = DEFAULT_NETWORK.delay;
  let meanGapMs = 500;
  let lossRate = 0;
  let dupRate = 0;
  let reliable = false;
  let format: SimOptions['format'] = 'json';
  let out: string | undefined;
  const given = new Set<string>();
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!flag.startsWith('--') || !KNOWN_FLAGS.has(flag)) return { error: `unknown option "${arg}"` };
    if (given.has(flag)) return { error: `${flag} is given twice` };
    given.add(flag);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    // "--out --nodes 4" means a value was left out, not a file called --nodes.
    if (eq < 0 && value?.startsWith('--')) return { error: `${flag} needs a value, got the option "${value}"` };
    let parsed: number | string;
    switch (flag) {
      case '--nodes':
        parsed = parseInteger('nodes', value, 2, MAX_NODES);
        if (typeof parsed === 'string') return { error: parsed };
        nodes = parsed;
        break;
      case '--messages':
        parsed = parseInteger('messages', value, 0, MAX_MESSAGES);
        if (typeof parsed === 'string') return { error: parsed };
        messages = parsed;
        break;
      case '--seed':
        parsed = parseInteger('seed', value, 0, 0xffffffff);
        if (typeof parsed === 'string') return { error: parsed };
        seed = parsed;
        break;
      case '--gap':
        parsed = parseInteger('gap', value, 0, 3_600_000);
        if (typeof parsed === 'string') return { error: parsed };
        meanGapMs = parsed;
        break;
      case '--loss':
        parsed = parseProbability('loss', value);
        if (typeof parsed === 'string') return { error: parsed };
        lossRate = parsed;
        break;
      case '--dup':
        parsed = parseProbability('dup', value);
        if (typeof parsed === 'string') return { error: parsed };
        dupRate = parsed;
        break;
      case '--reliable':
        if (value !== 'on' && value !== 'off') return { error: `--reliable must be on or off, got ${value === undefined ? 'nothing' : `"${value}"`}` };
        reliable = value === 'on';
        break;
      case '--policy':
        if (!DELIVERY_POLICIES.includes(value as DeliveryPolicy)) {
          return { error: `--policy must be one of ${DELIVERY_POLICIES.join(', ')}, got ${value === undefined ? 'nothing' : `"${value}"`}` };
        }
        policy = value as DeliveryPolicy;
        break;
      case '--delay': {
        const result = value === undefined ? { error: '--delay needs a value' } : parseDelay(value);
        if ('error' in result) return { error: result.error.startsWith('--') ? result.error : `--delay: ${result.error}` };
        delay = result;
        break;
      }
      case '--format':
        if (value !== 'json' && value !== 'shiviz') return { error: `--format must be json or shiviz, got ${value === undefined ? 'nothing' : `"${value}"`}` };
        format = value;
        break;
      case '--out':
        if (value === undefined || value === '') return { error: '--out needs a file name' };
        out = value === '-' ? undefined : value;
        break;
    }
  }
  if (reliable && lossRate === 1) return { error: '--loss must be below 1 with --reliable on, or nothing ever arrives and the run never ends' };
  const tooBig = checkTraceSize(nodes, messages, dupRate, reliable ? 1 / (1 - lossRate) : 1);
  if (tooBig) return { error: tooBig };
  return { options: { nodes, messages, seed, policy, delay, meanGapMs, lossRate, dupRate, reliable, format, out } };
}
