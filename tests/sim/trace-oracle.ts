import type { TraceEvent } from '../../src/sim/trace.ts';

/** What a trace says happened, rebuilt from its events alone. */
export interface TraceAnalysis {
  /** Send timestamps by message id. */
  readonly vcs: ReadonlyMap<string, readonly number[]>;
  /** Per node, the ids it delivered, in order. */
  readonly delivered: readonly string[][];
  /** Under `total`, the sequencer's numbering: ids by sequence number, starting at 1. */
  readonly order: readonly string[];
  /** Deliveries that skipped a message that happened before them, as `node:msg<pred`. */
  readonly violations: readonly string[];
  /** `order` events not from A or not numbered 1, 2, 3, … */
  readonly badOrders: readonly string[];
  /** Deliveries the engine flagged with `missing`. */
  readonly flagged: readonly string[];
}

/** Oracle happened-before on send timestamps: a ≤ b entry-wise and a ≠ b. */
function happenedBefore(a: readonly number[], b: readonly number[]): boolean {
  let strict = false;
  for (let k = 0; k < a.length; k++) {
    if ((a[k] as number) > (b[k] as number)) return false;
    if ((a[k] as number) < (b[k] as number)) strict = true;
  }
  return strict;
}

/** Rebuilds sends, the numbering under `total` and every node's delivery sequence from the trace. */
export function analyseTrace(names: readonly string[], events: readonly TraceEvent[]): TraceAnalysis {
  const vcs = new Map<string, readonly number[]>();
  const delivered = names.map((): string[] => []);
  const order: string[] = [];
  const violations: string[] = [];
  const badOrders: string[] = [];
  const flagged: string[] = [];
  for (const e of events) {
    if (e.type === 'send') vcs.set(e.msg, e.vc);
    else if (e.type === 'order') {
      if (e.node !== 'A' || e.seq !== order.length + 1) badOrders.push(`${e.node} numbered ${e.msg} ${e.seq}`);
      order.push(e.msg);
    } else if (e.type === 'deliver') {
      const node = names.indexOf(e.node);
      const vc = vcs.get(e.msg);
      if (!vc) throw new Error(`${e.msg} delivered at ${e.node} before it was sent`);
      if (e.missing) flagged.push(`${e.node}:${e.msg}`);
      const seen = new Set(delivered[node]);
      for (const [id, other] of vcs) if (happenedBefore(other, vc) && !seen.has(id)) violations.push(`${e.node}:${e.msg}<${id}`);
      (delivered[node] as string[]).push(e.msg);
    }
  }
  return { vcs, delivered, order, violations, badOrders, flagged };
}
