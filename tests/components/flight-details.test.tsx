import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlightDetails } from '../../src/components/FlightDetails.tsx';
import { renderWithStore } from './render.tsx';

describe('the details of a selected flight', () => {
  it('tell a sequence number on its way from the chat message it numbers', () => {
    const { store } = renderWithStore(<FlightDetails />, { policy: 'total' });
    const { actions } = store.getState();
    act(() => {
      actions.setManual(true);
      actions.send(1, 'Question');
    });
    // B1 reaches the sequencer A, which numbers it and sends the number to B and C.
    const toA = store.getState().view.flights.find((f) => f.to === 0 && f.control === undefined);
    if (!toA) throw new Error('no flight of B1 to A');
    act(() => {
      while (store.getState().view.nextEventAt !== undefined) actions.step();
      actions.dispatch({ kind: 'release', flight: toA.id });
      while (store.getState().view.nextEventAt !== undefined) actions.step();
    });
    const order = store.getState().view.flights.find((f) => f.control === 'order' && f.to === 2);
    if (!order) throw new Error('no sequence number on its way to C');
    act(() => actions.selectFlight(order.id));
    const details = document.querySelector('.details');
    expect(details?.textContent).toMatch(/^Sequence number 1 for B1, from A to C\. Sent at .*, waiting to be let in\./);
    expect(details?.textContent).not.toContain('Question');
    expect(screen.getByRole('button', { name: 'Let it in' })).toBeTruthy();
  });

  it('show a chat message with its text and stamp', () => {
    const { store } = renderWithStore(<FlightDetails />);
    act(() => store.getState().actions.send(0, 'Lunch?'));
    const flight = store.getState().view.flights.find((f) => f.to === 1);
    if (!flight) throw new Error('no flight of A1 to B');
    act(() => store.getState().actions.selectFlight(flight.id));
    expect(document.querySelector('.details')?.textContent).toMatch(/^A1 “Lunch\?” from A to B, stamped \[1, 0, 0\]\. Sent at/);
  });
});
