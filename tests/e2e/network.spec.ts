import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

test.describe('network control', () => {
  let app: ClassroomPage;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
  });

  test('a cut link holds messages until it is healed', async ({ page }) => {
    await app.goto('?seed=1');
    await app.pause();
    const link = page.locator('[data-testid="link"][data-link="A-C"]');
    await link.click();
    await expect(link).toHaveAttribute('aria-pressed', 'true');
    await app.send('A', 'Hello');
    await app.stepUntilIdle();
    expect(await app.inboxIds('B')).toEqual(['A1']);
    expect(await app.inboxIds('C')).toEqual([]);
    await expect(app.flights({ msg: 'A1', to: 'C' })).toHaveAttribute('aria-label', /held at a cut link/);
    await link.click();
    await expect(link).toHaveAttribute('aria-pressed', 'false');
    await app.stepUntil(() => app.hasDelivered('C', 'A1'), 5, 'A1 at C after healing');
    await expect(app.flights()).toHaveCount(0);
  });

  test('a flight’s details keep their buttons whole in a full left column (an open scenario, 1280×720)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.goto();
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('diamond');
    await expect(app.button('Play')).toBeVisible();
    await app.send('A', 'Good morning everyone, coffee?');
    await app.clickFlight(app.flights({ msg: 'A1', to: 'B' }));
    const details = page.locator('.details');
    await expect(details).toContainText('A1');
    // The details once shrank under the event log, which covered half of each button.
    for (const name of ['Duplicate', 'Drop', 'Close']) {
      const button = details.getByRole('button', { name });
      const box = await app.box(button);
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, { x: box.x + box.width / 2, y: box.y + box.height - 2 });
      expect(hit, `the bottom of ${name}`).toBe(name);
    }
  });

  test('a link with its own settings says so in the network picture, and the note is never cut off at its edge', async ({ page }) => {
    await app.goto();
    for (const [scenario, note] of [
      ['overtake', 'A→C: delay 3000 ms'],
      ['loss', 'A→C: loss 100%'],
    ] as const) {
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario);
      await page.getByRole('button', { name: 'Next' }).click();
      const shown = page.getByTestId('link-note');
      await expect(shown).toHaveText([note]);
      // Centred beside the line, scenario 3's note once began 30 units left of the picture.
      const box = await shown.evaluate((text) => {
        const { x, width } = (text as SVGTextElement).getBBox();
        return { x, width };
      });
      expect(box.x, `${note} starts inside the picture`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${note} ends inside the picture`).toBeLessThanOrEqual(400);
    }
  });

  /** In manual mode, lets the parked `msg` in at node `to` through its details. */
  async function letIn(msg: string, to: string, byKeyboard = false): Promise<void> {
    await app.stepUntilIdle();
    const flight = app.flights({ msg, to });
    await expect(flight).toHaveAttribute('aria-label', /waiting to be let in/);
    const button = app.page.getByRole('button', { name: `Let ${msg} in` });
    if (byKeyboard) {
      await flight.focus();
      await app.page.keyboard.press('Enter');
      await button.focus();
      await app.page.keyboard.press('Enter');
    } else {
      await app.clickFlight(flight);
      await button.click();
    }
    await expect(app.flights({ msg, to })).toHaveCount(0);
  }

  async function stageReplyBeforeQuestion(policy: 'fifo' | 'causal'): Promise<void> {
    await app.goto(`?seed=1&policy=${policy}`);
    await app.pause();
    await app.page.getByRole('checkbox', { name: 'Manual delivery' }).check();
    await app.send('A', 'Question?');
    await letIn('A1', 'B', true);
    await app.send('B', 'Answer!');
    await letIn('B1', 'C');
  }

  test('manual delivery stages the reply before its question under FIFO, and the chat flags it', async () => {
    await stageReplyBeforeQuestion('fifo');
    expect(await app.inboxIds('C')).toEqual(['B1']);
    await expect(app.message('C', 'B1')).toContainText('Shown before A1, which it replies to');
  });

  test('under causal delivery the staged reply waits in the buffer for its question', async () => {
    await stageReplyBeforeQuestion('causal');
    expect(await app.inboxIds('C')).toEqual([]);
    await expect(app.bufferItems('C')).toHaveText([/B1 .*waiting for A1/]);
    await letIn('A1', 'C');
    await expect.poll(() => app.inboxIds('C')).toEqual(['A1', 'B1']);
    await expect(app.inbox('C')).not.toContainText('Shown before');
  });

  test('in presenter mode every flight label stays whole inside the network drawing, and no stamp breaks over two lines', async ({ page }) => {
    await app.goto('?seed=1');
    await app.pause();
    await page.getByRole('checkbox', { name: 'Manual delivery' }).check();
    await app.send('A', 'Lunch at noon?');
    await app.send('B', 'Hi');
    await app.stepUntilIdle();
    await page.getByRole('button', { name: 'Presenter' }).click();
    const drawing = await page.locator('.network-svg').boundingBox();
    const labels = page.locator('[data-testid="flight"] .flight-label');
    await expect(labels).toHaveCount(4);
    for (const label of await labels.all()) {
      await expect(label).toContainText(/^[AB]1 \[/);
      const box = await label.boundingBox();
      expect(drawing && box).toBeTruthy();
      if (!drawing || !box) continue;
      expect(box.x).toBeGreaterThanOrEqual(drawing.x);
      expect(box.x + box.width).toBeLessThanOrEqual(drawing.x + drawing.width);
      expect(box.y).toBeGreaterThanOrEqual(drawing.y);
      expect(box.y + box.height).toBeLessThanOrEqual(drawing.y + drawing.height);
    }
    // The flight's details and the inspector write stamps in running text: "… from A to C, stamped [1, 0, 0]".
    await app.clickFlight(app.flights({ msg: 'A1', to: 'C' }));
    await expect(app.flightDetails).toContainText('stamped [1, 0, 0]');
    await app.message('B', 'B1').getByRole('button', { name: 'B1' }).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('verdict')).toContainText('than [0, 1, 0]');
    const stamps = page.locator('.details .stamp, .inspector .stamp');
    expect(await stamps.count()).toBeGreaterThan(2);
    for (const stamp of await stamps.all()) {
      expect(await app.lines(stamp), `${await stamp.textContent()} on one line`).toBeLessThan(1.5);
    }
  });

  test('a message of one long word keeps to its boxes: the page never scrolls sideways', async ({ page }) => {
    await app.goto('?seed=1');
    await app.pause();
    await app.send('C', 'x'.repeat(200));
    await app.clickFlight(app.flights({ msg: 'C1', to: 'A' }));
    await expect(app.flightDetails).toContainText('xxxx');
    const fits = async (when: string): Promise<void> => {
      const m = await app.pageOverflow();
      expect(m.scrollWidth, `page width ${when}`).toBeLessThanOrEqual(m.innerWidth);
    };
    await fits('with the flight’s details open');
    expect(await app.flightDetails.evaluate((el) => el.scrollWidth - el.clientWidth), 'overflow of the details').toBeLessThanOrEqual(1);
    await app.stepUntilIdle();
    await app.message('A', 'C1').getByRole('button', { name: 'C1' }).click();
    await fits('with the message inspected and logged');
    for (const box of [page.locator('.inspector'), page.getByRole('log')]) {
      expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth), 'overflow of a box').toBeLessThanOrEqual(1);
    }
  });

  test('a duplicated message is discarded, never shown twice', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await app.page.getByRole('checkbox', { name: 'Manual delivery' }).check();
    await app.send('A', 'Hello');
    await app.stepUntilIdle();
    await app.clickFlight(app.flights({ msg: 'A1', to: 'B' }));
    await app.page.getByRole('button', { name: 'Duplicate' }).click();
    await expect(app.flights({ msg: 'A1', to: 'B' })).toHaveCount(2);
    await app.page.getByRole('button', { name: 'Let A1 in' }).click();
    await app.clickFlight(app.flights({ msg: 'A1', to: 'B' }));
    await app.page.getByRole('button', { name: 'Let A1 in' }).click();
    expect(await app.inboxIds('B')).toEqual(['A1']);
    await expect(app.logEntries.last()).toHaveText(/B discarded a duplicate of A1/);
  });
});
