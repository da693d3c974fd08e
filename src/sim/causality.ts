import { compareClocks, type ClockOrder } from './clock.ts';
import type { Message } from './message.ts';

/** How every other message relates to one selected message. */
export interface CausalRelations {
  /** Messages that happened before the selected one. */
  readonly past: ReadonlySet<string>;
  /** Messages the selected one happened before. */
  readonly future: ReadonlySet<string>;
  /** Messages concurrent with it: neither happened before the other. */
  readonly concurrent: ReadonlySet<string>;
}

/**
 * Splits `messages` into the causal past, future and concurrent set of `selected`, by their
 * vector timestamps: m → n iff vc(m) ≤ vc(n) entry by entry and vc(m) ≠ vc(n). A message
 * stamped at its send carries everything its sender had delivered, so the timestamps order the
 * sends exactly as happened-before does, with a delivery as the moment a message is known.
 */
export function relateMessages(selected: Message, messages: Iterable<Message>): CausalRelations {
  const past = new Set<string>();
  const future = new Set<string>();
  const concurrent = new Set<string>();
  for (const m of messages) {
    if (m.id === selected.id) continue;
    const order = compareClocks(m.vc, selected.vc);
    if (order === 'before') past.add(m.id);
    else if (order === 'after') future.add(m.id);
    else concurrent.add(m.id);
  }
  return { past, future, concurrent };
}

/** Two messages compared: the relation and, entry by entry, why. */
export interface ClockComparison {
  readonly order: ClockOrder;
  /** One sentence, e.g. `B1 happened before C1 because [1,1,0] ≤ [1,1,1]`. */
  readonly reason: string;
}

/** Explains how message `a` relates to message `b`, naming the entries that decide it. */
export function explainOrder(a: Message, b: Message, names: readonly string[], showClock: (vc: readonly number[]) => string): ClockComparison {
  const order = compareClocks(a.vc, b.vc);
  const va = showClock(a.vc);
  const vb = showClock(b.vc);
  switch (order) {
    case 'before':
      return { order, reason: `${a.id} happened before ${b.id} because ${va} ≤ ${vb} in every entry and they differ` };
    case 'after':
      return { order, reason: `${b.id} happened before ${a.id} because ${vb} ≤ ${va} in every entry and they differ` };
    case 'equal':
      return { order, reason: `${a.id} and ${b.id} carry the same timestamp ${va}` };
    case 'concurrent': {
      const more = names.filter((_, k) => (a.vc[k] ?? 0) > (b.vc[k] ?? 0));
      const less = names.filter((_, k) => (a.vc[k] ?? 0) < (b.vc[k] ?? 0));
      return {
        order,
        reason: `${a.id} and ${b.id} are concurrent: ${va} is larger in ${more.join(', ')} but smaller in ${less.join(', ')} than ${vb}, so neither happened before the other`,
      };
    }
  }
}
