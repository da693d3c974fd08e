import { nodeNames } from './names.ts';
import { checkCommands, checkNetwork, checkPosition, checkRunBasics, checkWorkload, isError, isRecord, preview, replayRun, RUN_LIMITS, type Checked, type RunRecord } from './run.ts';
import { serializeTrace, type Trace, type TraceEvent } from './trace.ts';
import { World, type WorldConfig } from './world.ts';

/** The largest trace file the importer reads, in characters (5 MB of ASCII). */
export const MAX_TRACE_CHARS = 5 * 1024 * 1024;
/** The most events an imported trace may hold. */
export const MAX_TRACE_EVENTS = 200_000;

/** A trace read back from a file, with the run that reproduces it. */
export interface ImportedTrace {
  readonly trace: Trace;
  readonly run: RunRecord;
}

/**
 * Writes a run as a `causal-chat-trace` v1 file: its trace, then three fields that v1 readers
 * ignore and this importer uses to replay exactly: `commands` (the logged commands, one per
 * line), `processed` and `now` (where the run stood, which may be past its last event: the
 * last acknowledgements leave none). The trace is the run's replay unless the caller has it.
 */
export function serializeRunTrace(run: RunRecord, trace: Trace = replayRun(run).toTrace()): string {
  const head = serializeTrace(trace).replace(/\n}\n$/, '');
  const lines = run.commands.map((logged) => `    ${JSON.stringify(logged)}`);
  const commands = lines.length > 0 ? `[\n${lines.join(',\n')}\n  ]` : '[]';
  return `${head},\n  "commands": ${commands},\n  "processed": ${run.processed},\n  "now": ${run.now}\n}\n`;
}

/** JSON with object keys sorted, so events compare equal whatever order a file lists keys in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Two events as text, each cut to the same stretch around where they first differ, so the difference shows. */
function whereTheyDiffer(theirs: unknown, mine: unknown): [string, string] {
  const a = canonical(theirs);
  const b = canonical(mine);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  const from = Math.max(0, same - 24);
  const cut = (text: string): string => `${from > 0 ? '…' : ''}${text.slice(from, from + 57)}${text.length > from + 57 ? '…' : ''}`;
  return [cut(a), cut(b)];
}

/** Reads the config of a trace into an engine config, or explains what is wrong. */
function readConfig(file: Record<string, unknown>, maxNodes: number): Checked<WorldConfig> {
  const nodes = file.nodes;
  if (!Array.isArray(nodes)) return { error: 'The trace has no "nodes" list.' };
  const config = file.config;
  if (!isRecord(config)) return { error: 'The trace has no "config" object.' };
  const basics = checkRunBasics(nodes.length, config.seed, config.policy, maxNodes);
  if (isError(basics)) return { error: `The trace cannot be shown: ${basics.error}.` };
  const names = nodeNames(basics.nodeCount);
  if (nodes.some((name, i) => name !== names[i])) return { error: `The trace's nodes ${preview(nodes)} are not named ${names.join(', ')} in order.` };
  const network = checkNetwork({ ...config, links: config.links ?? {} }, basics.nodeCount, 'config');
  if (isError(network)) return { error: `The trace's settings are wrong: ${network.error}.` };
  const workload = checkWorkload(config.messages, config.meanGapMs);
  if (isError(workload)) return { error: `The trace's settings are wrong: ${workload.error}.` };
  return workload ? { ...basics, network, workload } : { ...basics, network };
}

/**
 * Rebuilds the commands of a trace that has none (written by another tool, or trimmed) from
 * its `send` (unless the engine's workload made them), `cut`, `heal` and `network` events, applying each after the events listed
 * before it and after every event scheduled earlier than its time.
 */
function reconstructRun(config: WorldConfig, events: readonly Record<string, unknown>[]): Checked<RunRecord> {
  const world = new World(config);
  const index = new Map(world.names.map((name, i) => [name, i]));
  for (let k = 0; k < events.length; k++) {
    const event = events[k] as Record<string, unknown>;
    const { type, t } = event;
    if (type !== 'send' && type !== 'cut' && type !== 'heal' && type !== 'network') continue;
    if (type === 'send' && config.workload) continue;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < world.now || t > RUN_LIMITS.maxTimeMs) return { error: `Event ${k + 1} has a time ${preview(t)} out of order.` };
    while (world.trace.length < k && world.step());
    while (world.nextEventAt !== undefined && world.nextEventAt < t && world.trace.length <= k && world.step());
    if (world.commands.length >= RUN_LIMITS.maxCommands) return { error: `The trace has more than ${RUN_LIMITS.maxCommands} sends and link changes to replay.` };
    world.now = Math.max(world.now, t);
    const from = index.get(event.node as string);
    if (type === 'send') {
      if (from === undefined || typeof event.text !== 'string' || event.text.length === 0 || event.text.length > RUN_LIMITS.maxTextLength) {
        return { error: `Event ${k + 1} is a send without a known node and a text of 1 to ${RUN_LIMITS.maxTextLength} characters.` };
      }
      world.apply({ kind: 'send', node: from, text: event.text });
    } else if (type === 'network') {
      const network = checkNetwork({ links: {}, ...(isRecord(event.network) ? event.network : {}) }, world.names.length, `event ${k + 1}`);
      if (isError(network)) return { error: `Event ${k + 1} has wrong network settings: ${network.error}.` };
      world.apply({ kind: 'network', network });
    } else {
      const to = index.get(event.to as string);
      if (from === undefined || to === undefined || from === to) return { error: `Event ${k + 1} names a link between nodes that do not exist.` };
      world.apply({ kind: type, from, to });
    }
  }
  while (world.trace.length < events.length && world.step());
  return { config, commands: world.commands.slice(), processed: world.processed, now: world.now };
}

/** The run from the file's own command log, positioned by `processed` and `now` when given. */
function runFromCommands(config: WorldConfig, file: Record<string, unknown>, eventCount: number): Checked<RunRecord> {
  const commands = checkCommands(file.commands, config.nodeCount, 'commands');
  if (isError(commands)) return { error: `The trace's command log is wrong: ${commands.error}.` };
  if (file.processed !== undefined || file.now !== undefined) {
    const position = checkPosition(file.processed, file.now, commands);
    if (isError(position)) return { error: `The trace's position is wrong: ${position.error}.` };
    return { config, commands, ...position };
  }
  const world = new World(config);
  for (const logged of commands) {
    while (world.processed < logged.after && world.step());
    world.now = Math.max(world.now, logged.at);
    world.apply(logged.command);
  }
  while (world.trace.length < eventCount && world.step());
  return { config, commands, processed: world.processed, now: world.now };
}

/**
 * True for a network event written without `links`, as files did before network events
 * carried each link's own settings: such a file still matches its replay (its commands, or
 * its config and events, hold the links).
 */
function writtenWithoutLinks(event: Record<string, unknown> | undefined): boolean {
  return event?.type === 'network' && isRecord(event.network) && !('links' in event.network);
}

/** A network event as it was written before it carried `links`. */
function withoutLinks(event: TraceEvent | undefined): TraceEvent | undefined {
  if (event?.type !== 'network') return event;
  const { links: _links, ...network } = event.network;
  return { ...event, network };
}

function readUnchecked(text: string, maxNodes: number): Checked<ImportedTrace> {
  if (text.length > MAX_TRACE_CHARS) return { error: `The file is ${(text.length / 1024 / 1024).toFixed(1)} MB; traces of up to ${MAX_TRACE_CHARS / 1024 / 1024} MB can be imported.` };
  if (text.trim() === '') return { error: 'The file is empty.' };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    return { error: `The file is not valid JSON, perhaps cut short (${(error as Error).message.slice(0, 80)}).` };
  }
  if (!isRecord(file)) return { error: 'The file is JSON but not a trace: it should be an object with "format": "causal-chat-trace".' };
  if (file.format !== 'causal-chat-trace') return { error: `The file is not a causal-chat trace: its format is ${preview(file.format)}.` };
  if (file.version !== 1) return { error: `The trace is version ${preview(file.version)}; only version 1 can be read.` };
  const config = readConfig(file, maxNodes);
  if (isError(config)) return config;
  const events = file.events;
  if (!Array.isArray(events)) return { error: 'The trace has no "events" list.' };
  if (events.length > MAX_TRACE_EVENTS) return { error: `The trace has ${events.length} events; at most ${MAX_TRACE_EVENTS} can be imported.` };
  const bad = events.findIndex((e: unknown) => !isRecord(e) || typeof e.type !== 'string' || typeof e.t !== 'number');
  if (bad >= 0) return { error: `Event ${bad + 1} is not an event with a time and a type.` };
  const records = events as Record<string, unknown>[];
  const run = file.commands === undefined ? reconstructRun(config, records) : runFromCommands(config, file, records.length);
  if (isError(run)) return run;
  const replayed = replayRun(run).toTrace();
  const length = Math.max(replayed.events.length, records.length);
  for (let k = 0; k < length; k++) {
    const theirs = records[k];
    const mine = writtenWithoutLinks(theirs) ? withoutLinks(replayed.events[k]) : replayed.events[k];
    if (mine !== undefined && theirs !== undefined && canonical(mine) === canonical(theirs)) continue;
    let what: string;
    if (theirs === undefined) what = `ends after ${records.length} events, but the replay goes on with ${preview(mine)}`;
    else if (mine === undefined) what = `has ${preview(theirs)} as event ${k + 1}, which the replay never reaches`;
    else {
      const [written, replay] = whereTheyDiffer(theirs, mine);
      what = `has ${written} as event ${k + 1}, but the replay has ${replay}`;
    }
    return { error: `The trace does not match a replay of its ${file.commands === undefined ? 'sends' : 'commands'}: it ${what}.` };
  }
  return { trace: { ...replayed, events: replayed.events as TraceEvent[] }, run };
}

/**
 * Reads a trace file. Never throws: returns the trace and the run that replays it exactly,
 * or an error naming the problem. Every event must match the replay, so what the views
 * show comes from the engine, never from the file's text.
 */
export function importTrace(text: unknown, maxNodes: number = RUN_LIMITS.maxNodes): Checked<ImportedTrace> {
  if (typeof text !== 'string') return { error: 'The file could not be read as text.' };
  try {
    return readUnchecked(text, maxNodes);
  } catch (error) {
    return { error: `The trace could not be replayed: ${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'}.` };
  }
}
