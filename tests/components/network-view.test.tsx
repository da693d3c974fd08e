import { act, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkView } from '../../src/components/NetworkView.tsx';
import { CROWDED_FLIGHTS } from '../../src/components/useFlightMotion.ts';
import type { SimulationStore } from '../../src/store/simulation-store.ts';
import { renderWithStore } from './render.tsx';

/** FlightDot renders by flight id, as the component reports them to the bench counter. */
const renders = vi.hoisted(() => new Map<number, number>());
vi.mock('../../src/components/render-count.ts', () => ({
  countRender: (component: string, key?: number) => {
    if (component === 'FlightDot' && key !== undefined) renders.set(key, (renders.get(key) ?? 0) + 1);
  },
}));

function dots(): SVGGElement[] {
  return [...document.querySelectorAll<SVGGElement>('[data-testid="flight"]')];
}

function flightIds(store: SimulationStore): number[] {
  return store.getState().view.flights.map((f) => f.id);
}

/** Three nodes, A and B each sending once: four flights. */
function sendTwo(): SimulationStore {
  const { store } = renderWithStore(<NetworkView />);
  act(() => {
    store.getState().actions.send(0, 'Hello');
    store.getState().actions.send(1, 'Hi');
  });
  return store;
}

describe('the network view', () => {
  beforeEach(() => renders.clear());

  it('renders each flight once, and an arrival re-renders none of the others', () => {
    const store = sendTwo();
    expect(dots()).toHaveLength(4);
    for (const id of flightIds(store)) expect(renders.get(id)).toBe(1);
    act(() => store.getState().actions.step());
    expect(dots()).toHaveLength(3);
    for (const id of flightIds(store)) expect(renders.get(id)).toBe(1);
  });

  it('moves the dots as virtual time passes, without rendering them again', () => {
    const store = sendTwo();
    const [dot] = dots();
    const start = dot?.getAttribute('transform');
    expect(start).toMatch(/^translate\(/);
    act(() => {
      store.getState().actions.play();
      store.getState().actions.tick(50);
    });
    expect(dot?.getAttribute('transform')).not.toBe(start);
    for (const id of flightIds(store)) expect(renders.get(id)).toBe(1);
  });

  it('selecting a dot renders that dot again and no other', () => {
    const store = sendTwo();
    const [first] = dots();
    if (!first) throw new Error('no flight drawn');
    fireEvent.click(first);
    expect(first.getAttribute('aria-pressed')).toBe('true');
    const selected = store.getState().selectedFlight;
    for (const id of flightIds(store)) expect(renders.get(id)).toBe(id === selected ? 2 : 1);
  });
});

describe('a finished flight', () => {
  const animate = vi.fn<() => EventTarget>(() => new EventTarget());
  beforeEach(() => {
    animate.mockClear();
    Object.defineProperty(Element.prototype, 'animate', { value: animate, configurable: true, writable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(Element.prototype, 'animate');
  });

  it('fades out as a copy that is no longer a control', () => {
    const store = sendTwo();
    act(() => store.getState().actions.step());
    const leaving = document.querySelectorAll('[data-testid="flight-leaving"]');
    expect(leaving).toHaveLength(1);
    const ghost = leaving[0] as Element;
    expect(ghost.getAttribute('role')).toBeNull();
    expect(ghost.getAttribute('tabindex')).toBeNull();
    expect(ghost.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(animate).toHaveBeenCalledTimes(1);
    expect(dots()).toHaveLength(3);
  });

  it('goes without fading when more than CROWDED_FLIGHTS flights are in the air', () => {
    const { store } = renderWithStore(<NetworkView />, { nodeCount: 8 });
    act(() => {
      for (let i = 0; i < 15; i++) store.getState().actions.send(0, `Hello ${i}`);
    });
    expect(dots().length).toBeGreaterThan(CROWDED_FLIGHTS);
    act(() => store.getState().actions.step());
    expect(document.querySelectorAll('[data-testid="flight-leaving"]')).toHaveLength(0);
    expect(animate).not.toHaveBeenCalled();
  });
});
