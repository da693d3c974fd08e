import type { Locator, Page } from '@playwright/test';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** Opens `query` in a `width`×`height` window, paused, with the run compared under FIFO. */
async function openCompared(page: Page, query: string, width = 1280, height = 720): Promise<ClassroomPage> {
  const app = new ClassroomPage(page);
  await page.setViewportSize({ width, height });
  await app.goto(query);
  await app.pause();
  await page.getByRole('combobox', { name: /Compare with/ }).selectOption('fifo');
  return app;
}

/** Opens scenario `id` at 1280×720 and presses its Next until step `step`; returns the page and the Next button. */
async function openScenarioAt(page: Page, id: string, step: number): Promise<{ app: ClassroomPage; next: Locator }> {
  const app = new ClassroomPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.goto();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
  const next = page.getByRole('button', { name: 'Next' });
  for (let n = 2; n <= step; n++) await next.click();
  return { app, next };
}

/** With 3 nodes and the default delays, this seed makes B's reply reach C before A's question. */
const OVERTAKING_SEED = 9;

test('the same run under causal and FIFO side by side differs only in what C shows', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.goto(`?seed=${OVERTAKING_SEED}`);
  await app.pause();
  await page.getByRole('combobox', { name: /Compare with/ }).selectOption('fifo');
  await expect(page.getByTestId('compare-pane')).toContainText('FIFO');
  await expect(page.getByRole('textbox', { name: /^Message from/ })).toHaveCount(3);
  // Each row's lists have names of their own, for a screen reader's list of lists.
  await expect(page.getByRole('list', { name: 'Chat at C', exact: true })).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Chat at C under fifo', exact: true })).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Hold-back buffer of C under fifo', exact: true })).toHaveCount(1);

  await app.send('A', 'Question?');
  await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
  await app.send('B', 'Answer!');
  await app.stepUntil(async () => (await app.bufferIds('C')).includes('B1'), 20, 'B1 held at C');

  const compareInboxC = page.getByTestId('compare-inbox-C');
  await expect(app.bufferItems('C')).toHaveText([/B1 .*waiting for A1/]);
  await expect(compareInboxC.getByTestId('message')).toHaveCount(1);
  await expect(compareInboxC.locator('[data-msg="B1"]')).toContainText('Shown before A1, which it replies to');

  await app.stepUntilIdle();
  expect(await app.inboxIds('C')).toEqual(['A1', 'B1']);
  await expect(compareInboxC.getByTestId('message')).toHaveText([/B1/, /A1/]);
  await expect(page.getByTestId('compare-clock-C')).toHaveText('[1, 1, 0]');

  // Selecting the reply in the comparison pane marks its question there too, above it in C's
  // chat under FIFO, by the comparison run's own stamps; and in the main run.
  await compareInboxC.locator('[data-msg="B1"] .msg-id').click();
  await expect(compareInboxC.locator('[data-msg="B1"] .msg-id')).toHaveAttribute('aria-pressed', 'true');
  await expect(compareInboxC.locator('[data-msg="A1"]')).toContainText('◀ happened before');
  await expect(app.message('C', 'A1')).toContainText('◀ happened before');
  // In the other windows the question's heading, with its mark, comes into view: these small
  // windows, scrolled to their end, showed only its text. (In the one clicked, the question is
  // last, and the click scrolled to the reply.)
  for (const list of ['inbox-A', 'inbox-B', 'inbox-C', 'compare-inbox-A', 'compare-inbox-B']) {
    await expect(page.getByTestId(list).locator('[data-msg="A1"] .chat-head'), list).toBeInViewport({ ratio: 1 });
  }
  // The chats still follow what arrives next.
  await app.send('A', 'Thanks!');
  await app.stepUntilIdle();
  for (const prefix of ['', 'compare-']) {
    await expect(page.getByTestId(`${prefix}inbox-B`).locator('[data-msg="A2"] .chat-text'), `${prefix}B`).toBeInViewport({ ratio: 1 });
  }
  // The chat clicked in is left where it is (it does not scroll up to A1), so the message just
  // clicked stays in view; the others show A1's heading.
  await page.keyboard.press('Escape');
  const clicked = page.getByTestId('inbox-A').locator('[data-msg="B1"] .msg-id');
  await clicked.click();
  await expect(page.getByTestId('inbox-B').locator('[data-msg="A1"] .chat-head')).toBeInViewport({ ratio: 1 });
  await expect(clicked).toBeInViewport();
  await expect(page.getByTestId('inbox-A').locator('[data-msg="A1"] .chat-head')).not.toBeInViewport();
});
test('with eight nodes the two panes scroll in step, and no window runs over another', async ({ page }) => {
  const app = await openCompared(page, '?nodes=8&seed=1');
  // Enter rather than a click on Send: on the old layout a window below covered A's button.
  await app.input('A').fill('Lunch?');
  await app.input('A').press('Enter');
  await app.stepUntilIdle();
  await expect(page.getByTestId('compare-inbox-H').locator('[data-msg="A1"]')).toHaveCount(1);

  const bottom = async (testId: string, inner?: string): Promise<number> => {
    const node = page.getByTestId(testId);
    const box = await app.box(inner ? node.locator(inner) : node);
    return box.y + box.height;
  };
  const top = async (testId: string): Promise<number> => (await app.box(page.getByTestId(testId))).y;
  for (const prefix of ['', 'compare-']) {
    // Four rows of windows used to share the height of two: each window's buffer and composer
    // ran over the window below it.
    expect(await top(`${prefix}node-E`), `${prefix}node-E below ${prefix}node-A`).toBeGreaterThanOrEqual(await bottom(`${prefix}node-A`));
    const last = prefix === '' ? '.composer' : '.buffer';
    expect(await bottom(`${prefix}node-A`, last), `${prefix}node-A's ${last} inside it`).toBeLessThanOrEqual(await bottom(`${prefix}node-A`) + 0.5);
    const chat = await app.box(page.getByTestId(`${prefix}inbox-A`).locator('[data-msg="A1"]'));
    expect(chat.height, `A1 in ${prefix}node-A has room`).toBeGreaterThan(30);
  }

  // Scrolling the main pane to its second row brings the comparison's second row into view too.
  const panes = page.locator('.pane .nodes');
  await page.getByTestId('node-B').hover();
  await page.mouse.wheel(0, 1000);
  await expect.poll(() => panes.nth(0).evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
  const inView = (testId: string) =>
    page.getByTestId(testId).evaluate((node) => {
      const box = node.getBoundingClientRect();
      const pane = (node.parentElement as HTMLElement).getBoundingClientRect();
      return box.top >= pane.top - 0.5 && box.bottom <= pane.bottom + 0.5;
    });
  await expect.poll(() => inView('node-H')).toBe(true);
  await expect.poll(() => inView('compare-node-H')).toBe(true);
  expect(await inView('compare-node-D')).toBe(false);
  // And back, from the comparison pane this time.
  await page.getByTestId('compare-node-F').hover();
  await page.mouse.wheel(0, -1000);
  await expect.poll(() => inView('node-D')).toBe(true);
  await expect.poll(() => inView('compare-node-D')).toBe(true);

  // A trackpad moves a pane a few pixels a frame. The other pane following must not pull it
  // back: answering each echo of its own scroll, the linking took back every other step.
  const positions = await panes.nth(0).evaluate(
    (box) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        const frame = (): void => {
          seen.push(box.scrollTop);
          if (seen.length === 30) return resolve(seen);
          box.scrollTop += 4;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  for (let i = 1; i < positions.length; i++) {
    expect(positions[i], `main pane at frame ${i}: ${positions.join(', ')}`).toBeGreaterThanOrEqual(positions[i - 1] as number);
  }
  expect(positions.at(-1), 'main pane moved').toBeGreaterThan(60);
});

test('comparing three nodes, each pane is one row of windows that fills it', async ({ page }) => {
  const app = await openCompared(page, '?seed=1');
  for (const prefix of ['', 'compare-']) {
    const grid = page.locator(`.pane${prefix ? '.compare' : ':not(.compare)'} .nodes`);
    const gridBox = await app.box(grid);
    const node = await app.box(page.getByTestId(`${prefix}node-A`));
    // The scrolling rows of five to eight nodes once applied here too, and left a blank strip.
    expect(node.y + node.height, `${prefix}node-A reaches the bottom of its pane`).toBeGreaterThanOrEqual(gridBox.y + gridBox.height - 1);
  }
});

test('comparing eight nodes, a pane is a tab stop only while it scrolls', async ({ page }) => {
  await openCompared(page, '?nodes=8&seed=1');
  const panes = page.locator('.pane .nodes');
  await expect(panes).toHaveCount(2);
  for (const pane of [0, 1]) await expect(panes.nth(pane)).toHaveAttribute('tabindex', '0');
  // Stacked on a narrow screen the panes do not scroll: a tab stop there would lead nowhere.
  await page.setViewportSize({ width: 800, height: 1000 });
  for (const pane of [0, 1]) await expect(panes.nth(pane)).not.toHaveAttribute('tabindex');
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const pane of [0, 1]) await expect(panes.nth(pane)).toHaveAttribute('tabindex', '0');
  // Back to one policy, the grid neither scrolls nor takes focus.
  await page.getByRole('combobox', { name: /Compare with/ }).selectOption('');
  await expect(page.locator('.nodes')).not.toHaveAttribute('tabindex');
});

test('a flagged message taller than its small chat shows from its beginning: the FIFO scenario’s answer before its question', async ({ page }) => {
  const { app, next } = await openScenarioAt(page, 'fifo', 4);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  const chat = page.getByTestId('inbox-C');
  const b1 = chat.locator('[data-msg="B1"]');
  await expect(b1.locator('.flag')).toBeVisible();
  // The chat followed its newest message to the end, where only the flag's last words showed.
  const scrolling = chat.locator('xpath=..');
  const scroller = await app.box(scrolling);
  const beginsInView = async (message: Locator, part: string): Promise<void> => {
    const box = await app.box(message.locator(part).first());
    expect(box.y, `${part} below the chat's top`).toBeGreaterThanOrEqual(scroller.y - 0.5);
    expect(box.y + Math.min(box.height, 20), `${part} begins above the chat's bottom`).toBeLessThanOrEqual(scroller.y + scroller.height + 0.5);
  };
  for (const part of ['.msg-id', '.chat-text', '.flag']) await beginsInView(b1, part);
  // And the flag is read whole: the main row is taller by its composers, so its chats are no shorter than the other row's.
  const flag = await app.box(b1.locator('.flag'));
  expect(flag.y + flag.height, "the flag ends above the chat's bottom").toBeLessThanOrEqual(scroller.y + scroller.height + 0.5);

  // A reader who scrolls on to the end of it stays there.
  const bottom = await scrolling.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    return el.scrollTop;
  });
  await page.waitForTimeout(300);
  expect(await scrolling.evaluate((el) => el.scrollTop)).toBe(bottom);
  // The next message is followed, and Back shows B1 from its beginning again.
  await next.click();
  await expect(chat.locator('[data-msg="A1"]')).toBeVisible({ timeout: 15_000 });
  await beginsInView(chat.locator('[data-msg="A1"]'), '.msg-id');
  await page.getByRole('button', { name: 'Back', exact: true }).first().click();
  await expect(chat.locator('[data-msg="A1"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await beginsInView(b1, '.msg-id');
});

test('at the end of the total order scenario every window of both rows shows both messages’ text', async ({ page }) => {
  await openScenarioAt(page, 'total', 3);
  for (const prefix of ['', 'compare-']) {
    for (const node of ['A', 'B', 'C']) {
      const chat = page.getByTestId(`${prefix}inbox-${node}`);
      await expect(chat.locator('[data-testid="message"]')).toHaveCount(2, { timeout: 15_000 });
      // Each text's line, above and below the chat's edges (negative: cut off), once the chat has settled.
      const margins = () =>
        chat.evaluate((list) => {
          const view = (list.parentElement as HTMLElement).getBoundingClientRect();
          return [...list.querySelectorAll('.chat-text')].map((text) => {
            const line = text.getBoundingClientRect();
            return Math.min(Math.round(line.top - view.top), Math.round(view.bottom - line.bottom));
          });
        });
      await expect.poll(async () => Math.min(...(await margins())) >= 0, { message: `${prefix}${node}: both texts whole in the chat` }).toBe(true);
    }
  }
});

test('a reader who scrolls up and back down to the end of a long newest message stays at its end', async ({ page }) => {
  const app = await openCompared(page, '?seed=1&delay=500');
  for (const text of ['One', 'Two', 'Three']) await app.send('A', text);
  await app.send('B', 'A long answer that takes many lines in a small window: '.repeat(4));
  await app.stepUntilIdle();
  const scrolling = page.getByTestId('inbox-C').locator('xpath=..');
  const top = () => scrolling.evaluate((el) => el.scrollTop);
  await scrolling.evaluate((el) => {
    el.scrollTop = 0;
  });
  await page.waitForTimeout(200);
  const end = await scrolling.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    return el.scrollTop;
  });
  expect(end, 'the chat scrolls').toBeGreaterThan(0);
  // Reaching the end, the chat follows again; it once jumped back to the long message's first line.
  await page.waitForTimeout(300);
  expect(await top()).toBe(end);
});

test('comparing six nodes in presenter mode on a 1024×768 projector, a window shows a whole message', async ({ page }) => {
  const app = await openCompared(page, '?nodes=6&seed=2&delay=1000', 1024, 768);
  await app.input('A').fill('Lunch at noon?');
  await app.input('A').press('Enter');
  await app.stepUntilIdle();
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.locator('.app.presenter')).toHaveCount(1);
  for (const prefix of ['', 'compare-']) {
    // The buffer's heading takes two lines in presenter type here; the chat kept about 40 px, less than one message.
    const chat = await app.box(page.getByTestId(`${prefix}inbox-B`).locator('xpath=..'));
    const message = await app.box(page.getByTestId(`${prefix}inbox-B`).locator('[data-msg="A1"]'));
    expect(message.y, `${prefix}B's A1 starts inside its chat`).toBeGreaterThanOrEqual(chat.y - 0.5);
    expect(message.y + message.height, `${prefix}B's A1 ends inside its chat`).toBeLessThanOrEqual(chat.y + chat.height + 0.5);
  }
});
