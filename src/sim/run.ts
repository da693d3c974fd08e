import { DELIVERY_POLICIES, type DeliveryPolicy } from './message.ts';
import { linkKey, MAX_DELAY_MS, type DelayDistribution, type LinkSettings, type NetworkConfig } from './network.ts';
import { replayWorld, type Command, type LoggedCommand, type World, type WorldConfig } from './world.ts';

/** A run as saved, shared or exported: its config, its command log and how far it had got. */
export interface RunRecord {
  readonly config: WorldConfig;
  readonly commands: readonly LoggedCommand[];
  /** Scheduled events processed. */
  readonly processed: number;
  /** Virtual time in milliseconds, at or after the last processed event. */
  readonly now: number;
}

/**
 * What a run had recorded beyond its position after a rewind: the commands given later, to
 * replay when it goes forward again, and the latest virtual time it had reached.
 */
export interface RecordedFuture {
  readonly commands: readonly LoggedCommand[];
  readonly horizon: number;
}

/** Bounds on what a run read from outside (a file, a link, storage) may ask of the engine. */
export const RUN_LIMITS = {
  maxNodes: 26,
  maxCommands: 5_000,
  maxTextLength: 500,
  /** Latest virtual time a command or position may name: about 11.5 virtual days. */
  maxTimeMs: 1_000_000_000,
  /** Scheduled events a position may name: a few seconds of replay at worst, far above a lesson. */
  maxProcessed: 300_000,
  maxWorkloadMessages: 5_000,
} as const;

/** A value checked so far, or what is wrong with it. */
export type Checked<T> = T | { readonly error: string };

/** True when `value` is an error result rather than a value. */
export function isError<T>(value: Checked<T>): value is { readonly error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** Shortens a value for an error message, so hostile input cannot flood the page. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** True for a whole number of milliseconds a delay may take. */
function isDelayMs(v: unknown): v is number {
  return isWhole(v, 1, MAX_DELAY_MS);
}

/** Checks a delay distribution: whole milliseconds from 1 to `MAX_DELAY_MS`. */
export function checkDelay(value: unknown, where: string): Checked<DelayDistribution> {
  if (!isRecord(value)) return { error: `${where} is not a delay` };
  if (value.kind === 'fixed' && isDelayMs(value.ms)) return { kind: 'fixed', ms: value.ms };
  if (value.kind === 'uniform' && isDelayMs(value.minMs) && isDelayMs(value.maxMs) && value.minMs <= value.maxMs) {
    return { kind: 'uniform', minMs: value.minMs, maxMs: value.maxMs };
  }
  if (value.kind === 'exponential' && isDelayMs(value.minMs) && isDelayMs(value.meanMs) && value.minMs + value.meanMs <= MAX_DELAY_MS) {
    return { kind: 'exponential', minMs: value.minMs, meanMs: value.meanMs };
  }
  return { error: `${where} ${preview(value)} is not a fixed, uniform or exponential delay of 1 to ${MAX_DELAY_MS} ms` };
}

function checkLink(value: unknown, where: string): Checked<LinkSettings> {
  if (!isRecord(value)) return { error: `${where} is not a link's settings` };
  let link: LinkSettings = {};
  if (value.delay !== undefined) {
    const delay = checkDelay(value.delay, `${where}.delay`);
    if (isError(delay)) return delay;
    link = { ...link, delay };
  }
  for (const key of ['lossRate', 'dupRate'] as const) {
    if (value[key] === undefined) continue;
    if (!isRate(value[key])) return { error: `${where}.${key} must be a number from 0 to 1, not ${preview(value[key])}` };
    link = { ...link, [key]: value[key] };
  }
  return link;
}

/** Checks network settings, per-link overrides included, for a run of `nodeCount` nodes. */
export function checkNetwork(value: unknown, nodeCount: number, where: string): Checked<NetworkConfig> {
  if (!isRecord(value)) return { error: `${where} is not a network's settings` };
  const delay = checkDelay(value.delay, `${where}.delay`);
  if (isError(delay)) return delay;
  if (!isRate(value.lossRate)) return { error: `${where}.lossRate must be a number from 0 to 1, not ${preview(value.lossRate)}` };
  if (!isRate(value.dupRate)) return { error: `${where}.dupRate must be a number from 0 to 1, not ${preview(value.dupRate)}` };
  if (value.partitionMode !== 'hold' && value.partitionMode !== 'drop') return { error: `${where}.partitionMode must be "hold" or "drop", not ${preview(value.partitionMode)}` };
  if (typeof value.manual !== 'boolean') return { error: `${where}.manual must be true or false` };
  if (value.reliable !== undefined && typeof value.reliable !== 'boolean') return { error: `${where}.reliable must be true or false` };
  const links: Record<string, LinkSettings> = {};
  const rawLinks = value.links ?? {};
  if (!isRecord(rawLinks)) return { error: `${where}.links is not a set of links` };
  const keys = Object.keys(rawLinks);
  if (keys.length > nodeCount * nodeCount) return { error: `${where}.links names more links than ${nodeCount} nodes have` };
  for (const key of keys) {
    const match = /^(\d+)>(\d+)$/.exec(key);
    const from = Number(match?.[1]);
    const to = Number(match?.[2]);
    if (!match || from >= nodeCount || to >= nodeCount || from === to || linkKey(from, to) !== key) {
      return { error: `${where}.links has ${preview(key)}, which is not a link between two of the ${nodeCount} nodes` };
    }
    const link = checkLink(rawLinks[key], `${where}.links[${key}]`);
    if (isError(link)) return link;
    links[key] = link;
  }
  const reliable = value.reliable === true;
  if (reliable && (value.lossRate === 1 || Object.values(links).some((l) => l.lossRate === 1))) {
    return { error: `${where} asks for reliable delivery over a link that loses everything, which would never end` };
  }
  return { delay, lossRate: value.lossRate, dupRate: value.dupRate, partitionMode: value.partitionMode, manual: value.manual, reliable, links };
}

/** Checks one command for a run of `nodeCount` nodes. */
export function checkCommand(value: unknown, nodeCount: number, where: string): Checked<Command> {
  if (!isRecord(value)) return { error: `${where} is not a command` };
  const node = (v: unknown): v is number => isWhole(v, 0, nodeCount - 1);
  switch (value.kind) {
    case 'send':
      if (!node(value.node)) return { error: `${where} sends from node ${preview(value.node)}, which is not one of the ${nodeCount} nodes` };
      if (typeof value.text !== 'string' || value.text.length === 0 || value.text.length > RUN_LIMITS.maxTextLength) {
        return { error: `${where} has a message text that is not 1 to ${RUN_LIMITS.maxTextLength} characters` };
      }
      return { kind: 'send', node: value.node, text: value.text };
    case 'cut':
    case 'heal':
      if (!node(value.from) || !node(value.to) || value.from === value.to) return { error: `${where} names a link between nodes that do not exist` };
      return { kind: value.kind, from: value.from, to: value.to };
    case 'release':
    case 'drop':
    case 'duplicate':
      if (!isWhole(value.flight, 1, Number.MAX_SAFE_INTEGER)) return { error: `${where} names flight ${preview(value.flight)}, which is not a positive whole number` };
      return { kind: value.kind, flight: value.flight };
    case 'network': {
      const network = checkNetwork(value.network, nodeCount, `${where}.network`);
      return isError(network) ? network : { kind: 'network', network };
    }
    default:
      return { error: `${where} has an unknown kind ${preview(value.kind)}` };
  }
}

/** Checks a command log: at most `RUN_LIMITS.maxCommands`, in order, each within the limits. */
export function checkCommands(value: unknown, nodeCount: number, where: string): Checked<LoggedCommand[]> {
  if (!Array.isArray(value)) return { error: `${where} is not a list` };
  if (value.length > RUN_LIMITS.maxCommands) return { error: `${where} has ${value.length} commands; at most ${RUN_LIMITS.maxCommands} can be replayed` };
  const commands: LoggedCommand[] = [];
  let after = 0;
  let at = 0;
  for (let i = 0; i < value.length; i++) {
    const raw: unknown = value[i];
    const here = `${where}[${i}]`;
    if (!isRecord(raw)) return { error: `${here} is not a logged command` };
    if (!isWhole(raw.after, after, RUN_LIMITS.maxProcessed)) return { error: `${here}.after must be a whole number from ${after} to ${RUN_LIMITS.maxProcessed}, not ${preview(raw.after)}` };
    if (!isWhole(raw.at, at, RUN_LIMITS.maxTimeMs)) return { error: `${here}.at must be a whole number of ms from ${at} to ${RUN_LIMITS.maxTimeMs}, not ${preview(raw.at)}` };
    const command = checkCommand(raw.command, nodeCount, `${here}.command`);
    if (isError(command)) return command;
    after = raw.after;
    at = raw.at;
    commands.push({ after, at, command });
  }
  return commands;
}

/** Checks the part of a config that the classroom and the CLI share: nodes, seed, policy. */
export function checkRunBasics(nodeCount: unknown, seed: unknown, policy: unknown, maxNodes: number): Checked<{ nodeCount: number; seed: number; policy: DeliveryPolicy }> {
  if (!isWhole(nodeCount, 2, maxNodes)) return { error: `the run has ${preview(nodeCount)} nodes; this view shows 2 to ${maxNodes}` };
  if (!isWhole(seed, 0, 0xffffffff)) return { error: `the seed ${preview(seed)} is not a whole number from 0 to 4294967295` };
  if (!DELIVERY_POLICIES.includes(policy as DeliveryPolicy)) return { error: `the policy ${preview(policy)} is not one of ${DELIVERY_POLICIES.join(', ')}` };
  return { nodeCount, seed, policy: policy as DeliveryPolicy };
}

/** Checks a workload (engine-generated sends), absent in runs made by hand. */
export function checkWorkload(messages: unknown, meanGapMs: unknown): Checked<{ messages: number; meanGapMs: number } | undefined> {
  if (messages === undefined && meanGapMs === undefined) return undefined;
  if (!isWhole(messages, 0, RUN_LIMITS.maxWorkloadMessages)) return { error: `the run generates ${preview(messages)} messages; at most ${RUN_LIMITS.maxWorkloadMessages} can be replayed` };
  if (!isWhole(meanGapMs, 0, MAX_DELAY_MS)) return { error: `the mean gap between sends ${preview(meanGapMs)} is not a whole number of ms up to ${MAX_DELAY_MS}` };
  return { messages, meanGapMs };
}

/** Checks a position in a run: events processed and virtual time. */
export function checkPosition(processed: unknown, now: unknown, commands: readonly LoggedCommand[]): Checked<{ processed: number; now: number }> {
  const last = commands.at(-1);
  if (!isWhole(processed, last?.after ?? 0, RUN_LIMITS.maxProcessed)) return { error: `the position ${preview(processed)} is not a whole number of events from ${last?.after ?? 0} to ${RUN_LIMITS.maxProcessed}` };
  if (!isWhole(now, last?.at ?? 0, RUN_LIMITS.maxTimeMs)) return { error: `the time ${preview(now)} is not a whole number of ms from ${last?.at ?? 0} to ${RUN_LIMITS.maxTimeMs}` };
  return { processed, now };
}

/**
 * Checks a recorded future for `run`: commands logged at or after its position, in order after
 * its own, within the command limit together; a horizon not before its time.
 */
export function checkFuture(commands: unknown, horizon: unknown, run: RunRecord): Checked<RecordedFuture> {
  const all = checkCommands(Array.isArray(commands) ? [...run.commands, ...(commands as unknown[])] : commands, run.config.nodeCount, 'command');
  if (isError(all)) return all;
  const ahead = all.slice(run.commands.length);
  const first = ahead[0];
  if (first && (first.after < run.processed || first.at < run.now)) return { error: 'its recorded future starts before its position' };
  if (!isWhole(horizon, run.now, RUN_LIMITS.maxTimeMs)) return { error: `the time reached ${preview(horizon)} is not a whole number of ms from ${run.now} to ${RUN_LIMITS.maxTimeMs}` };
  return { commands: ahead, horizon };
}

/** Rebuilds the world a run describes, at its position. */
export function replayRun(run: RunRecord): World {
  const world = replayWorld(run.config, run.commands, run.processed);
  if (run.now > world.now) world.now = run.now;
  return world;
}
