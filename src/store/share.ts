import { DELIVERY_POLICIES, type DeliveryPolicy } from '../sim/message.ts';
import { parseDelay, type DelayDistribution, type NetworkConfig } from '../sim/network.ts';
import { checkCommands, checkFuture, checkNetwork, checkPosition, checkRunBasics, checkWorkload, isError, type Checked, type RecordedFuture, type RunRecord } from '../sim/run.ts';
import type { Command, LoggedCommand, WorldConfig } from '../sim/world.ts';
import { MAX_NODES } from './settings.ts';

/**
 * A session as a link or the browser keeps it: the run, the policy compared beside it and,
 * when it was rewound, what it had recorded beyond its position.
 */
export interface Session {
  readonly run: RunRecord;
  readonly comparePolicy?: DeliveryPolicy | undefined;
  readonly future?: RecordedFuture | undefined;
}

/** The query parameter a shared run travels in. */
export const RUN_PARAM = 'run';
/** The longest encoded run a link may carry, in characters. */
export const MAX_CODE_CHARS = 200_000;
/** Marks a code whose JSON is deflated; plain codes never contain a dot. */
const DEFLATED = 'z.';
/** The most a deflated code may inflate to, so a small link cannot expand into a huge one. */
const MAX_INFLATED_CHARS = 1_000_000;
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
  return bytesToBase64Url(new TextEncoder().encode(text));
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64UrlToBytes(code: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(code.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
}

function fromBase64Url(code: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(code));
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Deflates `text` (raw DEFLATE), or returns undefined where the browser cannot. */
async function deflate(text: string): Promise<Uint8Array | undefined> {
  if (typeof CompressionStream === 'undefined') return undefined;
  const stream = streamOf(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates raw DEFLATE into text, giving up beyond `MAX_INFLATED_CHARS` bytes. */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const reader = streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_INFLATED_CHARS) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

/** Packs logged commands with times and event counts as differences from the previous one, starting from (`after`, `at`). */
function packCommands(commands: readonly LoggedCommand[], after: number, at: number): unknown[][] {
  return commands.map((logged) => {
    const packed = [logged.after - after, logged.at - at, ...packCommand(logged.command)];
    after = logged.after;
    at = logged.at;
    return packed;
  });
}

/** Reads packed commands back into logged ones (unchecked), counting from (`after`, `at`); undefined when garbled. */
function unpackCommands(raw: unknown, after: number, at: number): unknown[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const logged: unknown[] = [];
  for (const packed of raw as unknown[]) {
    if (!Array.isArray(packed) || typeof packed[0] !== 'number' || typeof packed[1] !== 'number') return undefined;
    after += packed[0] as number;
    at += packed[1] as number;
    logged.push({ after, at, command: unpackCommand((packed as unknown[]).slice(2)) });
  }
  return logged;
}

/**
 * Packs a session as a compact JSON array: times and event counts as differences from the
 * previous command, command kinds and delays as short codes. A recorded future comes last,
 * counted from the position, and only when there is one, so links to runs never rewound read
 * as before.
 */
function packSession({ run, comparePolicy, future }: Session): string {
  const { config } = run;
  const last = run.commands.at(-1);
  const workload = config.workload ? [config.workload.messages, config.workload.meanGapMs] : 0;
  const compare = comparePolicy === undefined ? -1 : DELIVERY_POLICIES.indexOf(comparePolicy);
  const packed: unknown[] = [
    FORMAT,
    config.nodeCount,
    config.seed,
    DELIVERY_POLICIES.indexOf(config.policy),
    packNetwork(config.network),
    packCommands(run.commands, 0, 0),
    run.processed - (last?.after ?? 0),
    run.now - (last?.at ?? 0),
    compare,
    workload,
  ];
  if (future) packed.push([future.horizon - run.now, packCommands(future.commands, run.processed, run.now)]);
  return JSON.stringify(packed);
}

/** Encodes a session synchronously, without compression: its packed JSON in base64url. */
export function encodeSession(session: Session): string {
  return toBase64Url(packSession(session));
}

/** Encodes a session for a link: deflated (prefixed `z.`) when the browser can and it is shorter. */
export async function encodeLinkCode(session: Session): Promise<string> {
  const json = packSession(session);
  const plain = toBase64Url(json);
  const deflated = await deflate(json);
  const compressed = deflated ? `${DEFLATED}${bytesToBase64Url(deflated)}` : plain;
  return compressed.length < plain.length ? compressed : plain;
}

function checkCode(code: string, body: string): string | undefined {
  if (code.length > MAX_CODE_CHARS) return `it is ${code.length} characters long, more than the ${MAX_CODE_CHARS} a run may take`;
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return 'it has characters a run never contains';
  return undefined;
}

function decodeUnchecked(code: string, maxNodes: number): Checked<Session> {
  const problem = checkCode(code, code);
  if (problem) return { error: problem };
  let json: string;
  try {
    json = fromBase64Url(code);
  } catch {
    return { error: 'it is cut short or garbled' };
  }
  return decodeJson(json, maxNodes);
}

function decodeJson(json: string, maxNodes: number): Checked<Session> {
  let packed: unknown;
  try {
    packed = JSON.parse(json);
  } catch {
    return { error: 'it is cut short or garbled' };
  }
  if (!Array.isArray(packed) || packed[0] !== FORMAT || (packed.length !== 10 && packed.length !== 11)) return { error: 'it is not a run this version can read' };
  const [, nodeCount, seed, policyIndex, network, rawCommands, dProcessed, dNow, compareIndex, rawWorkload, rawFuture] = packed as unknown[];
  const basics = checkRunBasics(nodeCount, seed, typeof policyIndex === 'number' ? DELIVERY_POLICIES[policyIndex] : undefined, maxNodes);
  if (isError(basics)) return basics;
  const initial = checkNetwork(unpackNetwork(network), basics.nodeCount, 'the network');
  if (isError(initial)) return initial;
  if (!Array.isArray(rawCommands)) return { error: 'its command log is missing' };
  const logged = unpackCommands(rawCommands, 0, 0);
  if (!logged) return { error: 'its command log is garbled' };
  const commands = checkCommands(logged, basics.nodeCount, 'command');
  if (isError(commands)) return commands;
  const last = commands.at(-1);
  const after = last?.after ?? 0;
  const at = last?.at ?? 0;
  const position = checkPosition(typeof dProcessed === 'number' ? after + dProcessed : dProcessed, typeof dNow === 'number' ? at + dNow : dNow, commands);
  if (isError(position)) return position;
  const workload = Array.isArray(rawWorkload) ? checkWorkload(rawWorkload[0], rawWorkload[1]) : rawWorkload === 0 ? undefined : { error: 'its workload is garbled' };
  if (isError(workload)) return workload;
  const config: WorldConfig = workload ? { ...basics, network: initial, workload } : { ...basics, network: initial };
  const compare = compareIndex === -1 ? undefined : typeof compareIndex === 'number' ? DELIVERY_POLICIES[compareIndex] : undefined;
  if (compareIndex !== -1 && compare === undefined) return { error: 'its comparison policy is unknown' };
  const run: RunRecord = { config, commands: commands satisfies LoggedCommand[], ...position };
  if (rawFuture === undefined) return { run, comparePolicy: compare };
  const [dHorizon, rawAhead] = Array.isArray(rawFuture) ? (rawFuture as unknown[]) : [];
  const ahead = unpackCommands(rawAhead, run.processed, run.now);
  if (!ahead) return { error: 'its recorded future is garbled' };
  const future = checkFuture(ahead, typeof dHorizon === 'number' ? run.now + dHorizon : dHorizon, run);
  if (isError(future)) return future;
  return { run, comparePolicy: compare, future };
}

/** Decodes an uncompressed session; never throws. The error completes "The shared run was ignored: …". */
export function decodeSession(code: string, maxNodes: number = MAX_NODES): Checked<Session> {
  try {
    return decodeUnchecked(code, maxNodes);
  } catch {
    return { error: 'it could not be read' };
  }
}

/** Decodes a link's code, deflated or not; never rejects. */
export async function decodeLinkCode(code: string, maxNodes: number = MAX_NODES): Promise<Checked<Session>> {
  if (!code.startsWith(DEFLATED)) return decodeSession(code, maxNodes);
  const body = code.slice(DEFLATED.length);
  const problem = checkCode(code, body);
  if (problem) return { error: problem };
  if (typeof DecompressionStream === 'undefined') return { error: 'it is compressed, and this browser cannot decompress it' };
  let json: string;
  try {
    json = await inflate(base64UrlToBytes(body));
  } catch {
    return { error: 'it is cut short or garbled' };
  }
  try {
    return decodeJson(json, maxNodes);
  } catch {
    return { error: 'it could not be read' };
  }
}

/** The address that reopens `session`: this page with the run, compressed, in its query string. */
export async function shareLink(base: string, session: Session): Promise<string> {
  const url = new URL(base);
  url.search = `?${RUN_PARAM}=${await encodeLinkCode(session)}`;
  url.hash = '';
  return url.toString();
}
