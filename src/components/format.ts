import { formatClock } from '../sim/clock.ts';
import { nodeName } from '../sim/names.ts';
import type { TraceEvent } from '../sim/trace.ts';
import type { DeliveryPolicy } from '../sim/message.ts';
import type { DelayDistribution, LinkSettings, NetworkConfig } from '../sim/network.ts';
import type { ControlKind, OrderWait } from '../sim/view.ts';

/** Each delivery policy's name as the controls and panes show it. */
export const POLICY_LABELS: Readonly<Record<DeliveryPolicy, string>> = {
  causal: 'Causal (vector clocks)',
  fifo: 'FIFO (per sender)',
  none: 'None (as it arrives)',
  total: 'Total (sequencer A)',
};

/** Formats a vector clock for people: `[1, 0, 0]`. */
export function showClock(clock: ArrayLike<number>): string {
  return formatClock(clock, ', ');
}

/** The sender's name in a message id: `AB12` → `AB`. */
export function senderOf(id: string): string {
  return /^[A-Z]+/.exec(id)?.[0] ?? '';
}

/** Joins ids as words: `A1`, `A1 and C2`, `A1, A2 and C2`. */
export function listInWords(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? '';
  return `${ids.slice(0, -1).join(', ')} and ${ids.at(-1) ?? ''}`;
}

/**
 * Joins at most `most` of `ids` as words and counts the rest, so a list stays readable (and
 * cheap) in a long session: the first ones, `A1, A2 and 40 more`, or with `keep: 'last'` the
 * last ones, `40 earlier, then B7 and C2`.
 */
export function listSomeInWords(ids: readonly string[], most: number, keep: 'first' | 'last' = 'first'): string {
  if (ids.length <= most) return listInWords(ids);
  const rest = (ids.length - most).toLocaleString('en');
  if (keep === 'last') return `${rest} earlier, then ${listInWords(ids.slice(-most))}`;
  return `${ids.slice(0, most).join(', ')} and ${rest} more`;
}

/** Formats virtual milliseconds as seconds, `1.25 s`. */
export function showSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Describes one trace event in a sentence, for the event log and screen readers. */
export function describeEvent(event: TraceEvent): string {
  switch (event.type) {
    case 'send':
      return `${event.node} sent ${event.msg} “${event.text}” stamped ${showClock(event.vc)}`;
    case 'receive':
      return `${event.node} received ${event.msg}`;
    case 'buffer':
      return `${event.node} buffered ${event.msg}, waiting for ${describeWait(event.waitingFor, event.order)}`;
    case 'deliver':
      return event.missing
        ? `${event.node} delivered ${event.msg} before ${listInWords(event.missing)}: causal order broken; clock ${showClock(event.vc)}`
        : `${event.node} delivered ${event.msg}; clock ${showClock(event.vc)}`;
    case 'discard':
      return `${event.node} discarded a duplicate of ${event.msg}`;
    case 'drop':
      return `${carried(event.msg, event.control)} to ${event.node} was ${event.reason === 'manual' ? 'dropped by hand' : event.reason === 'loss' ? 'lost' : 'dropped at a cut link'}`;
    case 'hold':
      return event.reason === 'partition'
        ? `${carried(event.msg, event.control)} to ${event.node} held at a cut link`
        : `${carried(event.msg, event.control)} waits outside ${event.node}`;
    case 'cut':
      return `link ${event.node}→${event.to} cut`;
    case 'heal':
      return `link ${event.node}→${event.to} healed`;
    case 'network':
      return `network changed: ${describeNetwork(event.network)}`;
    case 'order':
      return `${event.node} gave ${event.msg} sequence number ${event.seq}`;
    case 'retransmit':
      return `${event.node} sent ${carried(event.msg, event.control)} to ${event.to} again: no acknowledgement in time`;
  }
}

/** Names what a transmission carries: the message, its sequence number, or an acknowledgement. */
function carried(msg: string, control: ControlKind | undefined): string {
  if (control === 'order') return `the sequence number of ${msg}`;
  if (control === 'ack') return `the acknowledgement of ${msg}`;
  return msg;
}

/**
 * Network settings in words, naming only the faults in force, then each link's own settings:
 * `delay 300–2500 ms, loss 30%, reliable delivery; A→C: loss 100%`.
 */
function describeNetwork(network: Omit<NetworkConfig, 'links'> & { readonly links?: NetworkConfig['links'] }): string {
  const parts = [`delay ${describeDelay(network.delay)}`];
  if (network.lossRate > 0) parts.push(`loss ${showPercent(network.lossRate)}%`);
  if (network.dupRate > 0) parts.push(`duplication ${showPercent(network.dupRate)}%`);
  if (network.reliable === true) parts.push('reliable delivery');
  if (network.partitionMode === 'drop') parts.push('cut links drop messages');
  if (network.manual) parts.push('manual delivery');
  const links = Object.entries(network.links ?? {}).flatMap(([key, link]) => {
    const [from, to] = key.split('>').map(Number);
    const settings = describeLink(link);
    return settings.length > 0 ? [`${nodeName(from ?? 0)}→${nodeName(to ?? 0)}: ${settings.join(', ')}`] : [];
  });
  return [parts.join(', '), ...links].join('; ');
}

/** A rate from 0 to 1 as a percentage without float noise: `0.3` → `30`. */
export function showPercent(rate: number): string {
  return String(Math.round(rate * 1000) / 10);
}

/** A delay distribution in words, e.g. `300–2500 ms`. */
function describeDelay(delay: DelayDistribution): string {
  if (delay.kind === 'fixed') return `${delay.ms} ms`;
  if (delay.kind === 'uniform') return delay.minMs === delay.maxMs ? `${delay.minMs} ms` : `${delay.minMs}–${delay.maxMs} ms`;
  return `${delay.minMs} ms + exponential, mean ${delay.meanMs} ms`;
}

/** A link's own settings in words, one short part each (`delay 3000 ms`, `loss 100%`); none when it has none. */
export function describeLink(link: LinkSettings | undefined): string[] {
  if (!link) return [];
  const parts: string[] = [];
  // Short, as they stand beside a line: an exponential delay as the settings write it.
  if (link.delay) parts.push(`delay ${link.delay.kind === 'exponential' ? `exp:${link.delay.minMs}+${link.delay.meanMs} ms` : describeDelay(link.delay)}`);
  if (link.lossRate !== undefined) parts.push(`loss ${showPercent(link.lossRate)}%`);
  if (link.dupRate !== undefined) parts.push(`duplication ${showPercent(link.dupRate)}%`);
  return parts;
}

/** What a held message waits for, in words: messages, and under total order the sequencer's numbers. */
export function describeWait(waitingFor: readonly string[], order: OrderWait | undefined): string {
  const parts = [...waitingFor];
  if (order?.ownSeq) parts.push(`its sequence number from ${order.from}`);
  if (order && order.seqs.length > 0) parts.push(`sequence number${order.seqs.length > 1 ? 's' : ''} ${listInWords(order.seqs.map(String))} from ${order.from}`);
  return listInWords(parts);
}
