import { useId, useState, type FormEvent } from 'react';
import { useSimulation } from '../store/context.tsx';
import { BufferList } from './BufferList.tsx';
import { ClockView } from './ClockView.tsx';
import { Inbox } from './Inbox.tsx';
import { nodeColor } from './palette.ts';

/** One chat node: its messages, its vector clock, its hold-back buffer and a composer. */
export function NodeWindow({ index }: { index: number }) {
  const node = useSimulation((s) => s.view.nodes[index]);
  const names = useSimulation((s) => s.view.names);
  const send = useSimulation((s) => s.actions.send);
  const [text, setText] = useState('');
  const [refused, setRefused] = useState(false);
  const inputId = useId();
  if (!node) return null;
  const { name } = node;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const sent = send(index, text);
    setRefused(!sent);
    if (sent) setText('');
  };

  return (
    <section className="node" aria-label={`Node ${name}`} data-testid={`node-${name}`} style={{ borderTopColor: nodeColor(index) }}>
      <header className="node-head">
        <span className="badge" style={{ background: nodeColor(index) }} aria-hidden="true">
          {name}
        </span>
        <h2>Node {name}</h2>
        <ClockView name={name} names={names} clock={node.clock} />
      </header>
      <Inbox name={name} index={index} names={names} entries={node.inbox} />
      <BufferList name={name} entries={node.buffer} />
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
    </section>
  );
}
