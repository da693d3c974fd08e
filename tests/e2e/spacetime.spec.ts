import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** Types the seed example through the UI: Hello from A, Hi from B, Hey both! from C. Returns the clocks just before C's send. */
async function seedExample(app: ClassroomPage): Promise<string[]> {
  await app.goto('?seed=1&delay=300');
  await app.pause();
  await app.send('A', 'Hello');
  await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
  await app.send('B', 'Hi');
  await app.stepUntil(() => app.hasDelivered('C', 'A1', 'B1'), 20, 'A1 and B1 at C');
  await app.button('Play').click();
  await app.page.waitForTimeout(400);
  await app.pause();
  const before = [await app.clock('A'), await app.clock('B'), await app.clock('C')];
  await app.send('C', 'Hey both!');
  await app.stepUntilIdle();
  return before;
}

test.describe('space-time diagram, inspection and time travel', () => {
  let app: ClassroomPage;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
  });

  test('after the seed example the diagram has one line per node and an arrow per arrival', async ({ page }) => {
    await seedExample(app);
    const diagram = page.getByTestId('spacetime');
    await expect(diagram.getByTestId('spacetime-row')).toHaveCount(3);
    const arrows = await diagram.getByTestId('arrow').evaluateAll((els) => els.map((e) => `${e.dataset.msg}:${e.dataset.from}>${e.dataset.to}`).sort());
    expect(arrows).toEqual(['A1:A>B', 'A1:A>C', 'B1:B>A', 'B1:B>C', 'C1:C>A', 'C1:C>B']);
    await expect(diagram.locator('[data-testid="event"][data-kind="send"]')).toHaveCount(3);
    await expect(diagram.locator('[data-testid="event"][data-kind="receive"]')).toHaveCount(6);
    await expect(diagram.locator('[data-testid="event"][data-kind="deliver"]')).toHaveCount(9);
    const plot = diagram.getByTestId('spacetime-plot');
    expect(await plot.evaluate((el) => getComputedStyle(el).overflow), 'the plot clips marks drawn before the window').toBe('hidden');
    const plotBox = await plot.boundingBox();
    const badgeBox = await diagram.getByTestId('spacetime-row').first().locator('circle').boundingBox();
    if (!plotBox || !badgeBox) throw new Error('the diagram is not on the page');
    expect(plotBox.x, 'the plot starts right of the node names').toBeGreaterThan(badgeBox.x + badgeBox.width);
  });

  test('a message on its way is drawn dashed to where it will arrive, and becomes an arrow when it does', async ({ page }) => {
    await app.goto('?seed=1&delay=3000');
    await app.pause();
    await app.send('A', 'Lunch?');
    const diagram = page.getByTestId('spacetime');
    const flying = diagram.getByTestId('flight-arrow');
    await expect(flying).toHaveCount(2);
    expect(await flying.evaluateAll((els) => els.map((e) => `${e.dataset.msg}:${e.dataset.from}>${e.dataset.to}`).sort())).toEqual(['A1:A>B', 'A1:A>C']);
    await expect(diagram.getByTestId('arrow')).toHaveCount(0);
    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 5, 'A1 at B');
    await expect(diagram.getByTestId('arrow')).toHaveCount(1);
    await expect(flying).toHaveCount(1);
    await expect(flying).toHaveAttribute('data-to', 'C');
  });

  test('in presenter mode with eight nodes, A’s sends are labelled too', async ({ page }) => {
    await app.goto('?nodes=8&seed=1&delay=300');
    await app.pause();
    await app.send('A', 'Hello');
    await app.send('H', 'Hi');
    await page.getByRole('button', { name: 'Presenter' }).click();
    const labels = page.getByTestId('spacetime').locator('.st-label');
    // The first line had no room above it for a label in presenter type, and a line of eight has one slot.
    await expect(labels).toHaveText([/^A1 \[1,0,0,0,0,0,0,0\]/, /^H1 \[0,0,0,0,0,0,0,1\]/]);
  });

  test('a click on a dot in the diagram inspects its message, Shift-click compares, and a drag on the plot pans', async ({ page }) => {
    await seedExample(app);
    const send = (msg: string) => page.locator(`[data-testid="event"][data-kind="send"][data-msg="${msg}"]`);
    // Both sends lie in the settled layers, under the live ones: the click passes through those.
    for (const msg of ['A1', 'B1']) expect(await send(msg).evaluate((dot) => dot.closest('.st-settled') !== null)).toBe(true);
    // The sender's own delivery is drawn on its send, so the mouse lands on one of the two
    // (both pick the message): force skips Playwright's check that the send itself is on top.
    await send('B1').click({ force: true });
    await expect(app.message('C', 'B1').getByRole('button', { name: 'B1' })).toHaveAttribute('aria-pressed', 'true');
    await send('A1').click({ force: true, modifiers: ['Shift'] });
    await expect(page.getByTestId('verdict')).toContainText('A1 happened before B1');
    // The comparison scrolls inside the inspector; its hidden caption made the whole page scroll.
    const m = await app.pageOverflow();
    expect(m.scrollHeight, 'page height with a comparison open').toBeLessThanOrEqual(m.innerHeight);
    // ... and it comes into the inspector's view.
    await expect(page.locator('.inspector table')).toBeInViewport();
    const follow = page.getByRole('button', { name: 'Follow now' });
    const box = await page.getByTestId('spacetime-plot').boundingBox();
    if (!box) throw new Error('the diagram is not on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height - 4, { steps: 4 });
    await page.mouse.up();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
  });

  test('selecting “Hi” marks “Hello” as its past and “Hey both!” as its future, in the chats and the diagram', async ({ page }) => {
    await seedExample(app);
    await app.message('C', 'B1').getByRole('button', { name: 'B1' }).click();
    await expect(app.message('C', 'A1')).toContainText('◀ happened before');
    await expect(app.message('C', 'C1')).toContainText('▶ happened after');
    await expect(app.message('A', 'B1').getByRole('button', { name: 'B1' })).toHaveAttribute('aria-pressed', 'true');
    const send = (msg: string) => page.locator(`[data-testid="event"][data-kind="send"][data-msg="${msg}"]`);
    await expect(send('A1')).toHaveClass(/\bpast\b/);
    await expect(send('C1')).toHaveClass(/\bfuture\b/);
    const inspector = page.getByRole('region', { name: 'Causal inspection', exact: true });
    await expect(inspector).toContainText('A1 happened before B1 because [1, 0, 0] ≤ [1, 1, 0]');
    await expect(inspector).toContainText('B1 happened before C1 because [1, 1, 0] ≤ [1, 1, 1]');
    // The selection ring is drawn whole, not cut off by the chat list's edge: B1 is B's own message, flush right.
    const ring = await app.message('B', 'B1').evaluate((bubble) => {
      const style = getComputedStyle(bubble);
      const spill = Math.max(0, Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset));
      const b = bubble.getBoundingClientRect();
      const list = (bubble.closest('.inbox-scroll') as Element).getBoundingClientRect();
      return { width: Number.parseFloat(style.outlineWidth), left: b.left - spill - list.left, right: list.right - (b.right + spill) };
    });
    expect(ring.width).toBeGreaterThan(0);
    expect(ring.left).toBeGreaterThanOrEqual(0);
    expect(ring.right).toBeGreaterThanOrEqual(0);
  });

  test('the diagram works from the keyboard: a send is a button, and it pans without a mouse', async ({ page }) => {
    await seedExample(app);
    await page.locator('[data-testid="event"][data-kind="send"][data-msg="B1"]').focus();
    await page.keyboard.press('Enter');
    await expect(app.message('C', 'B1').getByRole('button', { name: 'B1' })).toHaveAttribute('aria-pressed', 'true');
    const follow = page.getByRole('button', { name: 'Follow now' });
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: '◀ Earlier' }).click();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
  });

  test('in presenter mode the diagram has no toolbar, but once dragged away from now it offers Follow now', async ({ page }) => {
    await seedExample(app);
    await page.keyboard.press('p');
    await expect(page.locator('.app.presenter')).toHaveCount(1);
    const follow = page.getByRole('button', { name: 'Follow now' });
    await expect(follow).toBeHidden();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
    const box = await page.getByTestId('spacetime').boundingBox();
    if (!box) throw new Error('the diagram is not on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 8, { steps: 5 });
    await page.mouse.up();
    await expect(follow).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
    await follow.click();
    await expect(follow).toBeHidden();
  });

  test('two messages compared entry by entry', async ({ page }) => {
    await app.goto('?seed=1&delay=300');
    await app.pause();
    await app.send('A', 'Hi from A');
    await app.send('B', 'Hi from B');
    await app.message('A', 'A1').getByRole('button', { name: 'A1' }).click();
    await page.getByRole('combobox', { name: 'Compare with' }).last().selectOption('B1');
    await expect(page.getByTestId('verdict')).toHaveText(/A1 and B1 are concurrent: \[1, 0, 0\] is larger in A but smaller in B than \[0, 1, 0\]/);
  });

  test('scrubbing back to before the last send restores the earlier clocks; acting there forks the future', async ({ page }) => {
    const before = await seedExample(app);
    expect(before[2]).toBe('[1, 1, 0]');
    for (const node of ['A', 'B', 'C']) expect(await app.clock(node)).toBe('[1, 1, 1]');
    const title = await page.locator('[data-testid="event"][data-kind="send"][data-msg="C1"] title').textContent();
    const sentAtMs = Number(/t=(\d+) ms/.exec(title ?? '')?.[1]);
    await page.getByTestId('timeline').fill(String(sentAtMs - 1));
    expect([await app.clock('A'), await app.clock('B'), await app.clock('C')]).toEqual(before);
    await expect(page.getByTestId('inbox-C').getByTestId('message')).toHaveCount(2);
    await app.send('A', 'Another ending');
    await app.stepUntilIdle();
    expect(await app.inboxIds('C')).toEqual(['A1', 'B1', 'A2']);
    await page.getByRole('button', { name: '◀ Back' }).click();
    await expect(page.getByTestId('inbox-C').getByTestId('message')).toHaveCount(2);
  });

  test('the diagram exports as SVG', async ({ page }) => {
    await seedExample(app);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('spacetime.svg');
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const svg = await readFile(path, 'utf8');
    const counts = await page.evaluate((text) => {
      const file = new DOMParser().parseFromString(text, 'image/svg+xml');
      const plot = file.querySelector('g[clip-path="url(#joined-clip)"]');
      return {
        errors: file.querySelectorAll('parsererror').length,
        title: file.querySelector('svg > title')?.textContent?.startsWith('Space-time diagram'),
        styled: file.querySelector('style')?.textContent?.includes('.st-arrow'),
        arrowHead: file.querySelectorAll('marker#st-head').length,
        rows: file.querySelectorAll('[data-testid="spacetime-row"]').length,
        arrows: plot?.querySelectorAll('[data-testid="arrow"]').length,
        events: plot?.querySelectorAll('[data-testid="event"]').length,
      };
    }, svg);
    expect(counts, 'one file: the lines and names, and every mark (settled or live) in the clipped plot').toEqual({ errors: 0, title: true, styled: true, arrowHead: 1, rows: 3, arrows: 6, events: 18 });
  });
});
