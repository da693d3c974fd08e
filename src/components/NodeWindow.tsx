import { lazy, useId, useState, type FormEvent } from 'react';
import { loadAnimatedBufferList } from '../deferred.ts';
import { useSimulation } from '../store/context.tsx';
import { ClockView } from './ClockView.tsx';
import { Deferred } from './Deferred.tsx';
import { Inbox } from './Inbox.tsx';
import { nodeColor } from './palette.ts';
import { useCausalMarks, type Pane } from './useCausalMarks.ts';

/** The buffer animates with framer-motion, which is kept out of the initial bundle. */
const BufferList = lazy(() => loadAnimatedBufferList().then((mod) => ({ default: mod.AnimatedBufferList })));

/** Holds the buffer's place, at the height of an empty one, until its code has loaded. */
function BufferPlaceholder() {
  return (
    <div className="buffer" aria-hidden="true">
      <h3>Hold-back buffer</h3>
    </div>
  );
}

/**
 * One chat node: its messages, its vector clock, its hold-back buffer and a composer. In the
 * comparison pane it has no composer (sends go to both runs from the main pane) and its test
 * ids start with `compare-`.
 */
export function NodeWindow({ index, pane = 'main' }: { index: number; pane?: Pane }) {
  const node = useSimulation((s) => (pane === 'main' ? s.view : s.compareView)?.nodes[index]);
  const comparePolicy = useSimulation((s) => s.comparePolicy);
  const marks = useCausalMarks(pane);
  const names = useSimulation((s) => s.view.names);
  const send = useSimulation((s) => s.actions.send);
  const [text, setText] = useState('');
  const [refused, setRefused] = useState(false);
  const inputId = useId();
  if (!node) return null;
  const { name } = node;
  const prefix = pane === 'main' ? '' : 'compare-';
  const under = pane === 'main' ? undefined : (comparePolicy ?? '');
  const label = under === undefined ? `Node ${name}` : `Node ${name} under ${under}`;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const sent = send(index, text);
    setRefused(!sent);
    if (sent) setText('');
  };

  return (
    <section className="node" aria-label={label} data-testid={`${prefix}node-${name}`} style={{ borderTopColor: nodeColor(index) }}>
      <header className="node-head">
        <span className="badge" style={{ background: nodeColor(index) }} aria-hidden="true">
          {name}
        </span>
        <h2>
          <span>Node {name}</span>
        </h2>
        <ClockView name={name} names={names} clock={node.clock} testId={`${prefix}clock-${name}`} />
      </header>
      <Inbox name={name} index={index} names={names} entries={node.inbox} marks={marks} testId={`${prefix}inbox-${name}`} under={under} />
      <Deferred fallback={<BufferPlaceholder />}>
        <BufferList name={name} entries={node.buffer} discarded={node.discarded} marks={marks} testId={`${prefix}buffer-${name}`} under={under} />
      </Deferred>
      {pane === 'main' && (
        <form className="composer" onSubmit={submit}>
          <label htmlFor={inputId} className="visually-hidden">
            Message from {name}
          </label>
          <input
            id={inputId}
            value={text}
            maxLength={200}
            autoComplete="off"
            placeholder="Type a message"
            aria-invalid={refused}
            onChange={(e) => {
              setText(e.target.value);
              setRefused(false);
            }}
          />
          <button type="submit">Send</button>
          {refused && (
            <span className="refused" role="alert">
              Type a message first
            </span>
          )}
        </form>
      )}
    </section>
  );
}
