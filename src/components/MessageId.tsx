import type { MouseEvent } from 'react';
import { useSimulation } from '../store/context.tsx';
import { MARK_LABELS, type CausalMark } from './useCausalMarks.ts';

/** A message id that selects the message for inspection; Shift-click picks a second to compare. */
export function MessageId({ id, mark }: { id: string; mark: CausalMark | undefined }) {
  const selectMessage = useSimulation((s) => s.actions.selectMessage);
  const onClick = (event: MouseEvent): void => selectMessage(id, event.shiftKey ? 'add' : 'toggle');
  return (
    <>
      <button type="button" className="msg-id" aria-pressed={mark === 'selected'} title="Inspect its causal past and future (Shift-click: compare with the selected one)" onClick={onClick}>
        {id}
      </button>
      {mark && mark !== 'selected' && <span className={`mark-tag ${mark}`}>{MARK_LABELS[mark]}</span>}
    </>
  );
}
