import { useState } from 'react';
import type { TraceEvent } from '../sim/trace.ts';
import { useSimulation } from '../store/context.tsx';
import { describeWait, listInWords, senderOf, showClock, showSeconds } from './format.ts';
import { sentMessagesOf } from './trace-index.ts';

/** How many of the newest announcements stay in the live region. */
const KEPT = 3;
/** How far back from the newest event the announcements are looked for. */
const LOOKBACK_EVENTS = 500;

/**
 * Says a delivery or a buffering in words, with the message's own stamp, e.g.
 * `B delivered A1 “Hello”, stamped [1, 0, 0]`; a delivery that breaks causal order says so.
 */
export function announce(event: TraceEvent, sent: ReadonlyMap<string, { readonly text: string; readonly vc: readonly number[] }>): string | undefined {
  if (event.type === 'deliver') {
    const message = sent.get(event.msg);
    const stamp = message ? `, stamped ${showClock(message.vc)}` : '';
    const broken = event.missing ? `, before ${listInWords(event.missing)}, which it depends on: causal order broken` : '';
    return `${event.node} delivered ${event.msg} “${message?.text ?? ''}”${stamp}${broken}`;
  }
  if (event.type === 'buffer') return `${event.node} holds ${event.msg} back, waiting for ${describeWait(event.waitingFor, event.order)}`;
  return undefined;
}

interface Seen {
  readonly run: number;
  readonly policy: string;
  readonly length: number;
  readonly from: number;
  readonly back: { readonly key: number; readonly text: string } | undefined;
}

/**
 * A polite live region announcing deliveries (not a sender's own copy) and buffering, a step
 * back, and the narration of each scenario step. Lines are keyed, so only new ones are added
 * to the page and spoken; only the newest events are read, however long the run. After a step
 * back the region says where the run went back to, and not again the deliveries before it.
 */
export function Announcer() {
  const trace = useSimulation((s) => s.trace);
  const length = useSimulation((s) => s.traceLength);
  const engineNow = useSimulation((s) => s.view.now);
  const sent = useSimulation((s) => sentMessagesOf(s.trace, s.traceLength, s.view.names));
  const position = useSimulation((s) => s.scenario);
  const run = useSimulation((s) => s.runSerial);
  const policy = useSimulation((s) => s.settings.policy);
  // The run, policy and trace length last rendered, the first event still news, and the last
  // step back. Time travel rebuilds the run (a new trace, the same run): only a new run starts afresh.
  const [seen, setSeen] = useState<Seen>({ run, policy, length, from: 0, back: undefined });
  let memory = seen;
  if (seen.run !== run) memory = { run, policy, length, from: 0, back: undefined };
  // A policy switch replays the same moment under another policy: its trace is no news, nor a step back.
  else if (policy !== seen.policy) memory = { ...seen, policy, length, from: length };
  else if (length < seen.length) memory = { ...seen, length, from: length, back: { key: (seen.back?.key ?? 0) + 1, text: `Back to ${showSeconds(engineNow)}` } };
  else if (length !== seen.length) memory = { ...seen, length };
  if (memory !== seen) setSeen(memory);

  const lines: { key: string; text: string }[] = [];
  for (let i = length - 1; i >= Math.max(memory.from, length - LOOKBACK_EVENTS) && lines.length < KEPT; i--) {
    const e = trace[i] as TraceEvent;
    if (e.type === 'deliver' && senderOf(e.msg) === e.node) continue;
    const text = announce(e, sent.byId);
    if (text) lines.unshift({ key: `event-${i}`, text });
  }
  if (memory.back && lines.length < KEPT) lines.unshift({ key: `back-${memory.back.key}`, text: memory.back.text });
  const step = position?.scenario.steps[position.step];
  return (
    <>
      <div className="visually-hidden" aria-live="polite" data-testid="announcer">
        {lines.map((line) => (
          <p key={line.key}>{line.text}</p>
        ))}
      </div>
      {/* Mounted before any scenario opens, so the first step is read out as well as the next. */}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration-announcer">
        {position && step && (
          <p key={`${position.scenario.id}-${position.step}`}>
            {position.scenario.title}, step {position.step + 1} of {position.scenario.steps.length}: {step.title}. {step.narration}
          </p>
        )}
      </div>
    </>
  );
}
