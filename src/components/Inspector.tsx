import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { explainOrder, relateMessages } from '../sim/causality.ts';
import { useSimulation } from '../store/context.tsx';
import { Stamp, WithStamps } from './ClockView.tsx';
import { listSomeInWords, showClock } from './format.ts';
import { sentMessagesOf } from './trace-index.ts';

/**
 * Causal inspection of the selected message: its past, its future and what is concurrent with
 * it, each with the rule in words; with two selected, their timestamps entry by entry.
 */
export function Inspector() {
  const names = useSimulation((s) => s.view.names);
  const selected = useSimulation((s) => s.selectedMessages);
  const { selectMessage, clearSelection } = useSimulation((s) => s.actions);
  const sent = useSimulation((s) => sentMessagesOf(s.trace, s.traceLength, s.view.names));
  const [firstId, secondId] = selected;
  const first = firstId === undefined ? undefined : sent.byId.get(firstId);
  const second = secondId === undefined ? undefined : sent.byId.get(secondId);
  const relations = useMemo(() => (first ? relateMessages(first, sent.byId.values()) : undefined), [first, sent]);
  const nearby = useMemo(() => (first ? nearbyIds(sent.ids, first.id, second?.id) : undefined), [sent, first, second]);

  if (!first || !relations) {
    return (
      <section className="inspector" aria-label="Causal inspection">
        <p className="hint">Click a message id (in a chat, a buffer or the diagram) to see what happened before and after it. Shift-click a second one to compare.</p>
        <Legend />
      </section>
    );
  }
  const { past, future, concurrent } = relations;
  /** Why `id` relates to the selected message as it does: for the past its latest, which the list names, else its first. */
  const example = (ids: ReadonlySet<string>, latest = false): ReactNode => {
    const id = latest ? [...ids].at(-1) : ids.values().next().value;
    const other = id === undefined ? undefined : sent.byId.get(id);
    return other ? <WithStamps text={`${explainOrder(other, first, names, showClock).reason}.`} /> : undefined;
  };
  return (
    <section className="inspector" aria-label="Causal inspection">
      <p>
        <strong>{first.id}</strong> <Stamp vc={first.vc} /> “{first.text}”{' '}
        <button type="button" className="link-button" onClick={clearSelection}>
          Clear
        </button>
      </p>
      <ul className="relations">
        <li>
          <span className="mark-tag past">◀ Happened before it</span> {past.size > 0 ? listSomeInWords([...past], LISTED, 'last') : 'nothing'}. {example(past, true)}
        </li>
        <li>
          <span className="mark-tag future">▶ Happened after it</span> {future.size > 0 ? listSomeInWords([...future], LISTED) : 'nothing yet'}. {example(future)}
        </li>
        <li>
          <span className="mark-tag concurrent">∥ Concurrent</span> {concurrent.size > 0 ? listSomeInWords([...concurrent], LISTED) : 'nothing'}. {example(concurrent)}
        </li>
      </ul>
      <label className="compare-pick">
        Compare with{' '}
        <select value={second?.id ?? ''} aria-describedby={nearby?.more ? 'compare-nearby' : undefined} onChange={(e) => e.target.value && selectMessage(e.target.value, 'add')}>
          <option value="">choose a message</option>
          {nearby?.ids.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {nearby?.more && (
        <p className="hint" id="compare-nearby">
          Listed: the messages sent just before and after it. Shift-click any message id to compare with another.
        </p>
      )}
      {second && <Comparison key={`${first.id} ${second.id}`} a={first} b={second} names={names} />}
    </section>
  );
}

/** Ids a relation lists by name; the rest are counted. */
const LISTED = 12;
/** Messages the Compare with list offers on each side of the selected one, in send order. */
const NEARBY = 15;

/**
 * The messages the Compare with list offers, in send order: those sent just before and after
 * `first`, and `second` when it is further away. A long session has thousands; any of them can
 * still be compared by Shift-clicking its id, and `more` says whether the list leaves some out.
 */
export function nearbyIds(ids: readonly string[], first: string, second: string | undefined): { readonly ids: string[]; readonly more: boolean } {
  const at = ids.indexOf(first);
  const from = Math.max(0, at - NEARBY);
  const to = Math.min(ids.length, at + NEARBY + 1);
  const near = ids.slice(from, to).filter((id) => id !== first);
  const far = second === undefined || second === first ? -1 : ids.indexOf(second);
  if (far >= 0 && far < from) near.unshift(second as string);
  if (far >= to) near.push(second as string);
  return { ids: near, more: to - from < ids.length };
}

/** Two timestamps entry by entry, and the verdict with its reason. */
function Comparison({ a, b, names }: { a: { id: string; vc: readonly number[] }; b: { id: string; vc: readonly number[] }; names: readonly string[] }) {
  const result = explainOrder({ ...a, sender: 0, seq: 0, text: '', sentAt: 0 }, { ...b, sender: 0, seq: 0, text: '', sentAt: 0 }, names, showClock);
  // Opened below the inspector's fold, the comparison used to stay out of sight: a Shift-click
  // seemed to do nothing. (Each pair mounts its own comparison; see the key below.)
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <div className="comparison" ref={box}>
      <table>
        <caption className="visually-hidden">
          {a.id} and {b.id} entry by entry
        </caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[a, b].map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.id}</th>
              {names.map((n, k) => (
                <td key={n}>{m.vc[k] ?? 0}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">
              <span className="visually-hidden">Comparison</span>
            </th>
            {names.map((n, k) => {
              const x = a.vc[k] ?? 0;
              const y = b.vc[k] ?? 0;
              return <td key={n}>{x < y ? '<' : x > y ? '>' : '='}</td>;
            })}
          </tr>
        </tbody>
      </table>
      <p className="verdict" data-testid="verdict" aria-live="polite">
        <WithStamps text={`${result.reason}.`} />
      </p>
    </div>
  );
}

/** What the diagram's marks mean, by shape and pattern as well as colour. */
function Legend() {
  return (
    <p className="legend">
      Diagram: ● send · ○ arrival · ■ delivery · ✕ lost · ╌ on its way · <span className="legend-wait">▬▬</span> waiting in the buffer. Marks: ◀ before
      (solid blue) · ▶ after (dashed orange) · ∥ concurrent (faded).
    </p>
  );
}
