import type { Locator } from '@playwright/test';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** With 3 nodes, causal delivery and the default 300–2500 ms delays, this seed makes B's reply reach C before A's question. */
const OVERTAKING_SEED = 9;

test.describe('classroom view', () => {
  let app: ClassroomPage;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
  });

  test("the README example typed through the UI ends with every clock at [1, 1, 1]", async () => {
    await app.goto('?seed=1');
    await app.pause();

    await app.send('A', 'Hello');
    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
    await app.send('B', 'Hi');
    await app.stepUntil(() => app.hasDelivered('C', 'A1', 'B1'), 20, 'A1 and B1 at C');
    await app.send('C', 'Hey both!');
    await app.stepUntilIdle();

    for (const name of ['A', 'B', 'C']) {
      await expect(app.messages(name)).toHaveCount(3);
      expect(await app.inboxIds(name), `chat order at ${name}`).toEqual(['A1', 'B1', 'C1']);
      expect(await app.inboxStamps(name), `stamps at ${name}`).toEqual(['[1, 0, 0]', '[1, 1, 0]', '[1, 1, 1]']);
      expect(await app.clock(name), `clock of ${name}`).toBe('[1, 1, 1]');
      await expect(app.bufferItems(name)).toHaveCount(0);
    }
    await expect(app.message('C', 'C1')).toContainText('Hey both!');
    await expect(app.message('B', 'B1')).toContainText('Hi');
    await expect(app.message('A', 'A1')).toContainText('Hello');
    await expect(app.stepButton).toBeDisabled();
  });

  test('concurrent sends are stamped [1, 0, 0] and [0, 1, 0]', async () => {
    await app.goto('?seed=1');
    await app.pause();

    await app.send('A', 'from A');
    await app.send('B', 'from B');

    await expect(app.message('A', 'A1').locator('.stamp')).toHaveText('[1, 0, 0]');
    await expect(app.message('B', 'B1').locator('.stamp')).toHaveText('[0, 1, 0]');
    expect(await app.clock('A')).toBe('[1, 0, 0]');
    expect(await app.clock('B')).toBe('[0, 1, 0]');
    expect(await app.clock('C')).toBe('[0, 0, 0]');

    await app.stepUntilIdle();
    for (const name of ['A', 'B', 'C']) {
      expect(await app.clock(name), `clock of ${name}`).toBe('[1, 1, 0]');
      await expect(app.message(name, 'A1').locator('.stamp')).toHaveText('[1, 0, 0]');
      await expect(app.message(name, 'B1').locator('.stamp')).toHaveText('[0, 1, 0]');
    }
  });

  test('a reply that overtakes its question waits in the buffer, then is delivered after it', async () => {
    await app.goto(`?seed=${OVERTAKING_SEED}`);
    await app.pause();

    await app.send('A', 'Question?');
    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
    expect(await app.hasDelivered('C', 'A1'), 'the seed must leave A1 still on its way to C').toBe(false);
    await app.send('B', 'Answer!');

    await app.stepUntil(async () => (await app.bufferIds('C')).includes('B1') || (await app.hasDelivered('C', 'A1')), 20, 'B1 at C');
    const held = app.bufferItems('C').and(app.page.locator('[data-msg="B1"]'));
    await expect(held).toHaveCount(1);
    await expect(held).toContainText('waiting for A1');
    await expect(app.messages('C')).toHaveCount(0);
    expect(await app.clock('C')).toBe('[0, 0, 0]');

    await app.stepUntil(() => app.hasDelivered('C', 'A1', 'B1'), 20, 'A1 and B1 at C');
    expect(await app.inboxIds('C')).toEqual(['A1', 'B1']);
    await expect(app.bufferItems('C')).toHaveCount(0);
    expect(await app.clock('C')).toBe('[1, 1, 0]');
    await expect(app.message('C', 'B1')).toContainText('Answer!');
    await expect(app.message('C', 'B1').getByRole('note')).toHaveCount(0);
  });

  test('a message in transit is drawn as a flight that shows its details and disappears on delivery', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await app.setDelay(4000, 4000);
    await expect(app.flights()).toHaveCount(0);

    await app.send('A', 'Hello');
    const toB = app.flights({ msg: 'A1', from: 'A', to: 'B' });
    await expect(toB).toHaveCount(1);
    await expect(app.flights({ msg: 'A1', from: 'A', to: 'C' })).toHaveCount(1);
    await expect(toB).toHaveAttribute('aria-pressed', 'false');

    // Let the flights travel part of the way, so the two dots leaving A no longer overlap.
    const sentAt = await app.seconds();
    await app.button('Play').click();
    await expect.poll(() => app.seconds(), { timeout: 5_000 }).toBeGreaterThanOrEqual(sentAt + 1.5);
    await app.pause();
    await expect(toB).toHaveCount(1);

    await app.clickFlight(toB);
    await expect(toB).toHaveAttribute('aria-pressed', 'true');
    await expect(app.flightDetails).toContainText('A1');
    await expect(app.flightDetails).toContainText('Hello');
    await expect(app.flightDetails).toContainText('from A to B');
    await expect(app.flightDetails).toContainText('[1, 0, 0]');

    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
    await expect(toB).toHaveCount(0);
    await expect(app.flightDetails).toContainText('arrived');
    await app.stepUntilIdle();
    await expect(app.flights()).toHaveCount(0);
  });

  test('a flight can be picked with the mouse right after it is sent', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await app.send('A', 'Hello');
    const dot = app.flights({ msg: 'A1', to: 'B' }).locator('circle.flight-dot');
    const box = await dot.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(app.flightDetails).toContainText('from A to B', { timeout: 2_000 });
  });

  test('Play moves virtual time and delivers without stepping', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await app.setDelay(300, 300);
    await app.setSpeed('4');
    const pausedAt = await app.virtualTime.textContent();

    await app.send('A', 'ping');
    await expect(app.flights({ msg: 'A1', to: 'B' })).toHaveCount(1);
    // Paused: nothing moves on its own.
    await app.page.waitForTimeout(300);
    await expect(app.messages('B')).toHaveCount(0);
    await expect(app.virtualTime).toHaveText(pausedAt ?? '');

    await app.button('Play').click();
    await expect(app.button('Pause')).toBeVisible();
    await expect(app.message('B', 'A1')).toHaveCount(1, { timeout: 5_000 });
    await expect(app.message('C', 'A1')).toHaveCount(1, { timeout: 5_000 });
    await expect(app.virtualTime).not.toHaveText(pausedAt ?? '');
    await expect(app.stepButton).toBeDisabled();
  });

  test('settings from the link are applied', async () => {
    await app.goto('?nodes=4&seed=7&policy=fifo&delay=100-900');
    await expect(app.nodeWindows).toHaveCount(4);
    await expect(app.node('D')).toBeVisible();
    await expect(app.page.getByRole('combobox', { name: /^Delivery/ })).toHaveValue('fifo');
    await expect(app.page.getByLabel('Nodes')).toHaveValue('4');
    await expect(app.page.getByRole('spinbutton', { name: 'Minimum delay (ms)' })).toHaveValue('100');
    await expect(app.page.getByRole('spinbutton', { name: 'Maximum delay (ms)' })).toHaveValue('900');
    await expect(app.page.getByText('Seed 7', { exact: true })).toBeVisible();
    await expect(app.notices).toHaveCount(0);
  });

  test('invalid settings in the link are named in a notice and the defaults still render', async () => {
    await app.goto('?nodes=99&policy=bogus');
    const alert = app.page.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('Ignored nodes=99');
    await expect(alert).toContainText('Ignored policy=bogus');
    await expect(app.nodeWindows).toHaveCount(3);
    await expect(app.page.getByRole('combobox', { name: /^Delivery/ })).toHaveValue('causal');

    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(app.page.getByRole('alert')).toHaveCount(0);
  });

  test('empty text is refused', async () => {
    await app.goto('?seed=1');
    await app.pause();

    await app.node('A').getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.node('A').getByRole('alert')).toHaveText('Type a message first');
    await expect(app.input('A')).toHaveAttribute('aria-invalid', 'true');

    await app.input('B').fill('   ');
    await app.input('B').press('Enter');
    await expect(app.node('B').getByRole('alert')).toHaveText('Type a message first');

    for (const name of ['A', 'B', 'C']) await expect(app.messages(name)).toHaveCount(0);
    await expect(app.flights()).toHaveCount(0);
    await expect(app.stepButton).toBeDisabled();
    expect(await app.clock('A')).toBe('[0, 0, 0]');

    // Typing clears the refusal; Enter sends.
    await app.input('A').fill('now');
    await expect(app.node('A').getByRole('alert')).toHaveCount(0);
    await app.input('A').press('Enter');
    await expect(app.message('A', 'A1')).toContainText('now');
    await expect(app.input('A')).toHaveValue('');
  });

  for (const nodes of [3, 8]) {
    test(`${nodes} nodes fit a 1280×720 screen without page scrolling`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await app.goto(`?nodes=${nodes}&seed=1`);
      await app.pause();
      await expect(app.nodeWindows).toHaveCount(nodes);

      const fits = async (when: string): Promise<void> => {
        const m = await app.pageOverflow();
        expect(m.scrollHeight, `page height ${when}`).toBeLessThanOrEqual(m.innerHeight);
        expect(m.scrollWidth, `page width ${when}`).toBeLessThanOrEqual(m.innerWidth);
      };
      await fits('when empty');

      // A busy moment: a few long messages delivered, others in the buffer or in flight.
      const senders = nodes === 3 ? ['A', 'B', 'C', 'A', 'B', 'C'] : ['A', 'B', 'C', 'D'];
      for (const [i, name] of senders.entries()) {
        await app.send(name, `Message ${i + 1} from ${name}, long enough to wrap across the chat window twice over`);
      }
      await app.step();
      await app.step();
      await fits('with messages in flight');
      const oneLine = async (element: Locator, what: string): Promise<void> => {
        expect(await app.lines(element), `${what} on one line`).toBeLessThan(1.5);
      };
      for (const name of nodes === 8 ? ['A', 'H'] : ['A']) await oneLine(page.getByTestId(`clock-${name}`), `clock of ${name}`);
      // A message's own stamp too: wrapped, it took a line from chats that show two messages at 8 nodes.
      await oneLine(app.message('A', 'A1').locator('.stamp'), 'stamp of A1 in A');
      if (nodes === 3) {
        await app.stepUntilIdle();
        await expect(app.messages('C')).toHaveCount(senders.length);
        await fits('after every message is delivered');
      }

      // Presenter mode makes the type larger and keeps the same promises; at 8 nodes the buffer
      // used to shrink to a dashed line with no heading, and each clock took two lines.
      await page.getByRole('button', { name: 'Presenter' }).click();
      await expect(page.locator('.app.presenter')).toHaveCount(1);
      await fits('in presenter mode');
      for (const name of nodes === 8 ? ['A', 'H'] : ['A']) {
        await oneLine(page.getByTestId(`clock-${name}`), `clock of ${name} in presenter mode`);
        const heading = app.node(name).locator('.buffer h3');
        await oneLine(heading, `buffer heading of ${name} in presenter mode`);
        const shown = (await app.node(name).locator('.buffer').boundingBox())?.height ?? 0;
        expect(shown, `buffer of ${name} shows its heading`).toBeGreaterThanOrEqual((await heading.boundingBox())?.height ?? Infinity);
      }
      // A chat's id and stamp share a line: at 8 nodes the stamp wrapped below the id, and with
      // the text squeezed beside it a window showed one message, cut off.
      const head = app.message('A', 'A1').locator('.chat-head');
      const id = (await head.locator('.msg-id').boundingBox()) ?? { y: 0, height: 0 };
      const stamp = (await head.locator('.stamp').boundingBox()) ?? { y: Infinity };
      expect(stamp.y, 'stamp of A1 beside its id in presenter mode').toBeLessThan(id.y + id.height);
    });
  }

  test('a narrow window keeps its clock beside its badge: the name gives way, whole or not at all', async ({ page }) => {
    // At 1024×768 the clock went under the name, and in presenter mode four windows showed one message each.
    const cases = [
      { width: 1024, height: 768, nodes: 3, presenter: false, name: false },
      { width: 1024, height: 768, nodes: 3, presenter: true, name: false },
      { width: 1024, height: 768, nodes: 4, presenter: true, name: false },
      { width: 1280, height: 720, nodes: 3, presenter: false, name: true },
    ];
    for (const { width, height, nodes, presenter, name } of cases) {
      const what = `${nodes} nodes at ${width} px${presenter ? ' in presenter mode' : ''}`;
      await page.setViewportSize({ width, height });
      await app.goto(`?nodes=${nodes}&seed=1`);
      if ((await page.locator('.app.presenter').count()) !== (presenter ? 1 : 0)) await page.keyboard.press('p');
      await expect(page.locator('.app.presenter')).toHaveCount(presenter ? 1 : 0);
      const head = app.node('A').locator('.node-head');
      const badge = await app.box(head.locator('.badge'));
      const clock = await app.box(head.locator('.clock'));
      expect(clock.y, `clock beside the badge, ${what}`).toBeLessThan(badge.y + badge.height);
      const heading = await app.box(head.locator('h2'));
      const label = await app.box(head.locator('h2 > span'));
      const shown = label.y < heading.y + heading.height;
      expect(shown, `name shown, ${what}`).toBe(name);
      if (shown) expect(label.x + label.width, `name whole, ${what}`).toBeLessThanOrEqual(heading.x + heading.width + 0.5);
    }
  });

  test('8 nodes on a 1024×768 projector keep each clock on one line and each stamp whole, in both modes', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.goto('?nodes=8&seed=1');
    await app.pause();
    await app.send('A', 'Lunch?');
    await app.stepUntilIdle();
    for (const presenter of [false, true]) {
      const mode = presenter ? ' in presenter mode' : '';
      if (presenter) await page.getByRole('button', { name: 'Presenter' }).click();
      await expect(page.locator('.app.presenter')).toHaveCount(presenter ? 1 : 0);
      const m = await app.pageOverflow();
      expect(m.scrollHeight, `page height${mode}`).toBeLessThanOrEqual(m.innerHeight);
      expect(m.scrollWidth, `page width${mode}`).toBeLessThanOrEqual(m.innerWidth);
      for (const name of ['A', 'D', 'E', 'H']) {
        // With a 400 px left column, the windows were 141 px wide: the clock wrapped its last
        // entry onto a second line and the chat cut A1's stamp short.
        expect(await app.lines(page.getByTestId(`clock-${name}`)), `clock of ${name} on one line${mode}`).toBeLessThan(1.5);
        const cut = await app.message(name, 'A1').evaluate((chat) => chat.scrollWidth - chat.clientWidth);
        expect(cut, `A1's chat in ${name} shows its whole stamp${mode}`).toBeLessThanOrEqual(1);
      }
      // The left column gave up the width: what it holds must not spill under the windows.
      const column = await app.box(page.locator('.side-top'));
      const picker = await app.box(page.getByRole('combobox', { name: 'Scenario' }));
      expect(picker.x + picker.width, `scenario menu inside the left column${mode}`).toBeLessThanOrEqual(column.x + column.width + 0.5);
    }
  });
});

test.describe('on a phone', () => {
  let app: ClassroomPage;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
  });

  for (const [width, presenter] of [[320, false], [360, false], [390, false], [360, true]] as const) {
    test(`at ${width} px${presenter ? ' in presenter mode' : ''} the page is one column that scrolls, with nothing cut off at the sides`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await app.goto('?seed=9');
      await app.pause();
      if (presenter) await page.getByRole('button', { name: 'Presenter' }).click();
      const m = await app.pageOverflow();
      expect(m.scrollWidth, 'page width').toBeLessThanOrEqual(width);
      expect(m.scrollHeight, 'the page scrolls').toBeGreaterThan(m.innerHeight);
      const windows = await Promise.all((await app.nodeWindows.all()).map((w) => app.box(w)));
      expect(windows).toHaveLength(3);
      for (const w of windows) {
        expect(w.x, 'node window inside the screen').toBeGreaterThanOrEqual(0);
        expect(w.x + w.width, 'node window inside the screen').toBeLessThanOrEqual(width);
        expect(w.width, 'node window as wide as the screen').toBeGreaterThan(width - 60);
        expect(w.height, 'node window tall enough to read').toBeGreaterThan(250);
      }
      const diagram = await app.box(page.getByTestId('spacetime'));
      expect(diagram.width).toBeGreaterThan(width - 60);
      expect(diagram.height).toBeGreaterThan(180);
      if (presenter) return;
      // The Session menu opens within the screen, even where its button wraps below the scenario menu.
      await page.locator('.session-menu summary').click();
      const panel = await app.box(page.locator('.session-panel'));
      expect(panel.x, 'session panel inside the screen').toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width, 'session panel inside the screen').toBeLessThanOrEqual(width);
      await page.locator('.session-menu summary').click();
      await app.send('A', 'Hello from a phone');
      await app.stepUntilIdle();
      await expect(app.message('C', 'A1')).toContainText('Hello from a phone');
      expect((await app.pageOverflow()).scrollWidth, 'page width with a message').toBeLessThanOrEqual(width);
    });
  }

  test('with 8 nodes the windows are full width, with their headings and ordinary type, not squeezed as on a shared screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.goto('?nodes=8&seed=1');
    await expect(app.nodeWindows).toHaveCount(8);
    for (const name of ['A', 'H']) {
      expect((await app.box(app.node(name))).width, `window of ${name} as wide as the screen`).toBeGreaterThan(330);
      await expect(app.node(name).getByRole('heading', { name: `Node ${name}` })).toBeVisible();
      expect(await page.getByTestId(`clock-${name}`).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(14);
    }
    expect((await app.pageOverflow()).scrollWidth).toBeLessThanOrEqual(390);
    // In presenter mode too, each clock stays on one line.
    await page.getByRole('button', { name: 'Presenter' }).click();
    for (const name of ['A', 'H']) expect(await app.lines(page.getByTestId(`clock-${name}`)), `clock of ${name} on one line`).toBeLessThan(1.5);
  });

  test('the node windows come before the network, faults and log, on screen and for the keyboard and screen readers alike', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.goto('?seed=9');
    const lastWindow = await app.box(app.nodeWindows.last());
    const diagram = await app.box(page.getByTestId('spacetime'));
    const network = await app.box(page.locator('figure.network'));
    const log = await app.box(page.locator('.event-log'));
    expect(diagram.y).toBeGreaterThan(lastWindow.y);
    expect(network.y).toBeGreaterThan(diagram.y);
    expect(log.y).toBeGreaterThan(network.y);
    // The page's own order is the order on screen, so Tab and a screen reader follow it too.
    const selectors = ['.session', '.node', '[data-testid="spacetime"]', 'figure.network', '.faults', '.event-log'];
    const outOfOrder = await page.evaluate((list) => {
      const found = list.map((selector) => document.querySelector(selector));
      return list.filter((_, i) => i > 0 && !(found[i - 1] && found[i] && found[i - 1]?.compareDocumentPosition(found[i] as Element) === Node.DOCUMENT_POSITION_FOLLOWING));
    }, selectors);
    expect(outOfOrder, 'elements not after the one before them in the page').toEqual([]);
  });
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a swipe up over the diagram scrolls the page and keeps it following now; a sideways drag pans it', async ({ page, context }) => {
    const app = new ClassroomPage(page);
    await app.goto('?seed=9');
    const diagram = page.getByTestId('spacetime');
    const follow = page.getByRole('button', { name: 'Follow now' });
    await diagram.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const start = await diagram.boundingBox();
    if (!start) throw new Error('no diagram');
    const x = start.x + start.width / 2;
    const y = start.y + start.height / 2;
    const cdp = await context.newCDPSession(page);
    const swipe = async (points: readonly (readonly [number, number])[]): Promise<void> => {
      const [first, ...rest] = points as [readonly [number, number], ...(readonly [number, number])[]];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: first[0], y: first[1] }] });
      for (const [px, py] of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: px, y: py }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const scrolledBefore = await page.evaluate(() => window.scrollY);
    // Upwards, drifting a few pixels sideways as a finger does.
    await swipe(Array.from({ length: 7 }, (_, i) => [x + i * 0.5, y - i * 20] as const));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledBefore + 40);
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    const now = await diagram.boundingBox();
    if (!now) throw new Error('no diagram');
    const middle = now.y + now.height / 2;
    await swipe(Array.from({ length: 7 }, (_, i) => [x - i * 15, middle + i * 0.5] as const));
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
  });
});
