import { relateMessages } from '../sim/causality.ts';
import { useSimulation } from '../store/context.tsx';
import { sentMessagesOf, type SentMessages } from './trace-index.ts';

/** Which run a window shows: the main one, or the comparison run under another policy. */
export type Pane = 'main' | 'compare';

/** How a message relates to the selected one; each mark is also shown in words or by shape. */
export type CausalMark = 'selected' | 'past' | 'future' | 'concurrent';

/** Words for each mark, shown beside the message so nothing is told by colour alone. */
export const MARK_LABELS: Readonly<Record<CausalMark, string>> = {
  selected: 'selected',
  past: '◀ happened before',
  future: '▶ happened after',
  concurrent: '∥ concurrent',
};

/** No message marked: one shared empty map, so views that compare marks by identity see no change. */
const NO_MARKS: ReadonlyMap<string, CausalMark> = new Map();

/** The marks last computed for each set of sent messages, shared by every view that shows marks. */
const computed = new WeakMap<SentMessages, { selected: string; marks: ReadonlyMap<string, CausalMark> }>();

/** Marks every message in `sent` relative to `selected`, reusing the last result while neither changed. */
function marksFor(sent: SentMessages, selected: string): ReadonlyMap<string, CausalMark> {
  const last = computed.get(sent);
  if (last && last.selected === selected) return last.marks;
  const marks = new Map<string, CausalMark>();
  const message = sent.byId.get(selected);
  if (message) {
    const { past, future, concurrent } = relateMessages(message, sent.byId.values());
    marks.set(selected, 'selected');
    for (const id of past) marks.set(id, 'past');
    for (const id of future) marks.set(id, 'future');
    for (const id of concurrent) marks.set(id, 'concurrent');
  }
  computed.set(sent, { selected, marks });
  return marks;
}

/**
 * Marks every message sent so far relative to the first selected message (empty when none is).
 * The result keeps its identity until the selection or the set of sent messages changes, so
 * views re-render when a message is sent, not on every arrival. In the comparison pane the
 * marks come from the comparison run's own stamps: the same message ids, but a send there may
 * follow other deliveries, so what happened before it can differ.
 */
export function useCausalMarks(pane: Pane = 'main'): ReadonlyMap<string, CausalMark> {
  const [selected] = useSimulation((s) => s.selectedMessages);
  return useSimulation((s) => {
    if (selected === undefined) return NO_MARKS;
    if (pane === 'main') return marksFor(sentMessagesOf(s.trace, s.traceLength, s.view.names), selected);
    if (!s.compareTrace || !s.compareView) return NO_MARKS;
    return marksFor(sentMessagesOf(s.compareTrace, s.compareTraceLength, s.compareView.names), selected);
  });
}
