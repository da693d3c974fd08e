import { DELIVERY_POLICIES, type DeliveryPolicy } from '../sim/message.ts';
import { DEFAULT_NETWORK, parseDelay, type DelayDistribution } from '../sim/network.ts';

/** What a user chooses before and during a run. */
export interface Settings {
  readonly nodeCount: number;
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly delay: DelayDistribution;
}

/** Fewest and most nodes the classroom view shows. */
export const MIN_NODES = 2;
export const MAX_NODES = 8;
/** The longest delay the classroom view accepts, one minute. */
export const MAX_UI_DELAY_MS = 60_000;

/** Three nodes, causal order, 300–2500 ms delays: slow enough to follow by eye. */
export const DEFAULT_SETTINGS: Settings = {
  nodeCount: 3,
  seed: 1,
  policy: 'causal',
  delay: DEFAULT_NETWORK.delay,
};

/** Settings read from a query string, with a notice for every value that was ignored. */
export interface ParsedSettings {
  readonly settings: Settings;
  readonly notices: readonly string[];
}

/**
 * Reads `nodes`, `seed`, `policy` and `delay` from a query string such as
 * `?nodes=4&seed=7&policy=fifo&delay=100-900`. Invalid values keep their defaults.
 */
export function parseSettingsQuery(search: string): ParsedSettings {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let { nodeCount, seed, policy, delay } = DEFAULT_SETTINGS;
  const nodes = params.get('nodes');
  if (nodes !== null) {
    const n = Number(nodes);
    if (/^\d+$/.test(nodes) && n >= MIN_NODES && n <= MAX_NODES) nodeCount = n;
    else notices.push(`Ignored nodes=${nodes}: choose ${MIN_NODES} to ${MAX_NODES} nodes.`);
  }
  const seedText = params.get('seed');
  if (seedText !== null) {
    const s = Number(seedText);
    if (/^\d+$/.test(seedText) && s <= 0xffffffff) seed = s;
    else notices.push(`Ignored seed=${seedText}: a seed is a whole number from 0 to 4294967295.`);
  }
  const policyText = params.get('policy');
  if (policyText !== null) {
    if (DELIVERY_POLICIES.includes(policyText as DeliveryPolicy)) policy = policyText as DeliveryPolicy;
    else notices.push(`Ignored policy=${policyText}: choose ${DELIVERY_POLICIES.join(', ')}.`);
  }
  // An address reads `+` as a space: `exp:100+800` typed into it arrives as `exp:100 800`.
  const delayText = params.get('delay')?.trim().replaceAll(/\s+/g, '+') ?? null;
  if (delayText !== null) {
    const parsed = parseDelay(delayText, MAX_UI_DELAY_MS);
    if ('error' in parsed) notices.push(`Ignored delay=${delayText}: ${parsed.error}.`);
    else delay = parsed;
  }
  return { settings: { nodeCount, seed, policy, delay }, notices };
}
