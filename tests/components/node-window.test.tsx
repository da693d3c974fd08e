import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NodeWindow } from '../../src/components/NodeWindow.tsx';
import { DEFAULT_NETWORK, type NetworkConfig } from '../../src/sim/network.ts';
import type { SimulationStore } from '../../src/store/simulation-store.ts';
import { renderWithStore } from './render.tsx';

function nodes(count: number) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <NodeWindow key={i} index={i} />
      ))}
    </>
  );
}

/** Processes scheduled events until `done` holds. */
function stepUntil(store: SimulationStore, done: () => boolean): void {
  for (let i = 0; i < 100 && !done(); i++) act(() => store.getState().actions.step());
}

describe('a node window', () => {
  it('sends with Enter, shows the message with its own stamp and ticks the clock', async () => {
    const user = userEvent.setup();
    renderWithStore(nodes(3));
    const a = screen.getByRole('region', { name: 'Node A' });
    await user.type(within(a).getByRole('textbox', { name: 'Message from A' }), 'Hello{Enter}');
    const inbox = within(a).getByTestId('inbox-A');
    const message = within(inbox).getByTestId('message');
    expect(message.dataset.msg).toBe('A1');
    expect(message.textContent).toContain('Hello');
    expect(message.textContent).toContain('[1, 0, 0]');
    expect(within(a).getByTestId('clock-A').textContent).toBe('[1, 0, 0]');
    expect(within(a).getByRole('textbox', { name: 'Message from A' })).toHaveProperty('value', '');
  });

  it('refuses empty text', async () => {
    const user = userEvent.setup();
    renderWithStore(nodes(2), { nodeCount: 2 });
    const a = screen.getByRole('region', { name: 'Node A' });
    await user.type(within(a).getByRole('textbox', { name: 'Message from A' }), '   ');
    await user.click(within(a).getByRole('button', { name: 'Send' }));
    expect(within(a).getByRole('alert').textContent).toBe('Type a message first');
    expect(within(a).queryAllByTestId('message')).toHaveLength(0);
    expect(within(a).getByTestId('clock-A').textContent).toBe('[0, 0]');
  });

  it('shows a stamp that is the message’s own, not the receiver’s current clock', () => {
    const { store } = renderWithStore(nodes(3), { delay: { kind: 'fixed', ms: 100 } });
    act(() => store.getState().actions.send(0, 'Hello'));
    stepUntil(store, () => store.getState().view.nodes[1]?.inbox.length === 1);
    act(() => store.getState().actions.send(1, 'Hi'));
    const b = screen.getByRole('region', { name: 'Node B' });
    const stamps = within(within(b).getByTestId('inbox-B'))
      .getAllByTestId('message')
      .map((m) => [m.dataset.msg, m.querySelector('.stamp')?.textContent]);
    expect(stamps).toEqual([
      ['A1', '[1, 0, 0]'],
      ['B1', '[1, 1, 0]'],
    ]);
    expect(within(b).getByTestId('clock-B').textContent).toBe('[1, 1, 0]');
  });
});

describe('the hold-back buffer', () => {
  it('explains in words what an early message waits for, then empties', async () => {
    const { store } = renderWithStore(nodes(3));
    const { actions } = store.getState();
    act(() => actions.dispatch({ kind: 'network', network: manualNetwork() }));
    act(() => actions.send(0, 'Question?'));
    releaseTo(store, 'A1', 1);
    act(() => actions.send(1, 'Answer!'));
    releaseTo(store, 'B1', 2);
    const buffer = await screen.findByTestId('buffer-C');
    const held = within(buffer).getByText((_, el) => el?.getAttribute('data-msg') === 'B1');
    expect(held.textContent).toContain('[1, 1, 0]');
    expect(held.textContent).toContain('waiting for A1');
    expect(within(screen.getByTestId('inbox-C')).queryAllByTestId('message')).toHaveLength(0);
    releaseTo(store, 'A1', 2);
    const inbox = within(screen.getByTestId('inbox-C')).getAllByTestId('message');
    expect(inbox.map((m) => m.dataset.msg)).toEqual(['A1', 'B1']);
    expect(within(screen.getByTestId('node-C')).getByRole('heading', { name: 'Hold-back buffer · empty' })).toBeTruthy();
  });
});

/** A network where every transmission stops before its receiver until released. */
function manualNetwork(): NetworkConfig {
  return { ...DEFAULT_NETWORK, delay: { kind: 'fixed', ms: 100 }, manual: true };
}

/** Runs the network until `msg` is parked before node `to`, then lets it in. */
function releaseTo(store: SimulationStore, msg: string, to: number): void {
  stepUntil(store, () => store.getState().view.flights.some((f) => f.message.id === msg && f.to === to && f.status === 'parked'));
  const flight = store.getState().view.flights.find((f) => f.message.id === msg && f.to === to);
  if (!flight) throw new Error(`${msg} is not in flight to ${to}`);
  act(() => store.getState().actions.dispatch({ kind: 'release', flight: flight.id }));
}

describe('total order', () => {
  it('a sender holds its own message until the sequencer numbers it, and says so', async () => {
    const { store } = renderWithStore(nodes(3), { policy: 'total', delay: { kind: 'fixed', ms: 100 } });
    act(() => store.getState().actions.send(1, 'Hi'));
    const held = within(await screen.findByTestId('buffer-B')).getByText((_, el) => el?.getAttribute('data-msg') === 'B1');
    expect(held.textContent).toContain('waiting for its sequence number from A');
    stepUntil(store, () => store.getState().view.nodes.every((n) => n.inbox.length === 1));
    expect(within(screen.getByTestId('inbox-B')).getAllByTestId('message').map((m) => m.dataset.msg)).toEqual(['B1']);
  });
});

describe('the causality-violation flag', () => {
  it('under FIFO flags a reply shown before its question and explains it from the stamp', () => {
    const { store } = renderWithStore(nodes(3), { policy: 'fifo' });
    const { actions } = store.getState();
    act(() => actions.dispatch({ kind: 'network', network: manualNetwork() }));
    act(() => actions.send(0, 'Question?'));
    releaseTo(store, 'A1', 1);
    act(() => actions.send(1, 'Answer!'));
    releaseTo(store, 'B1', 2);
    const flag = within(screen.getByTestId('inbox-C')).getByRole('note');
    expect(flag.textContent).toBe('⚠ Shown before A1, which it replies to Its stamp [1, 1, 0] says A1 happened before it; C has not shown that yet.');
  });

  it('under none flags a message shown before an earlier one from the same sender', () => {
    const { store } = renderWithStore(nodes(2), { nodeCount: 2, policy: 'none' });
    const { actions } = store.getState();
    act(() => actions.dispatch({ kind: 'network', network: manualNetwork() }));
    act(() => actions.send(0, 'one'));
    act(() => actions.send(0, 'two'));
    releaseTo(store, 'A2', 1);
    expect(within(screen.getByTestId('inbox-B')).getByRole('note').textContent).toContain('Shown before A1, which came before it');
  });
});
