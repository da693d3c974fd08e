import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScenarioPanel } from '../../src/components/ScenarioPanel.tsx';
import { findScenario } from '../../src/scenarios/classroom.ts';
import { renderWithStore } from './render.tsx';

describe('ScenarioPanel', () => {
  it('says when the delivery policy is not the one the narration tells of', () => {
    const { store } = renderWithStore(<ScenarioPanel />);
    const scenario = findScenario('overtake');
    if (!scenario) throw new Error('overtake');
    act(() => store.getState().actions.loadScenario(scenario));
    expect(screen.queryByText(/as you chose/)).toBeNull();
    act(() => store.getState().actions.setPolicy('fifo'));
    act(() => store.getState().actions.scenarioStep(1));
    expect(screen.getByText(/as you chose/).textContent).toBe('Delivery here: FIFO (per sender), as you chose; the narration tells of Causal (vector clocks).');
  });
});
