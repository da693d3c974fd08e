import { useState, type FormEvent } from 'react';
import { useSimulation } from '../store/context.tsx';
import { MAX_UI_DELAY_MS } from '../store/settings.ts';

function currentRange(delay: { kind: string; ms?: number; minMs?: number; maxMs?: number; meanMs?: number }): [string, string] {
  if (delay.kind === 'fixed') return [`${delay.ms}`, `${delay.ms}`];
  if (delay.kind === 'uniform') return [`${delay.minMs}`, `${delay.maxMs}`];
  return [`${delay.minMs}`, `${(delay.minMs ?? 0) + (delay.meanMs ?? 0)}`];
}

/** The network delay range for messages sent from now on; invalid ranges are refused with a reason. */
export function DelayControl() {
  const delay = useSimulation((s) => s.network.delay);
  const setDelay = useSimulation((s) => s.actions.setDelay);
  const [initialMin, initialMax] = currentRange(delay);
  const [min, setMin] = useState(initialMin);
  const [max, setMax] = useState(initialMax);
  const [problem, setProblem] = useState<string | undefined>();

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    const lo = Number(min);
    const hi = Number(max);
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > MAX_UI_DELAY_MS) {
      setProblem(`Delays are whole milliseconds from 1 to ${MAX_UI_DELAY_MS}.`);
    } else if (lo > hi) {
      setProblem('The minimum delay is above the maximum.');
    } else {
      setProblem(undefined);
      setDelay(lo === hi ? { kind: 'fixed', ms: lo } : { kind: 'uniform', minMs: lo, maxMs: hi });
    }
  };

  return (
    <form className="control delay" onSubmit={apply} aria-label="Network delay">
      <label>
        Delay
        <input type="number" inputMode="numeric" min={1} max={MAX_UI_DELAY_MS} value={min} aria-label="Minimum delay (ms)" onChange={(e) => setMin(e.target.value)} />
      </label>
      <span aria-hidden="true">–</span>
      <input type="number" inputMode="numeric" min={1} max={MAX_UI_DELAY_MS} value={max} aria-label="Maximum delay (ms)" onChange={(e) => setMax(e.target.value)} />
      <span>ms</span>
      <button type="submit">Apply</button>
      {problem && (
        <span className="refused" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
