import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ScenarioPanel } from '../../src/components/ScenarioPanel.tsx';
import { SessionMenu } from '../../src/components/SessionMenu.tsx';
import { serializeRunTrace } from '../../src/sim/trace-file.ts';
import { RUN_PARAM } from '../../src/store/share.ts';
import { createSimulationStore, type SimulationStore } from '../../src/store/simulation-store.ts';
import { catchDownloads } from './downloads.ts';
import { renderWithStore } from './render.tsx';

/** Everything a broken import must leave alone. */
function snapshot(store: SimulationStore): unknown {
  const { settings, network, view, trace, comparePolicy, scenario } = store.getState();
  return { settings, network, view, trace, comparePolicy, scenario, run: store.getState().actions.currentRun() };
}

function ui() {
  return (
    <>
      <SessionMenu />
      <ScenarioPanel />
    </>
  );
}

describe('the session menu', () => {
  it('opens a scenario and steps through its narration with Next and Back', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(ui());
    await screen.findByRole('option', { name: '3. A reply overtakes its question' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'overtake');
    const narration = screen.getByRole('region', { name: '3. A reply overtakes its question' });
    expect(narration.textContent).toContain('Step 1 of 5');
    expect(screen.getByRole('button', { name: 'Back' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(narration.textContent).toContain('Step 3 of 5: B replies');
    expect(store.getState().trace.filter((e) => e.type === 'send').map((e) => e.msg)).toEqual(['A1', 'B1']);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(narration.textContent).toContain('Step 2 of 5: A asks');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: '3. A reply overtakes its question' })).toBeNull();
    expect(store.getState().trace.filter((e) => e.type === 'send')).toHaveLength(1);
  });

  it('refuses a broken trace file with a message naming the problem and changes nothing', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(ui());
    act(() => {
      store.getState().actions.send(0, 'Hello');
      store.getState().actions.step();
    });
    const before = snapshot(store);
    await user.click(screen.getByText('Session'));
    await user.upload(screen.getByLabelText('Trace file to import'), new File(['{"format": "causal-chat-trace", "version": 1, "nodes": ['], 'broken.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Could not import broken\.json: The file is not valid JSON, perhaps cut short .* Nothing changed\./));
    expect(snapshot(store)).toEqual(before);
    await user.upload(screen.getByLabelText('Trace file to import'), new File(['{"format": "causal-chat-trace", "version": 7}'], 'future.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('version 7; only version 1'));
    expect(snapshot(store)).toEqual(before);
  });

  it('imports an exported trace into the same views', async () => {
    const user = userEvent.setup();
    const source = createSimulationStore(undefined, [], { playing: false });
    source.getState().actions.send(1, '<b>not bold</b>');
    source.getState().actions.step();
    const file = new File([serializeRunTrace(source.getState().actions.currentRun())], 'run.trace.json');
    const { store } = renderWithStore(ui(), { nodeCount: 5 });
    await user.click(screen.getByText('Session'));
    await user.upload(screen.getByLabelText('Trace file to import'), file);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported run.trace.json: 4 events replayed.'));
    expect(store.getState().view).toEqual(source.getState().view);
    expect(store.getState().settings.nodeCount).toBe(3);
  });

  it('copies a link that carries the run', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(ui());
    act(() => void store.getState().actions.send(2, 'Hey'));
    await user.click(screen.getByText('Session'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const link = ((await screen.findByRole('textbox', { name: 'Link to this run' })) as HTMLInputElement).value;
    expect(new URL(link).searchParams.get(RUN_PARAM)).toMatch(/^(z\.)?[\w-]+$/);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/\d+ characters/));
  });

  it('New session clears the run', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(ui());
    act(() => void store.getState().actions.send(0, 'Hello'));
    await user.click(screen.getByText('Session'));
    await user.click(screen.getByRole('button', { name: 'New session' }));
    expect(store.getState().trace).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('New session started.');
  });

  it('says how far an exported file reaches: after a rewind, up to the moment shown', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(ui());
    const { actions } = store.getState();
    act(() => {
      actions.send(0, 'Hello');
      actions.play();
      for (let t = 0; t < 8_000; t += 100) actions.tick(100);
    });
    const status = () => screen.getByRole('status').textContent;
    const files = await catchDownloads(async () => {
      await user.click(screen.getByText('Session'));
      await user.click(screen.getByRole('button', { name: 'Export trace' }));
      await waitFor(() => expect(status()).toBe('Trace exported.'));
      act(() => actions.stepBack());
      await user.click(screen.getByRole('button', { name: 'Export trace' }));
      await waitFor(() => expect(status()).toContain(`Trace exported up to t = ${(store.getState().now / 1000).toFixed(2)} s, the moment shown.`));
      await user.click(screen.getByRole('button', { name: 'Export ShiViz' }));
      await waitFor(() => expect(status()).toMatch(/^ShiViz log exported up to t = .* and export again to include it\. Open the log at/));
      // Stepped to the last event, before the moment the run was played to: nothing recorded is missing.
      act(() => {
        while (store.getState().canStep) actions.step();
      });
      expect(store.getState().now).toBeLessThan(8_000);
      await user.click(screen.getByRole('button', { name: 'Export trace' }));
      await waitFor(() => expect(status()).toBe('Trace exported.'));
    });
    const [whole, rewound, again] = [files[0], files[1], files[3]].map((text) => JSON.parse(text ?? '') as { events: unknown[] });
    expect(rewound?.events.length).toBeLessThan(whole?.events.length ?? 0);
    expect(again?.events).toEqual(whole?.events);
  });
});
