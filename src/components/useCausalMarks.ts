import { useMemo } from 'react';
import { relateMessages } from '../sim/causality.ts';
import type { Message } from '../sim/message.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { useSimulation } from '../store/context.tsx';

/** How a message relates to the selected one; each mark is also shown in words or by shape. */
export type CausalMark = 'selected' | 'past' | 'future' | 'concurrent';

/** Words for each mark, shown beside the message so nothing is told by colour alone. */
export const MARK_LABELS: Readonly<Record<CausalMark, string>> = {
  selected: 'selected',
  past: '◀ happened before',
  future: '▶ happened after',
  concurrent: '∥ concurrent',
};

/** The messages sent so far, rebuilt from the trace's send events. */
export function sentMessages(trace: readonly TraceEvent[], names: readonly string[]): Map<string, Message> {
  const sent = new Map<string, Message>();
  for (const e of trace) {
    if (e.type !== 'send') continue;
    const sender = names.indexOf(e.node);
    sent.set(e.msg, { id: e.msg, sender, seq: e.vc[sender] ?? 0, vc: e.vc, text: e.text, sentAt: e.t });
  }
  return sent;
}

/** Marks every message sent so far relative to the first selected message (empty when none is). */
export function useCausalMarks(): ReadonlyMap<string, CausalMark> {
  const trace = useSimulation((s) => s.trace);
  const names = useSimulation((s) => s.view.names);
  const [selected] = useSimulation((s) => s.selectedMessages);
  return useMemo(() => {
    const marks = new Map<string, CausalMark>();
    if (selected === undefined) return marks;
    const sent = sentMessages(trace, names);
    const message = sent.get(selected);
    if (!message) return marks;
    const { past, future, concurrent } = relateMessages(message, sent.values());
    marks.set(selected, 'selected');
    for (const id of past) marks.set(id, 'past');
    for (const id of future) marks.set(id, 'future');
    for (const id of concurrent) marks.set(id, 'concurrent');
    return marks;
  }, [trace, names, selected]);
}
