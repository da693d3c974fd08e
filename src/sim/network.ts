import type { Rng } from './rng.ts';

/** How long a transmission takes, in virtual milliseconds. */
export type DelayDistribution =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  /** Long-tailed: `minMs` plus an exponential with mean `meanMs`. */
  | { readonly kind: 'exponential'; readonly minMs: number; readonly meanMs: number };

/** Overrides for one directed link; unset fields fall back to the network's defaults. */
export interface LinkSettings {
  readonly delay?: DelayDistribution;
  readonly lossRate?: number;
  readonly dupRate?: number;
}

/** What happens to a transmission on a cut link: kept until the link heals, or lost. */
export type PartitionMode = 'hold' | 'drop';

/** The simulated network's settings. */
export interface NetworkConfig {
  readonly delay: DelayDistribution;
  /** Probability that a transmission is lost, 0–1. */
  readonly lossRate: number;
  /** Probability that a transmission arrives twice, 0–1. */
  readonly dupRate: number;
  readonly partitionMode: PartitionMode;
  /** In manual mode transmissions stop before the receiver until the user releases them. */
  readonly manual: boolean;
  /** Acknowledge every transmission and retransmit until acknowledged (absent means off). */
  readonly reliable?: boolean;
  /** Per-link overrides keyed by `linkKey(from, to)`. */
  readonly links: Readonly<Record<string, LinkSettings>>;
}

/** The longest delay any distribution may produce, one virtual hour. */
export const MAX_DELAY_MS = 3_600_000;

/** The default network: uniform 300–2500 ms, no loss, no duplication, automatic, no acknowledgements. */
export const DEFAULT_NETWORK: NetworkConfig = {
  delay: { kind: 'uniform', minMs: 300, maxMs: 2500 },
  lossRate: 0,
  dupRate: 0,
  partitionMode: 'hold',
  manual: false,
  reliable: false,
  links: {},
};

/** Returns the key of the directed link from node `from` to node `to`. */
export function linkKey(from: number, to: number): string {
  return `${from}>${to}`;
}

/**
 * The longest delay a distribution is expected to produce: its maximum, or for the
 * exponential `minMs` plus three means (about the 95th percentile; a later arrival only
 * costs a spurious retransmission, which the receiver discards as a duplicate).
 */
export function delayBoundMs(delay: DelayDistribution): number {
  switch (delay.kind) {
    case 'fixed':
      return Math.min(MAX_DELAY_MS, Math.max(1, delay.ms));
    case 'uniform':
      return Math.min(MAX_DELAY_MS, Math.max(1, delay.maxMs));
    case 'exponential':
      return Math.min(MAX_DELAY_MS, Math.max(1, delay.minMs + 3 * delay.meanMs));
  }
}

/**
 * How long a sender waits for an acknowledgement before retransmitting: the round trip's
 * bound (the link's and the reverse link's `delayBoundMs`, i.e. 2 × the max delay on a
 * symmetric link) plus 1 ms, so an acknowledgement arriving on the bound wins the tie.
 */
export function retransmitTimeoutMs(forward: DelayDistribution, reverse: DelayDistribution): number {
  return delayBoundMs(forward) + delayBoundMs(reverse) + 1;
}

/** Draws one delay in whole milliseconds, always at least 1. */
export function sampleDelayMs(delay: DelayDistribution, rng: Rng): number {
  let ms: number;
  switch (delay.kind) {
    case 'fixed':
      ms = delay.ms;
      break;
    case 'uniform':
      ms = rng.nextInt(delay.minMs, delay.maxMs);
      break;
    case 'exponential':
      ms = delay.minMs + Math.round(-Math.log(1 - rng.nextFloat()) * delay.meanMs);
      break;
  }
  return Math.min(MAX_DELAY_MS, Math.max(1, ms));
}

/**
 * Parses a delay written as `300` (fixed), `100-900` (uniform) or `exp:50+400`
 * (50 ms plus an exponential with mean 400 ms), none of it above `maxMs`. Returns a message
 * on bad input.
 */
export function parseDelay(text: string, maxMs: number = MAX_DELAY_MS): DelayDistribution | { error: string } {
  const trimmed = text.trim();
  const fixed = /^(\d+)$/.exec(trimmed);
  if (fixed) {
    const ms = Number(fixed[1]);
    return ms >= 1 && ms <= maxMs
      ? { kind: 'fixed', ms }
      : { error: `delay must be between 1 and ${maxMs} ms` };
  }
  const range = /^(\d+)-(\d+)$/.exec(trimmed);
  if (range) {
    const minMs = Number(range[1]);
    const highMs = Number(range[2]);
    if (minMs < 1 || highMs > maxMs) return { error: `delay must be between 1 and ${maxMs} ms` };
    if (minMs > highMs) return { error: `delay range ${trimmed} has its minimum above its maximum` };
    return { kind: 'uniform', minMs, maxMs: highMs };
  }
  const exp = /^exp:(\d+)\+(\d+)$/.exec(trimmed);
  if (exp) {
    const minMs = Number(exp[1]);
    const meanMs = Number(exp[2]);
    if (minMs < 1 || meanMs < 1 || minMs + meanMs > maxMs) {
      return { error: `delay must be between 1 and ${maxMs} ms` };
    }
    return { kind: 'exponential', minMs, meanMs };
  }
  return { error: `delay "${text}" is not N, MIN-MAX or exp:MIN+MEAN (milliseconds)` };
}
