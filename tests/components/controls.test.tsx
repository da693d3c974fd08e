import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Controls } from '../../src/components/Controls.tsx';
import { renderWithStore } from './render.tsx';

describe('the controls', () => {
  it('toggle play and pause', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().playing).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(store.getState().playing).toBe(false);
  });

  it('step processes exactly one event and is disabled when nothing is scheduled', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    const step = screen.getByRole('button', { name: 'Step' });
    // aria-disabled, so it keeps the focus; pressed, it does nothing (it does not pause a playing run).
    expect(step.getAttribute('aria-disabled')).toBe('true');
    const playing = store.getState().playing;
    await user.click(step);
    expect(store.getState().playing).toBe(playing);
    act(() => store.getState().actions.send(0, 'Hello'));
    expect(step.getAttribute('aria-disabled')).toBe('false');
    await user.click(step);
    expect(store.getState().view.processed).toBe(1);
    expect(store.getState().view.flights).toHaveLength(1);
  });

  it('changes speed within 0.25× to 4×', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '4');
    expect(store.getState().speed).toBe(4);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '0.25');
    expect(store.getState().speed).toBe(0.25);
  });

  it('names the no-comparison choice apart from the policy None, and turns comparison on and off', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    const compare = screen.getByRole('combobox', { name: /Compare with/ });
    const options = Array.from(compare.querySelectorAll('option'), (o) => o.textContent);
    expect(options).toEqual(['no comparison', 'Causal (vector clocks)', 'FIFO (per sender)', 'None (as it arrives)', 'Total (sequencer A)']);
    await user.selectOptions(compare, 'None (as it arrives)');
    expect(store.getState().comparePolicy).toBe('none');
    await user.selectOptions(compare, 'no comparison');
    expect(store.getState().comparePolicy).toBeUndefined();
  });

  it('switching the policy replays the same sends under the new policy', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    act(() => store.getState().actions.send(0, 'Hello'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Delivery' }), 'fifo');
    expect(store.getState().settings.policy).toBe('fifo');
    expect(store.getState().view.policy).toBe('fifo');
    expect(store.getState().trace.filter((e) => e.type === 'send')).toHaveLength(1);
  });

  it('applies a valid delay range and refuses an inverted one with a reason', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    const min = screen.getByRole('spinbutton', { name: 'Minimum delay (ms)' });
    const max = screen.getByRole('spinbutton', { name: 'Maximum delay (ms)' });
    await user.clear(min);
    await user.type(min, '100');
    await user.clear(max);
    await user.type(max, '900{Enter}');
    expect(store.getState().network.delay).toEqual({ kind: 'uniform', minMs: 100, maxMs: 900 });
    await user.clear(screen.getByRole('spinbutton', { name: 'Minimum delay (ms)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Minimum delay (ms)' }), '5000');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toBe('The minimum delay is above the maximum.');
    expect(store.getState().network.delay).toEqual({ kind: 'uniform', minMs: 100, maxMs: 900 });
  });

  it('changing the node count or seed starts a new run; reset clears the run', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Controls />);
    act(() => store.getState().actions.send(0, 'Hello'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Nodes' }), '5');
    expect(store.getState().view.names).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(store.getState().trace).toHaveLength(0);
    act(() => store.getState().actions.send(0, 'Hello'));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(store.getState().trace).toHaveLength(0);
    const seedBefore = store.getState().settings.seed;
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    expect(store.getState().settings.seed).not.toBe(seedBefore);
    expect(screen.getByText(`Seed ${store.getState().settings.seed}`)).toBeTruthy();
  });
});
