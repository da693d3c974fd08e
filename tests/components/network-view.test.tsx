import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkView } from '../../src/components/NetworkView.tsx';
import { CROWDED_FLIGHTS } from '../../src/components/useFlightMotion.ts';
import type { SimulationStore } from '../../src/store/simulation-store.ts';
import { recordingContext } from './canvas-context.ts';
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
    vi.restoreAllMocks();
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
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
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

describe('a crowded network view', () => {
  let painted = recordingContext(400);
  beforeEach(() => {
    renders.clear();
    painted = recordingContext(400);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => painted.context) as never);
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    delete document.documentElement.dataset.theme;
  });

  /** Eight nodes, A sending 15 times at once: 105 flights, all from A, two at each spot. */
  function crowd(): SimulationStore {
    const { store } = renderWithStore(<NetworkView />, { nodeCount: 8 });
    act(() => {
      for (let i = 0; i < 15; i++) store.getState().actions.send(0, `Hello ${i}`);
    });
    expect(dots().length).toBeGreaterThan(CROWDED_FLIGHTS);
    return store;
  }

  function svg(): SVGSVGElement {
    const element = document.querySelector('svg');
    if (!element) throw new Error('no drawing');
    // The drawing's 400 units on 400 px, so pointer positions are in SVG units.
    element.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 400, height: 400 });
    return element;
  }

  it('paints every dot on one canvas as time passes, without moving or rendering the controls', () => {
    const store = crowd();
    expect(screen.getByTestId('flight-crowd')).toBeInstanceOf(HTMLCanvasElement);
    const transforms = dots().map((dot) => dot.getAttribute('transform'));
    act(() => {
      store.getState().actions.play();
      store.getState().actions.tick(50);
    });
    expect(painted.arcs).toBe(store.getState().view.flights.length);
    expect(painted.fills, 'one batched fill for the one sender').toHaveLength(1);
    expect(dots().map((dot) => dot.getAttribute('transform'))).toEqual(transforms);
    for (const id of flightIds(store)) expect(renders.get(id)).toBe(1);
  });

  it('keeps a control per flight that follows its flight while it has focus', () => {
    const store = crowd();
    const control = screen.getAllByRole('button', { name: /^A\d+ .* from A to B$/ })[0];
    if (!control) throw new Error('no control for a flight to B');
    act(() => control.focus());
    const focusedAt = control.getAttribute('transform');
    act(() => {
      store.getState().actions.play();
      store.getState().actions.tick(200);
    });
    expect(control.getAttribute('transform')).not.toBe(focusedAt);
    fireEvent.keyDown(control, { key: 'Enter' });
    expect(control.getAttribute('aria-pressed')).toBe('true');
  });

  it('a click on a painted dot picks its flight and leaves the link under it alone', () => {
    const store = crowd();
    const target = store.getState().view.flights.find((f) => f.to === 1);
    if (!target) throw new Error('no flight to B');
    const control = screen.getAllByRole('button', { name: new RegExp(`^${target.message.id} .* from A to B$`) })[0] as Element;
    const [, x = '', y = ''] = /translate\(([\d.]+) ([\d.]+)\)/.exec(control.getAttribute('transform') ?? '') ?? [];
    svg();
    const link = document.querySelector('[data-link="A-B"]') as Element;
    fireEvent.click(link, { clientX: Number(x), clientY: Number(y) });
    const picked = store.getState().view.flights.find((f) => f.id === store.getState().selectedFlight);
    expect(picked?.to, 'a flight on the lane to B').toBe(1);
    expect(store.getState().view.cutLinks).toEqual([]);
    fireEvent.click(link, { clientX: 5, clientY: 395 });
    expect(store.getState().view.cutLinks, 'away from any dot the link is cut as before').toHaveLength(2);
  });

  it('repaints the crowd when the reader asks for reduced motion (quarter-way hops)', () => {
    let onChange: (() => void) | undefined;
    const query = { matches: false, addEventListener: (_: string, listener: () => void) => void (onChange = listener), removeEventListener: () => undefined };
    vi.stubGlobal('matchMedia', () => query);
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((paint) => frames.push(paint));
    const runFrames = (): void => {
      for (const paint of frames.splice(0)) paint(0);
    };
    crowd();
    runFrames();
    const arcsBefore = painted.arcs;
    query.matches = true;
    act(() => onChange?.());
    runFrames();
    expect(painted.arcs).toBeGreaterThan(arcsBefore);
  });

  it('paints held dots in the surface colour of the theme in use, also after a theme switch', async () => {
    const surface = { light: '#ffffff', dark: '#0d1117' } as const;
    vi.spyOn(window, 'getComputedStyle').mockImplementation(() => ({ getPropertyValue: (name: string) => (name === '--surface' ? surface[document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'] : '') }) as CSSStyleDeclaration);
    document.documentElement.dataset.theme = 'light';
    const store = crowd();
    act(() => {
      store.getState().actions.toggleLink(0, 1);
      while (!store.getState().view.flights.some((f) => f.status === 'held')) store.getState().actions.step();
      for (let i = 0; i < 5; i++) store.getState().actions.send(2, `More ${i}`);
    });
    act(() => {
      store.getState().actions.play();
      store.getState().actions.tick(50);
    });
    expect(painted.fills).toContain(surface.light);
    painted.fills.length = 0;
    document.documentElement.dataset.theme = 'dark';
    await act(async () => {
      await Promise.resolve();
    });
    expect(painted.fills).toContain(surface.dark);
    expect(painted.fills).not.toContain(surface.light);
  });

  it('goes back to moving SVG dots when the crowd thins out', () => {
    const store = crowd();
    act(() => {
      while (store.getState().view.flights.length > CROWDED_FLIGHTS) store.getState().actions.step();
    });
    expect(screen.queryByTestId('flight-crowd')).toBeNull();
    const [dot] = dots();
    const start = dot?.getAttribute('transform');
    act(() => {
      store.getState().actions.play();
      store.getState().actions.tick(200);
    });
    expect(dot?.getAttribute('transform')).not.toBe(start);
  });

  it('says beside a link what its own settings are, per direction: a scenario’s slow or lossy link shows', () => {
    const { store } = renderWithStore(<NetworkView />);
    expect(screen.queryAllByTestId('link-note')).toEqual([]);
    act(() => {
      const { network } = store.getState();
      store.getState().actions.dispatch({
        kind: 'network',
        network: { ...network, links: { '0>2': { lossRate: 1 }, '2>0': { delay: { kind: 'uniform', minMs: 3000, maxMs: 3000 } } } },
      });
    });
    expect(screen.getAllByTestId('link-note').map((n) => n.textContent)).toEqual(['A→C: loss 100%', 'C→A: delay 3000 ms']);
    const link = document.querySelector('[data-testid="link"][data-link="A-C"]');
    expect(link?.getAttribute('aria-label')).toBe('Link A–C: click to cut; A→C: loss 100%; C→A: delay 3000 ms');
  });
});
