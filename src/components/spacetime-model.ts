import type { TraceEvent } from '../sim/trace.ts';

/** One dot of the space-time diagram. */
export interface DiagramEvent {
  readonly kind: 'send' | 'receive' | 'deliver' | 'drop';
  readonly node: number;
  readonly msg: string;
  readonly t: number;
}

/** A message's path from its send to one arrival (or loss), and how long it then waited. */
export interface DiagramArrow {
  readonly msg: string;
  readonly from: number;
  readonly sentAt: number;
  readonly to: number;
  readonly arrivedAt: number;
  readonly lost: boolean;
}

/** A stretch a message spent in a node's hold-back buffer. */
export interface DiagramWait {
  readonly msg: string;
  readonly node: number;
  readonly from: number;
  /** Undefined while it still waits. */
  readonly until: number | undefined;
}

/** Everything the diagram draws, derived from the trace alone. */
export interface DiagramModel {
  readonly events: readonly DiagramEvent[];
  readonly arrows: readonly DiagramArrow[];
  readonly waits: readonly DiagramWait[];
  /** Each message's timestamp, for labels. */
  readonly stamps: ReadonlyMap<string, readonly number[]>;
}

/** Builds the diagram from a trace: sends, data arrivals, deliveries, losses and buffer waits. */
export function buildDiagram(trace: readonly TraceEvent[], names: readonly string[]): DiagramModel {
  const index = new Map(names.map((n, i) => [n, i]));
  const events: DiagramEvent[] = [];
  const arrows: DiagramArrow[] = [];
  const waits: DiagramWait[] = [];
  const stamps = new Map<string, readonly number[]>();
  const sends = new Map<string, { node: number; t: number }>();
  const waiting = new Map<string, number>();
  for (const e of trace) {
    if (!('node' in e) || !('msg' in e)) continue;
    const node = index.get(e.node);
    if (node === undefined) continue;
    switch (e.type) {
      case 'send':
        sends.set(e.msg, { node, t: e.t });
        stamps.set(e.msg, e.vc);
        events.push({ kind: 'send', node, msg: e.msg, t: e.t });
        break;
      case 'receive':
      case 'drop': {
        if (e.type === 'drop' && e.control !== undefined) break;
        const sent = sends.get(e.msg);
        const lost = e.type === 'drop';
        events.push({ kind: lost ? 'drop' : 'receive', node, msg: e.msg, t: e.t });
        if (sent) arrows.push({ msg: e.msg, from: sent.node, sentAt: sent.t, to: node, arrivedAt: e.t, lost });
        break;
      }
      case 'buffer':
        waiting.set(`${node}|${e.msg}`, waits.push({ msg: e.msg, node, from: e.t, until: undefined }) - 1);
        break;
      case 'deliver': {
        events.push({ kind: 'deliver', node, msg: e.msg, t: e.t });
        const key = `${node}|${e.msg}`;
        const w = waiting.get(key);
        if (w !== undefined) {
          waits[w] = { ...(waits[w] as DiagramWait), until: e.t };
          waiting.delete(key);
        }
        break;
      }
      default:
        break;
    }
  }
  return { events, arrows, waits, stamps };
}
