import type { Trace, TraceEvent } from './trace.ts';

/** The regular expression ShiViz parses our log with: a host and its clock, then the event. */
export const SHIVIZ_REGEX = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`;

/** What one trace event is on its host's timeline, or undefined when it is no event of that host's. */
function describe(event: TraceEvent): string | undefined {
  switch (event.type) {
    case 'send':
      return `send ${event.msg} "${event.text}"`;
    case 'receive':
      return `receive ${event.msg}`;
    case 'buffer':
      return `buffer ${event.msg}${event.waitingFor.length > 0 ? ` waiting for ${event.waitingFor.join(', ')}` : ''}`;
    case 'deliver':
      return `deliver ${event.msg}${event.missing ? ` before ${event.missing.join(', ')}` : ''}`;
    case 'discard':
      return `discard duplicate ${event.msg}`;
    case 'order':
      return `number ${event.msg} as ${event.seq}`;
    case 'retransmit':
      return `resend ${event.msg}${event.control ? ` ${event.control}` : ''} to ${event.to}`;
    default:
      return undefined;
  }
}

/**
 * Writes a trace as a ShiViz log: the regular expression, a blank line, then two lines per
 * event (host and Fidge–Mattern event clock, then what happened) at virtual time `t`.
 * Every event on a host ticks that host's entry; a receive and a delivery first merge the
 * clock of the message's send event. Drops, holds, cuts, heals and network changes happen
 * to no host, so they are left out. Zero entries are omitted, as ShiViz expects.
 */
export function toShiViz(trace: Trace): string {
  const names = trace.nodes;
  const index = new Map(names.map((name, i) => [name, i]));
  const clocks = names.map(() => new Array<number>(names.length).fill(0));
  const sendClocks = new Map<string, readonly number[]>();
  const lines = [SHIVIZ_REGEX, ''];
  for (const event of trace.events) {
    const what = describe(event);
    const host = what === undefined || !('node' in event) ? undefined : index.get(event.node);
    if (what === undefined || host === undefined) continue;
    const clock = clocks[host] as number[];
    if (event.type === 'receive' || event.type === 'deliver') {
      const sent = sendClocks.get(event.msg);
      if (sent) for (let k = 0; k < clock.length; k++) clock[k] = Math.max(clock[k] as number, sent[k] as number);
    }
    clock[host] = (clock[host] as number) + 1;
    if (event.type === 'send') sendClocks.set(event.msg, clock.slice());
    const entries = names.flatMap((name, k) => ((clock[k] as number) > 0 ? [`${JSON.stringify(name)}:${clock[k]}`] : []));
    lines.push(`${names[host]} {${entries.join(', ')}}`, `${what.replaceAll(/[\r\n\u2028\u2029]+/g, ' ')} t=${event.t}`);
  }
  return `${lines.join('\n')}\n`;
}
