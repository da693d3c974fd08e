import { DELIVERY_POLICIES, type DeliveryPolicy } from '../sim/message.ts';
import { parseDelay, type DelayDistribution, type NetworkConfig } from '../sim/network.ts';
import { checkCommands, checkNetwork, checkPosition, checkRunBasics, checkWorkload, isError, type Checked, type RunRecord } from '../sim/run.ts';
import type { Command, LoggedCommand, WorldConfig } from '../sim/world.ts';
import { MAX_NODES } from './settings.ts';

/** A session as a link or the browser keeps it: the run, and the policy compared beside it. */
export interface Session {
  readonly run: RunRecord;
  readonly comparePolicy?: DeliveryPolicy | undefined;
}

/** The query parameter a shared run travels in. */
export const RUN_PARAM = 'run';
/** The longest encoded run a link may carry, in characters. */
export const MAX_CODE_CHARS = 200_000;
const FORMAT = 1;
const KINDS = ['send', 'cut', 'heal', 'release', 'drop', 'duplicate', 'network'] as const;

function delayText(delay: DelayDistribution): string {
  switch (delay.kind) {
    case 'fixed':
      return `${delay.ms}`;
    case 'uniform':
      return `${delay.minMs}-${delay.maxMs}`;
    case 'exponential':
      return `exp:${delay.minMs}+${delay.meanMs}`;
  }
}

function packNetwork(network: NetworkConfig): unknown[] {
  const links = Object.entries(network.links).map(([key, link]) => [key, link.delay ? delayText(link.delay) : 0, link.lossRate ?? -1, link.dupRate ?? -1]);
  return [delayText(network.delay), network.lossRate, network.dupRate, network.partitionMode === 'drop' ? 1 : 0, network.manual ? 1 : 0, network.reliable ? 1 : 0, ...links];
}

function unpackDelay(text: unknown): DelayDistribution | undefined {
  if (typeof text !== 'string') return undefined;
  const delay = parseDelay(text);
  return 'error' in delay ? undefined : delay;
}

/** Turns a packed network back into the shape `checkNetwork` reads; it does the checking. */
function unpackNetwork(packed: unknown): unknown {
  if (!Array.isArray(packed)) return undefined;
  const [delay, lossRate, dupRate, drop, manual, reliable, ...rawLinks] = packed as unknown[];
  const links: Record<string, unknown> = {};
  for (const raw of rawLinks) {
    if (!Array.isArray(raw) || typeof raw[0] !== 'string') return undefined;
    const [key, linkDelay, loss, dup] = raw as unknown[];
    let link: Record<string, unknown> = {};
    if (linkDelay !== 0) link = { ...link, delay: unpackDelay(linkDelay) ?? linkDelay };
    if (loss !== -1) link = { ...link, lossRate: loss };
    if (dup !== -1) link = { ...link, dupRate: dup };
    links[key as string] = link;
  }
  return { delay: unpackDelay(delay) ?? delay, lossRate, dupRate, partitionMode: drop === 1 ? 'drop' : drop === 0 ? 'hold' : drop, manual: manual === 1, reliable: reliable === 1, links };
}

function packCommand(command: Command): unknown[] {
  const code = KINDS.indexOf(command.kind);
  switch (command.kind) {
    case 'send':
      return [code, command.node, command.text];
    case 'cut':
    case 'heal':
      return [code, command.from, command.to];
    case 'release':
    case 'drop':
    case 'duplicate':
      return [code, command.flight];
    case 'network':
      return [code, packNetwork(command.network)];
  }
}

function unpackCommand(packed: unknown[]): unknown {
  const [code, a, b] = packed;
  const kind = typeof code === 'number' ? KINDS[code] : undefined;
  switch (kind) {
    case 'send':
      return { kind, node: a, text: b };
    case 'cut':
    case 'heal':
      return { kind, from: a, to: b };
    case 'release':
    case 'drop':
    case 'duplicate':
      return { kind, flight: a };
    case 'network':
      return { kind, network: unpackNetwork(a) };
    default:
      return { kind: code };
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * Encodes a session compactly: a JSON array (times and event counts as differences from the
 * previous command, command kinds and delays as short codes) in base64url.
 */
export function encodeSession({ run, comparePolicy }: Session): string {
  const { config } = run;
  let after = 0;
  let at = 0;
  const commands = run.commands.map((logged) => {
    const packed = [logged.after - after, logged.at - at, ...packCommand(logged.command)];
    after = logged.after;
    at = logged.at;
    return packed;
  });
  const workload = config.workload ? [config.workload.messages, config.workload.meanGapMs] : 0;
  const compare = comparePolicy === undefined ? -1 : DELIVERY_POLICIES.indexOf(comparePolicy);
  const packed = [FORMAT, config.nodeCount, config.seed, DELIVERY_POLICIES.indexOf(config.policy), packNetwork(config.network), commands, run.processed - after, run.now - at, compare, workload];
  return toBase64Url(JSON.stringify(packed));
}

function decodeUnchecked(code: string, maxNodes: number): Checked<Session> {
  if (code.length > MAX_CODE_CHARS) return { error: `it is ${code.length} characters long, more than the ${MAX_CODE_CHARS} a run may take` };
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return { error: 'it has characters a run never contains' };
  let packed: unknown;
  try {
    packed = JSON.parse(fromBase64Url(code));
  } catch {
    return { error: 'it is cut short or garbled' };
  }
  if (!Array.isArray(packed) || packed[0] !== FORMAT || packed.length !== 10) return { error: 'it is not a run this version can read' };
  const [, nodeCount, seed, policyIndex, network, rawCommands, dProcessed, dNow, compareIndex, rawWorkload] = packed as unknown[];
  const basics = checkRunBasics(nodeCount, seed, typeof policyIndex === 'number' ? DELIVERY_POLICIES[policyIndex] : undefined, maxNodes);
  if (isError(basics)) return basics;
  const initial = checkNetwork(unpackNetwork(network), basics.nodeCount, 'the network');
  if (isError(initial)) return initial;
  if (!Array.isArray(rawCommands)) return { error: 'its command log is missing' };
  let after = 0;
  let at = 0;
  const logged: unknown[] = [];
  for (const raw of rawCommands as unknown[]) {
    if (!Array.isArray(raw) || typeof raw[0] !== 'number' || typeof raw[1] !== 'number') return { error: 'its command log is garbled' };
    after += raw[0] as number;
    at += raw[1] as number;
    logged.push({ after, at, command: unpackCommand((raw as unknown[]).slice(2)) });
  }
  const commands = checkCommands(logged, basics.nodeCount, 'command');
  if (isError(commands)) return commands;
  const position = checkPosition(typeof dProcessed === 'number' ? after + dProcessed : dProcessed, typeof dNow === 'number' ? at + dNow : dNow, commands);
  if (isError(position)) return position;
  const workload = Array.isArray(rawWorkload) ? checkWorkload(rawWorkload[0], rawWorkload[1]) : rawWorkload === 0 ? undefined : { error: 'its workload is garbled' };
  if (isError(workload)) return workload;
  const config: WorldConfig = workload ? { ...basics, network: initial, workload } : { ...basics, network: initial };
  const compare = compareIndex === -1 ? undefined : typeof compareIndex === 'number' ? DELIVERY_POLICIES[compareIndex] : undefined;
  if (compareIndex !== -1 && compare === undefined) return { error: 'its comparison policy is unknown' };
  return { run: { config, commands: commands satisfies LoggedCommand[], ...position }, comparePolicy: compare };
}

/** Decodes a session; never throws. The error completes "The shared run was ignored: …". */
export function decodeSession(code: string, maxNodes: number = MAX_NODES): Checked<Session> {
  try {
    return decodeUnchecked(code, maxNodes);
  } catch {
    return { error: 'it could not be read' };
  }
}

/** The address that reopens `session`: this page with the run in its query string. */
export function shareLink(base: string, session: Session): string {
  const url = new URL(base);
  url.search = `?${RUN_PARAM}=${encodeSession(session)}`;
  url.hash = '';
  return url.toString();
}
