import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import App from '../../src/App.tsx';
import { BufferList } from '../../src/components/BufferList.tsx';
import { Inspector } from '../../src/components/Inspector.tsx';
import { SpaceTime } from '../../src/components/SpaceTime.tsx';
import type { BufferEntry } from '../../src/sim/view.ts';
import { SimulationProvider } from '../../src/store/context.tsx';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { createSimulationStore, type SimulationStore } from '../../src/store/simulation-store.ts';
import { LONG_DELIVERIES, longRun, longSessionConfig, recordOf } from '../../bench/long-run.ts';
import { MAX_MARKS } from '../../src/components/spacetime-model.ts';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { World } from '../../src/sim/world.ts';
import { catchDownloads } from './downloads.ts';
import { renderWithStore } from './render.tsx';

/** At most this many rows of one list are on the page, however long the session. */
const MAX_ROWS = 60;

function openLongSession(view: ReactElement = <App />): SimulationStore {
  const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
  store.getState().actions.loadRun(longRun());
  render(<SimulationProvider store={store}>{view}</SimulationProvider>);
  return store;
}

/** Scrolls `scroller` as a browser would, giving it the layout the test DOM lacks. */
function scrollTo(scroller: HTMLElement, topPx: number | 'end'): void {
  const viewportPx = 400;
  const contentPx = 10_000_000;
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: viewportPx });
  Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: contentPx });
  scroller.scrollTop = topPx === 'end' ? contentPx - viewportPx : topPx;
  fireEvent.scroll(scroller);
}

/** Opening a session this long in a test DOM takes a few seconds on a busy machine. */
const LONG_TEST_MS = 60_000;

describe(`a session of ${LONG_DELIVERIES.toLocaleString('en')} deliveries`, { timeout: LONG_TEST_MS }, () => {
  it('shows a chat of a thousand messages a screenful at a time, every message reachable by scrolling', () => {
    const store = openLongSession();
    const entries = store.getState().view.nodes[0]?.inbox ?? [];
    expect(entries.length).toBeGreaterThan(1_000);
    const chat = screen.getByRole('list', { name: 'Chat at A' });
    const shown = (): HTMLElement[] => within(chat).getAllByTestId('message');
    expect(shown().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(shown().at(-1)?.dataset.msg).toBe(entries.at(-1)?.message.id);
    expect(shown().at(-1)?.getAttribute('aria-setsize')).toBe(String(entries.length));

    const scroller = chat.parentElement as HTMLElement;
    act(() => scrollTo(scroller, 0));
    expect(shown().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(shown()[0]?.dataset.msg).toBe(entries[0]?.message.id);
    expect(shown()[0]?.getAttribute('aria-posinset')).toBe('1');

    act(() => scrollTo(scroller, 600 * 50));
    const middle = shown().find((row) => row.getAttribute('aria-posinset') === '601');
    expect(middle?.dataset.msg).toBe(entries[600]?.message.id);

    act(() => scrollTo(scroller, 'end'));
    expect(shown().at(-1)?.dataset.msg).toBe(entries.at(-1)?.message.id);
  });

  it('keeps following the newest message at the end, and stays put once scrolled up', () => {
    const store = openLongSession();
    const chat = screen.getByRole('list', { name: 'Chat at A' });
    const newest = (): string | undefined => within(chat).getAllByTestId('message').at(-1)?.dataset.msg;
    const inbox = () => store.getState().view.nodes[0]?.inbox ?? [];
    const count = inbox().length;
    act(() => {
      while (inbox().length === count) store.getState().actions.step();
    });
    expect(newest()).toBe(inbox().at(-1)?.message.id);

    act(() => scrollTo(chat.parentElement as HTMLElement, 0));
    const reading = within(chat).getAllByTestId('message')[0]?.dataset.msg;
    const grown = inbox().length;
    act(() => {
      while (inbox().length === grown) store.getState().actions.step();
    });
    expect(within(chat).getAllByTestId('message')[0]?.dataset.msg).toBe(reading);
    expect(newest()).not.toBe(inbox().at(-1)?.message.id);
  });

  it('logs every event, showing only the lines in view', () => {
    const store = openLongSession();
    const log = screen.getByRole('log');
    const { trace, traceLength } = store.getState();
    expect(log.dataset.events).toBe(String(traceLength));
    const lines = (): HTMLElement[] => [...log.querySelectorAll<HTMLElement>('li.ev')];
    expect(lines().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(lines().at(-1)?.getAttribute('aria-posinset')).toBe(String(traceLength));
    act(() => scrollTo(log, 0));
    expect(lines()[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(lines()[0]?.textContent).toContain(`sent ${trace[0]?.type === 'send' ? trace[0].msg : '?'}`);
  });

  it('draws only the part of the diagram in view, also after panning back', () => {
    const store = openLongSession(<SpaceTime />);
    const diagram = screen.getByTestId('spacetime');
    const dots = (): HTMLElement[] => within(diagram).queryAllByTestId('event');
    const timesDrawn = (): number[] => dots().map((dot) => Number(/t=(\d+)/.exec(dot.textContent ?? '')?.[1]));
    const runDots = store.getState().trace.filter((e) => e.type !== 'buffer').length;
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(dots().length).toBeGreaterThan(0);
    expect(dots().length).toBeLessThan(runDots / 20);
    const latest = Math.max(...timesDrawn());
    expect(latest).toBe(store.getState().view.now);
    fireEvent.click(screen.getByRole('button', { name: '◀ Earlier' }));
    fireEvent.click(screen.getByRole('button', { name: '◀ Earlier' }));
    expect(dots().length).toBeGreaterThan(0);
    expect(dots().length).toBeLessThan(runDots / 20);
    expect(Math.max(...timesDrawn())).toBeLessThan(latest);
  });
});

describe('the diagram of a dense run', { timeout: LONG_TEST_MS }, () => {
  it('draws the latest marks of a window holding too many to draw, and says so', () => {
    // Every generated send at once, on 1–5 ms links: 20,000 dots within a few milliseconds.
    const config = { ...longSessionConfig(), network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 1, maxMs: 5 } as const }, workload: { messages: 1_000, meanGapMs: 0 } };
    const world = new World(config);
    world.runToQuiet();
    const dotsInRun = world.trace.filter((e) => e.type !== 'buffer').length;
    expect(dotsInRun).toBeGreaterThan(4 * MAX_MARKS);
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    store.getState().actions.loadRun(recordOf(world));
    render(
      <SimulationProvider store={store}>
        <SpaceTime />
      </SimulationProvider>,
    );
    const diagram = screen.getByTestId('spacetime');
    const dots = within(diagram).queryAllByTestId('event');
    expect(dots.length).toBeGreaterThan(0);
    expect(dots.length).toBeLessThanOrEqual(2 * MAX_MARKS);
    expect(diagram.querySelectorAll('[data-testid="arrow"]').length).toBeLessThanOrEqual(2 * MAX_MARKS);
    // The latest are drawn: the run's last dot is there.
    const last = world.trace.findLast((e) => e.type === 'deliver');
    expect(dots.some((dot) => dot.getAttribute('data-msg') === last?.msg && dot.getAttribute('data-kind') === 'deliver')).toBe(true);
    expect(diagram.querySelector('.spacetime-note')?.textContent).toBe('Too many to draw at once: only the latest marks in view are drawn');
  });

  it('says nothing when it draws every mark', () => {
    openLongSession(<SpaceTime />);
    expect(screen.getByTestId('spacetime').querySelector('.spacetime-note')).toBeNull();
  });
});

describe('the inspector in a long run', { timeout: LONG_TEST_MS }, () => {
  it('names a dozen messages per relation and counts the rest, and offers the nearby ones to compare with', () => {
    const store = openLongSession(<Inspector />);
    const ids = [...(store.getState().view.nodes[0]?.inbox ?? [])].map((entry) => entry.message.id);
    const first = ids[0] as string;
    act(() => store.getState().actions.selectMessage(first, 'toggle'));
    const inspector = screen.getByRole('region', { name: 'Causal inspection' });
    const after = within(inspector).getByText('▶ Happened after it').parentElement as HTMLElement;
    const named = (after.textContent ?? '').match(/\b[A-H]\d+\b/g) ?? [];
    expect(new Set(named).size).toBeLessThanOrEqual(13);
    expect(after.textContent).toMatch(/and [\d,]+ more\./);
    const pick = within(inspector).getByRole('combobox', { name: /Compare with/ });
    const offered = within(pick).getAllByRole('option').filter((option) => option.getAttribute('value'));
    expect(offered.length).toBeLessThanOrEqual(30);
    expect(offered.map((option) => option.textContent)).toContain(ids[1]);
    expect(pick.getAttribute('aria-describedby')).toBe('compare-nearby');
    expect(document.getElementById('compare-nearby')?.textContent).toContain('Shift-click any message id');

    const far = ids.at(-1) as string;
    expect(offered.map((option) => option.textContent)).not.toContain(far);
    act(() => store.getState().actions.selectMessage(far, 'add'));
    expect((pick as HTMLSelectElement).value).toBe(far);
    expect(within(inspector).getByTestId('verdict').textContent).toContain(first);
  });
});

/** The number in an SVG `translate(x …)` or CSS `translateX(xpx)`, 0 without one. */
function shiftOf(transform: string | null | undefined): number {
  return Number(/translateX?\((-?[\d.e+-]+)/.exec(transform ?? '')?.[1] ?? 0);
}

/** Where a mark's x lands in the diagram: its own x plus every shift of the groups and layer boxes around it. */
function diagramX(mark: Element, x: number): number {
  let total = x;
  for (let el = mark.parentElement; el && el.dataset.testid !== 'spacetime'; el = el.parentElement) {
    total += shiftOf(el.getAttribute('transform')) + shiftOf(el.style.transform) + (Number.parseFloat(el.style.left) || 0);
  }
  return total;
}

/** Each receive dot's and each arrow head's x, by message and receiving node; and the now line's. */
function marksOnAxis(root: Element): { receives: Map<string, number[]>; arrowHeads: Map<string, number[]>; nowX: number } {
  const receives = new Map<string, number[]>();
  for (const dot of root.querySelectorAll('[data-testid="event"][data-kind="receive"]')) {
    const key = `${dot.getAttribute('data-msg')}>${dot.getAttribute('data-node')}`;
    receives.set(key, [...(receives.get(key) ?? []), diagramX(dot, Number(dot.getAttribute('cx')))]);
  }
  const arrowHeads = new Map<string, number[]>();
  for (const arrow of root.querySelectorAll('[data-testid="arrow"]:not(.lost)')) {
    const key = `${arrow.getAttribute('data-msg')}>${arrow.getAttribute('data-to')}`;
    arrowHeads.set(key, [...(arrowHeads.get(key) ?? []), diagramX(arrow, Number(arrow.getAttribute('x2')))]);
  }
  const now = root.querySelector('.st-now') as Element;
  return { receives, arrowHeads, nowX: diagramX(now, Number(now.getAttribute('x1'))) };
}

describe('the diagram of a long run', { timeout: LONG_TEST_MS }, () => {
  it('keeps its marks in the plot, right of the node names, so those drawn just before the window stay off them; in presenter mode too, with larger badges and labels', () => {
    const store = openLongSession(<SpaceTime />);
    const diagram = screen.getByTestId('spacetime');
    const measure = (): { badgePx: number; namesEndPx: number; plotLeftPx: number; labelPx: number } => {
      const badges = within(diagram)
        .getAllByTestId('spacetime-row')
        .map((row) => row.querySelector('circle') as SVGCircleElement);
      return {
        badgePx: Number(badges[0]?.getAttribute('r')),
        namesEndPx: Math.max(...badges.map((badge) => Number(badge.getAttribute('cx')) + Number(badge.getAttribute('r')))),
        plotLeftPx: Number.parseFloat(within(diagram).getByTestId('spacetime-plot').style.left),
        labelPx: Number(diagram.querySelector('.st-label')?.getAttribute('font-size')),
      };
    };
    const normal = measure();
    expect(normal.plotLeftPx).toBeGreaterThan(normal.namesEndPx);
    act(() => store.getState().actions.setPresenter(true));
    const presenter = measure();
    expect(presenter.plotLeftPx).toBeGreaterThan(presenter.namesEndPx);
    expect(presenter.badgePx).toBeGreaterThan(normal.badgePx);
    expect(presenter.labelPx).toBeGreaterThan(normal.labelPx);
  });

  it('puts settled and live marks on one time axis, on the page and in the exported file', async () => {
    const store = openLongSession(<SpaceTime />);
    for (let i = 0; i < 2; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const diagram = screen.getByTestId('spacetime');
    const settled = [...diagram.querySelectorAll('.st-settled [data-testid="event"]')];
    const live = [...diagram.querySelectorAll('.st-layer:not(.st-settled) [data-testid="event"]')];
    expect(settled.length).toBeGreaterThan(0);
    expect(live.length).toBeGreaterThan(0);

    // Times come from the dots' tooltips: x must be one line in t across both layers.
    const timed = [...settled, ...live]
      .filter((dot) => dot.tagName === 'circle')
      .map((dot) => ({ t: Number(/t=(\d+) ms/.exec(dot.textContent ?? '')?.[1]), x: diagramX(dot, Number(dot.getAttribute('cx'))) }))
      .sort((a, b) => a.t - b.t);
    const first = timed[0] as { t: number; x: number };
    const last = timed.at(-1) as { t: number; x: number };
    const pxPerMs = (last.x - first.x) / (last.t - first.t);
    expect(pxPerMs).toBeGreaterThan(0);
    for (const { t, x } of timed) expect(x).toBeCloseTo(first.x + (t - first.t) * pxPerMs, 6);
    const page = marksOnAxis(diagram);
    // The now line moves in steps of 50 ms, ahead of the run's time by less than a step.
    const aheadMs = (page.nowX - first.x) / pxPerMs + first.t - store.getState().now;
    expect(aheadMs).toBeGreaterThanOrEqual(-1e-6);
    expect(aheadMs).toBeLessThan(50);
    // Arrows, in the line layers, end on their receive dots, in the dot layers.
    const matched = { settled: 0, live: 0 };
    for (const [key, heads] of page.arrowHeads) {
      const dots = page.receives.get(key);
      if (!dots) continue;
      for (const head of heads) expect(dots.some((x) => Math.abs(x - head) < 1e-6)).toBe(true);
      const arrow = diagram.querySelector(`[data-testid="arrow"][data-msg="${key.split('>')[0]}"][data-to="${key.split('>')[1]}"]`);
      matched[arrow?.closest('.st-settled') ? 'settled' : 'live'] += heads.length;
    }
    expect(matched.settled).toBeGreaterThan(10);
    expect(matched.live).toBeGreaterThan(0);

    const [saved] = await catchDownloads(() => void fireEvent.click(screen.getByRole('button', { name: 'SVG' })));
    // Read as HTML: the test DOM's serializer writes the svg's xmlns twice (browsers do not; the e2e test parses the file as XML).
    const file = new DOMParser().parseFromString(saved ?? '', 'text/html').body.firstElementChild as Element;
    expect(file.tagName.toLowerCase()).toBe('svg');
    expect(file.querySelector('title')?.textContent).toContain('Space-time diagram');
    const clip = file.querySelector('clipPath rect');
    expect(Number(clip?.getAttribute('x'))).toBe(Number.parseFloat(within(diagram).getByTestId('spacetime-plot').style.left));
    const exported = marksOnAxis(file);
    expect(exported.nowX).toBeCloseTo(page.nowX, 6);
    expect([...exported.receives]).toEqual([...page.receives].map(([key, xs]) => [key, xs.map((x) => expect.closeTo(x, 6))]));
    expect([...exported.arrowHeads]).toEqual([...page.arrowHeads].map(([key, xs]) => [key, xs.map((x) => expect.closeTo(x, 6))]));
  });
});

describe('the diagram while the run goes on', () => {
  it('adds the new marks and moves the view, without rewriting the marks already drawn', () => {
    const store = openLongSession(<SpaceTime />);
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const diagram = screen.getByTestId('spacetime');
    const before = new Set(within(diagram).getAllByTestId('event'));
    const watch = new MutationObserver(() => undefined);
    watch.observe(diagram, { attributes: true, subtree: true });
    const startedAt = store.getState().view.now;
    act(() => {
      while (store.getState().view.now < startedAt + 300) store.getState().actions.step();
    });
    const rewritten = new Set(watch.takeRecords().flatMap((record) => (before.has(record.target as HTMLElement) ? [record.target] : [])));
    watch.disconnect();
    const after = within(diagram).getAllByTestId('event');
    expect(after.filter((dot) => !before.has(dot)).length).toBeGreaterThan(0);
    expect(after.filter((dot) => before.has(dot)).length).toBeGreaterThan(before.size / 2);
    expect(rewritten.size).toBe(0);
  });
});

describe('the diagram of a young run', () => {
  /** A run of two sends, A1 at 0 ms and B1 at 600 ms, played to 800 ms, with its diagram. */
  function youngRun(): { store: SimulationStore; playTo: (ms: number) => void; gap: () => number; replay: () => void } {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: true });
    render(
      <SimulationProvider store={store}>
        <SpaceTime />
      </SimulationProvider>,
    );
    const playTo = (ms: number): void =>
      act(() => {
        while (store.getState().now < ms) store.getState().actions.tick(ms - store.getState().now);
      });
    const replay = (): void => {
      act(() => store.getState().actions.send(0, 'Hello'));
      playTo(600);
      act(() => store.getState().actions.send(1, 'Hi'));
      playTo(800);
    };
    replay();
    const diagram = screen.getByTestId('spacetime');
    /** Where a send is drawn (its dot moves from the live to the settled layers, so it is looked up afresh). */
    const x = (msg: string): number => {
      const dot = diagram.querySelector(`[data-kind="send"][data-msg="${msg}"]`) as Element;
      return diagramX(dot, Number(dot.getAttribute('cx')));
    };
    return { store, playTo, gap: () => x('B1') - x('A1'), replay };
  }

  it('widens its window in steps as the run grows, so its marks stay put in between', () => {
    const { playTo, gap } = youngRun();
    const first = gap();
    expect(first).toBeGreaterThan(50);
    // A click on the plot (no drag) changes nothing.
    const plot = screen.getByTestId('spacetime');
    fireEvent.pointerDown(plot, { clientX: 300, pointerId: 1 });
    fireEvent.pointerUp(plot, { clientX: 300, pointerId: 1 });
    // The window is 3 s wide while that is at least 1.15 × now (until 2.6 s)…
    playTo(2_500);
    expect(gap()).toBe(first);
    // …then 3.75 s: the run so far takes four fifths of the width it took, and stays so until 3.26 s.
    for (const ms of [2_700, 3_200]) {
      playTo(ms);
      expect(gap()).toBeCloseTo(first / 1.25, 6);
    }
    playTo(9_000);
    expect(gap()).toBeCloseTo((first * 3_000) / 10_000, 6);
  });

  it('zooms out at once while the run is young, and keeps the zoom as the run grows', () => {
    const { playTo, gap } = youngRun();
    const first = gap();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(gap()).toBeCloseTo(first / 1.5, 6);
    playTo(4_000);
    expect(gap()).toBeCloseTo(first / 1.5, 6);
  });

  it('pans on a sideways drag, not on a finger scrolling the page, and a drag the browser cancels puts the window back', () => {
    const { gap } = youngRun();
    const first = gap();
    const plot = screen.getByTestId('spacetime');
    const follow = screen.getByRole('button', { name: 'Follow now' });
    const press = (x: number, y: number, pointerType = 'mouse'): void => void fireEvent.pointerDown(plot, { clientX: x, clientY: y, pointerId: 1, pointerType });
    const move = (x: number, y: number, pointerType = 'mouse'): void => void fireEvent.pointerMove(plot, { clientX: x, clientY: y, pointerId: 1, pointerType });
    // A finger scrolling the page over the diagram: upwards, drifting sideways by more than the
    // drag threshold but less than it moves up.
    press(300, 140, 'touch');
    move(303, 110, 'touch');
    move(310, 60, 'touch');
    fireEvent.pointerCancel(plot, { pointerId: 1, pointerType: 'touch' });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    expect(gap()).toBe(first);
    // A sideways drag pans, from where the press began; a second finger meanwhile changes nothing.
    press(300, 100);
    move(304, 100);
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    fireEvent.pointerDown(plot, { clientX: 100, clientY: 100, pointerId: 2 });
    fireEvent.pointerMove(plot, { clientX: 500, clientY: 100, pointerId: 2 });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    move(360, 104);
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    fireEvent.pointerUp(plot, { clientX: 360, clientY: 104, pointerId: 1 });
    // One the browser takes over part-way puts the window back where it was: following now.
    fireEvent.click(follow);
    press(300, 100);
    move(380, 100);
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    fireEvent.pointerCancel(plot, { pointerId: 1 });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
  });

  it('a press held while the run plays, then dragged, moves the window from where it is by then', () => {
    const { playTo } = youngRun();
    // Past its first 10 s the window follows now, moving on as the run plays.
    playTo(12_000);
    const plot = screen.getByTestId('spacetime');
    const nowX = (): number => marksOnAxis(plot).nowX;
    fireEvent.pointerDown(plot, { clientX: 300, clientY: 100, pointerId: 1 });
    fireEvent.pointerMove(plot, { clientX: 302, clientY: 100, pointerId: 1 });
    playTo(14_000);
    const before = nowX();
    fireEvent.pointerMove(plot, { clientX: 280, clientY: 100, pointerId: 1 });
    expect(nowX() - before).toBeCloseTo(-20, 0);
    fireEvent.pointerUp(plot, { clientX: 280, clientY: 100, pointerId: 1 });
  });

  it('keeps a zoom and a pan through time travel, and starts a new run following now at the usual width', () => {
    const { store, gap, replay } = youngRun();
    const first = gap();
    const follow = screen.getByRole('button', { name: 'Follow now' });
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: '◀ Earlier' }));
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    const zoomed = gap();
    expect(zoomed).toBeCloseTo(first / 1.5, 6);
    act(() => store.getState().actions.seek(700));
    expect(gap()).toBeCloseTo(zoomed, 6);
    expect(follow.getAttribute('aria-pressed')).toBe('false');

    act(() => {
      store.getState().actions.reset();
      store.getState().actions.play();
    });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    replay();
    expect(gap()).toBeCloseTo(first, 6);
  });
});

describe('a long hold-back buffer', () => {
  it('shows the held messages in view only, and the oldest and newest by scrolling', () => {
    const held: BufferEntry[] = Array.from({ length: 500 }, (_, i) => ({
      message: { id: `B${i + 2}`, sender: 1, seq: i + 2, vc: [1, i + 2, 0], text: 'later', sentAt: i },
      arrivedAt: i,
      waitingFor: ['B1'],
    }));
    renderWithStore(<BufferList name="C" entries={held} discarded={[]} marks={new Map()} />);
    const buffer = screen.getByRole('list', { name: 'Hold-back buffer of C' });
    const rows = (): HTMLElement[] => within(buffer).getAllByRole('listitem');
    expect(screen.getByRole('heading', { name: /Hold-back buffer \(500\)/ })).toBeTruthy();
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(rows()[0]?.textContent).toContain('B2');
    expect(rows()[0]?.textContent).toContain('waiting for B1');
    act(() => scrollTo(buffer.parentElement as HTMLElement, 'end'));
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS);
    expect(rows().at(-1)?.dataset.msg).toBe('B501');
    expect(rows().at(-1)?.getAttribute('aria-posinset')).toBe('500');
  });
});
