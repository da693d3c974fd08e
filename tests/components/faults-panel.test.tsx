import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BufferList } from '../../src/components/BufferList.tsx';
import { FaultsPanel } from '../../src/components/FaultsPanel.tsx';
import { useSimulation } from '../../src/store/context.tsx';
import { renderWithStore } from './render.tsx';

/** Sets loss and duplication (percent) through the form, for the links chosen now. */
async function setRates(user: ReturnType<typeof userEvent.setup>, loss: string, dup: string): Promise<void> {
  await user.clear(screen.getByRole('spinbutton', { name: 'Loss (%)' }));
  if (loss !== '') await user.type(screen.getByRole('spinbutton', { name: 'Loss (%)' }), loss);
  await user.clear(screen.getByRole('spinbutton', { name: 'Duplication (%)' }));
  if (dup !== '') await user.type(screen.getByRole('spinbutton', { name: 'Duplication (%)' }), dup);
  await user.click(screen.getByRole('button', { name: 'Set' }));
}

describe('the faults panel', () => {
  it('sets loss and duplication for all links', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    expect(screen.getByRole('region', { name: 'Faults' })).toBeTruthy();
    await setRates(user, '30', '12.5');
    expect(store.getState().network).toMatchObject({ lossRate: 0.3, dupRate: 0.125, links: {} });
    expect(screen.getByRole('spinbutton', { name: 'Loss (%)' })).toHaveProperty('value', '30');
  });

  it('sets and clears the loss of one directed link', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Links' }), 'A→C');
    await setRates(user, '100', '0');
    expect(store.getState().network.lossRate).toBe(0);
    expect(store.getState().network.links).toEqual({ '0>2': { lossRate: 1, dupRate: 0 } });
    expect(screen.getByRole('option', { name: 'A→C (own settings)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use all-links values' }));
    expect(store.getState().network.links).toEqual({});
    expect(screen.getByRole('spinbutton', { name: 'Loss (%)' })).toHaveProperty('value', '0');
  });

  it('refuses a rate outside 0–100 or not a number, with a reason, and changes nothing', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    await setRates(user, '150', '0');
    expect(screen.getByRole('alert').textContent).toBe('Loss must be a number from 0 to 100 (percent).');
    await setRates(user, '10', '');
    expect(screen.getByRole('alert').textContent).toBe('Duplication must be a number from 0 to 100 (percent).');
    expect(store.getState().network).toMatchObject({ lossRate: 0, dupRate: 0 });
    await setRates(user, '10', '5');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().network).toMatchObject({ lossRate: 0.1, dupRate: 0.05 });
  });

  it('switches reliable delivery, but not while some link loses everything', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    const reliable = screen.getByRole('checkbox', { name: 'Reliable delivery' });
    await user.click(reliable);
    expect(store.getState().network.reliable).toBe(true);
    await setRates(user, '100', '0');
    expect(screen.getByRole('alert').textContent).toMatch(/cannot get through 100% loss/);
    expect(store.getState().network.lossRate).toBe(0);
    await user.click(reliable);
    await setRates(user, '100', '0');
    await user.click(reliable);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot get through 100% loss/);
    expect(store.getState().network.reliable).toBe(false);
    expect(reliable).toHaveProperty('checked', false);
  });

  it('chooses whether cut links hold or drop messages', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Partition mode' }), 'Cut links drop messages');
    expect(store.getState().network.partitionMode).toBe('drop');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Partition mode' }), 'Cut links hold messages');
    expect(store.getState().network.partitionMode).toBe('hold');
  });

  it('isolates a node and reconnects it, by mouse and by keyboard', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    const isolateC = screen.getByRole('button', { name: 'Isolate C' });
    expect(isolateC.getAttribute('aria-pressed')).toBe('false');
    await user.click(isolateC);
    expect(isolateC.getAttribute('aria-pressed')).toBe('true');
    expect(store.getState().view.cutLinks).toHaveLength(4);
    isolateC.focus();
    await user.keyboard('{Enter}');
    expect(isolateC.getAttribute('aria-pressed')).toBe('false');
    expect(store.getState().view.cutLinks).toEqual([]);
    expect(screen.getByRole('group', { name: 'Isolate' })).toBeTruthy();
  });

  it('shows the rates of the links chosen when applied with Enter', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FaultsPanel />);
    await user.clear(screen.getByRole('spinbutton', { name: 'Duplication (%)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Duplication (%)' }), '40{Enter}');
    expect(store.getState().network.dupRate).toBe(0.4);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Links' }), 'B→A');
    expect(screen.getByRole('spinbutton', { name: 'Duplication (%)' })).toHaveProperty('value', '40');
  });
});

/** Node B's buffer as NodeWindow renders it. */
function BufferOfB() {
  const node = useSimulation((s) => s.view.nodes[1]);
  return node ? <BufferList name={node.name} entries={node.buffer} discarded={node.discarded} marks={new Map()} /> : null;
}

describe('the buffer area', () => {
  it('says which duplicate the node discarded', () => {
    const { store } = renderWithStore(<BufferOfB />);
    const { actions } = store.getState();
    act(() => {
      actions.setManual(true);
      actions.send(0, 'Hello');
      while (store.getState().view.nextEventAt !== undefined) actions.step();
    });
    expect(screen.queryByText(/Discarded duplicate/)).toBeNull();
    act(() => {
      const flight = store.getState().view.flights.find((f) => f.to === 1);
      if (!flight) throw new Error('no flight to B');
      actions.dispatch({ kind: 'duplicate', flight: flight.id });
      for (const f of store.getState().view.flights.filter((x) => x.to === 1)) actions.dispatch({ kind: 'release', flight: f.id });
    });
    expect(screen.getByText(/Discarded duplicate/).textContent).toBe('Discarded duplicate: A1');
  });
});
