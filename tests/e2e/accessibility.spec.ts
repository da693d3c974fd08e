import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** Runs axe on the page and returns the serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** The WCAG contrast ratio of two CSS colours written `rgb(r, g, b)`, to two decimals. */
function contrastRatio(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, bl] = (color.match(/\d+/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.round((((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)) * 100) / 100;
}

/** Manual delivery, paused, with A1 from A waiting outside B and C. */
async function parkA1(app: ClassroomPage): Promise<void> {
  await app.goto('?seed=1');
  await app.pause();
  await app.page.getByRole('checkbox', { name: 'Manual delivery' }).check();
  await app.send('A', 'Hello');
  await app.stepUntilIdle();
}

/** A short run with a buffered message, so the checks see every kind of content. */
async function busyView(app: ClassroomPage): Promise<void> {
  await app.goto('?seed=9');
  await app.pause();
  await app.send('A', 'Question?');
  await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
  await app.send('B', 'Answer!');
  await app.stepUntil(async () => (await app.bufferIds('C')).includes('B1'), 20, 'B1 held at C');
  await app.message('B', 'A1').getByRole('button', { name: 'A1' }).click();
}

test.describe('accessibility', () => {
  let app: ClassroomPage;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
  });

  test('axe finds no serious or critical problems on the main view, the help and presenter mode', async ({ page }) => {
    await busyView(app);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('button', { name: 'Presenter' }).click();
    await expect(page.locator('.app.presenter')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('axe finds no serious or critical problems comparing eight nodes, whose panes scroll', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.goto('?nodes=8&seed=1');
    await app.pause();
    await page.getByRole('combobox', { name: /Compare with/ }).selectOption('fifo');
    await expect(page.locator('.pane .nodes.scrolls')).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the keyboard alone sends a message, plays, pauses and steps', async ({ page }) => {
    await app.goto('?seed=1&delay=300');
    const focusOn = async (name: RegExp | string, role: 'button' | 'textbox'): Promise<void> => {
      const target = page.getByRole(role, { name });
      for (let i = 0; i < 80; i++) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${String(name)}`);
    };
    await focusOn('Pause', 'button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await focusOn('Message from A', 'textbox');
    await page.keyboard.type('Hello by keyboard');
    await page.keyboard.press('Enter');
    await expect(app.message('A', 'A1')).toContainText('Hello by keyboard');
    await focusOn('Step', 'button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('log')).toContainText(/received A1/);
    await expect(app.flights()).toHaveCount(1);
    await focusOn('Play', 'button');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.inboxIds('C'), { timeout: 5000 }).toEqual(['A1']);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('shortcuts: Space plays and pauses, . steps, ← steps back, ? opens help, P presenter, Esc clears', async ({ page }) => {
    await app.goto('?seed=1&delay=300');
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await app.send('A', 'Hello');
    await page.getByRole('heading', { name: 'Causal Chat' }).click();
    await page.keyboard.press('.');
    await expect(page.getByRole('log')).toContainText('received A1');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('log')).not.toContainText('received A1');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('log')).toContainText('received A1');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText('Page Down / Page Up');
    // Behind the open help the other shortcuts rest.
    const logged = await app.logEntries.count();
    await page.keyboard.press('p');
    await page.keyboard.press('.');
    await expect(page.locator('.app.presenter')).toHaveCount(0);
    await expect(app.logEntries).toHaveCount(logged);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('p');
    await expect(page.locator('.app.presenter')).toHaveCount(1);
    await app.message('A', 'A1').getByRole('button', { name: 'A1' }).click();
    await expect(app.message('A', 'A1').getByRole('button', { name: 'A1' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(app.message('A', 'A1').getByRole('button', { name: 'A1' })).toHaveAttribute('aria-pressed', 'false');
  });

  test('number keys open scenarios and Page Down / Page Up walk their narration, as a presenter remote does', async ({ page }) => {
    await app.goto();
    await page.keyboard.press('3');
    const narration = page.getByTestId('narration');
    await expect(narration).toContainText('Step 1 of');
    await expect(narration.getByRole('heading')).toHaveText(/^3\./);
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText('Step 2 of');
    await page.keyboard.press('PageUp');
    await expect(narration).toContainText('Step 1 of');
    await narration.getByRole('button', { name: 'Next' }).click();
    await expect(narration).toContainText('Step 2 of');
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText('Step 3 of');
    // A key loads the scenario its title numbers (9 once loaded one titled "8.", after 6a and 6b).
    await page.keyboard.press('9');
    await expect(narration.getByRole('heading')).toHaveText(/^9\./);
  });

  test('after the mouse picks a control the shortcuts still work; a control reached by Tab keeps its own keys', async ({ page }) => {
    await app.goto();
    await page.keyboard.press('3');
    const narration = page.getByTestId('narration');
    await expect(narration).toContainText('Step 1 of');
    // A click on Next, then Space: play or pause, not Next again.
    await narration.getByRole('button', { name: 'Next' }).click();
    await expect(narration).toContainText('Step 2 of');
    // The step plays to its end and stops there.
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press(' ');
    await expect(narration).toContainText('Step 2 of');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    // A link clicked, then Space: play or pause, not the link again.
    const link = page.getByRole('button', { name: /^Link A–B/ });
    await link.click();
    await expect(link).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(link).toHaveAttribute('aria-pressed', 'true');
    await link.click();
    // The policy chosen with the mouse keeps focus; the remote's Page Down walks the narration
    // instead of choosing the last policy.
    const delivery = page.getByRole('combobox', { name: /^Delivery/ });
    const policy = await delivery.inputValue();
    await delivery.click();
    await page.keyboard.press('Escape'); // closes the list the click opened
    await expect(delivery).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText('Step 3 of');
    await expect(delivery).toHaveValue(policy);
    // Right after sending a message the remote still pages; the field keeps every other key.
    await app.input('A').fill('Hi');
    await page.keyboard.press('Enter');
    await expect(app.input('A')).toHaveValue('');
    await page.keyboard.press('PageUp');
    await expect(narration).toContainText('Step 2 of');
    await page.keyboard.type('p1');
    await expect(page.locator('.app.presenter')).toHaveCount(0);
    await expect(app.input('A')).toHaveValue('p1');
    // Reached by Tab, a button takes Space, as every button does.
    await narration.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    await expect(narration).toContainText('Step 3 of');
  });

  test('by keyboard alone: the picker, a link, the timeline, a flight and the narration keep the focus where it can go on', async ({ page }) => {
    await app.goto('?seed=1');
    // The scenario picker: each arrow loads the next scenario, and focus stays on the picker.
    const picker = page.getByRole('combobox', { name: 'Scenario' });
    await expect(picker.getByRole('option')).toHaveCount(10);
    await picker.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const narration = page.getByTestId('narration');
    await expect(narration.getByRole('heading')).toHaveText(/^3\./);
    await expect(picker).toBeFocused();
    // Space on a link reached by Tab cuts it, and only that: play does not toggle too.
    const playing = await page.getByRole('button', { name: 'Pause' }).isVisible();
    const link = page.getByRole('button', { name: /^Link A–B/ });
    await link.focus();
    await page.keyboard.press(' ');
    await expect(link).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: playing ? 'Pause' : 'Play' })).toBeVisible();
    await page.keyboard.press(' ');
    await expect(link).toHaveAttribute('aria-pressed', 'false');
    // Page Down on the timeline walks the narration, as anywhere (the arrows move the time).
    if (await page.getByRole('button', { name: 'Pause' }).isVisible()) await page.getByRole('button', { name: 'Pause' }).click();
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.focus();
    await page.keyboard.press('PageDown');
    await expect(narration).toContainText('Step 2 of');
    // Close, pressed from the keyboard, gives focus back to the picker.
    const close = narration.getByRole('button', { name: 'Close' });
    await close.focus();
    await page.keyboard.press('Enter');
    await expect(narration).toHaveCount(0);
    await expect(picker).toBeFocused();
    // Step pressed to the end of the run keeps the focus.
    const step = page.getByRole('button', { name: 'Step' });
    await step.focus();
    for (let i = 0; i < 40 && (await step.getAttribute('aria-disabled')) !== 'true'; i++) await page.keyboard.press('Enter');
    await expect(step).toHaveAttribute('aria-disabled', 'true');
    await expect(step).toBeFocused();
  });

  test('with the mouse in manual mode: after Let in, Space plays, though focus moved on to Close', async ({ page }) => {
    await parkA1(app);
    await app.clickFlight(app.flights({ msg: 'A1', to: 'B' }));
    await page.getByRole('button', { name: 'Let A1 in' }).click();
    const close = app.flightDetails.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(close).toBeVisible();
  });

  test('by keyboard in manual mode: letting a message in keeps focus in the details, closing them gives it back, P keeps focus on a control', async ({ page }) => {
    await parkA1(app);
    // Reached by Tab (the setup's last focus came from the mouse).
    await app.flights({ msg: 'A1', to: 'B' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(app.flights({ msg: 'A1', to: 'B' })).toBeFocused();
    await page.keyboard.press('Enter');
    // Chosen from the keyboard, the flight's details take the focus.
    await expect(page.getByRole('button', { name: 'Let A1 in' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.flightDetails).toContainText('That message has arrived');
    await expect(app.flightDetails.getByRole('button', { name: 'Close' })).toBeFocused();
    // Closed from inside, the details give focus to the hint, their flight having gone.
    await page.keyboard.press('Enter');
    await expect(page.locator('.hint').filter({ hasText: 'Click a flying message' })).toBeFocused();
    // Esc closes the Session menu, then the details of a selected flight.
    await page.getByText('Session', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
    await app.flights({ msg: 'A1', to: 'C' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Let A1 in' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Let A1 in' })).toHaveCount(0);
    // ... and focus goes back to the flight they were for.
    await expect(app.flights({ msg: 'A1', to: 'C' })).toBeFocused();
    // Presenter mode hides the Faults panel: focus there goes to Play.
    await page.getByRole('button', { name: 'Set', exact: true }).focus();
    await page.keyboard.press('p');
    await expect(page.locator('.app.presenter')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
  });

  test('in presenter mode the narration is in presenter type, and its longest step fits a projector screen', async ({ page }) => {
    for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      await app.goto();
      await page.keyboard.press('p');
      // Scenario 2's third step is the longest narration of all.
      await page.keyboard.press('2');
      const step = page.getByTestId('narration').locator('.narration-step');
      for (const n of [1, 2, 3]) {
        if (n > 1) await page.keyboard.press('PageDown');
        await expect(step).toContainText(`Step ${n} of`);
      }
      // Before, it kept the normal view's 13.5 px while the chats around it grew to 21 px.
      const size = await step.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(size, `narration type at ${width}×${height}`).toBeGreaterThanOrEqual(17);
      const m = await app.pageOverflow();
      expect(m.scrollHeight, `page height at ${width}×${height}`).toBeLessThanOrEqual(m.innerHeight);
      const network = (await page.locator('.network-svg').boundingBox())?.height ?? 0;
      expect(network, `network view beside the narration at ${width}×${height}`).toBeGreaterThanOrEqual(200);
    }
  });

  test('deliveries and buffering are announced in words', async ({ page }) => {
    await busyView(app);
    const announcer = page.getByTestId('announcer');
    await expect(announcer).toContainText('B delivered A1 “Question?”, stamped [1, 0, 0]');
    await expect(announcer).toContainText('C holds B1 back, waiting for A1');
    // A step back says so, and does not read out again what happened before it.
    const lines = () => announcer.locator('p').allTextContents();
    await app.step();
    const before = await lines();
    await page.getByRole('button', { name: '◀ Back' }).click();
    await expect(announcer).toContainText(/Back to \d+\.\d\d s/);
    expect((await lines()).filter((line) => !before.includes(line) && !line.startsWith('Back to'))).toEqual([]);
    // A policy switch replays the same moment: neither news nor a step back.
    const after = await lines();
    await page.getByRole('combobox', { name: /^Delivery/ }).selectOption('total');
    await page.waitForTimeout(300); // the replay's render
    expect(await lines()).toEqual(after);
  });

  test('a scenario’s steps are read out as they open, and a delivery out of causal order says so', async ({ page }) => {
    await app.goto();
    await page.keyboard.press('4');
    const narration = page.getByTestId('narration-announcer');
    await expect(narration).toHaveText(/^4\. The reply before the question \(FIFO\), step 1 of 5: /);
    for (let n = 2; n <= 4; n++) await page.keyboard.press('PageDown');
    await expect(narration).toHaveText(/, step 4 of 5: FIFO is not enough\./);
    await expect(page.getByTestId('announcer')).toContainText('C delivered B1 “Yes, room 2!”, stamped [1, 1, 0], before A1, which it depends on: causal order broken', { timeout: 15_000 });
  });

  test('follows a dark system theme, and the theme can be switched', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.goto();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    expect(await background()).toBe('rgb(238, 241, 244)');
  });

  test('the diagram’s lines and outlines stand out from its background in both themes (at least 3:1)', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await busyView(app);
      await page.getByRole('button', { name: 'Clear' }).click();
      await expect(page.locator('[data-testid="arrow"]').first()).toBeVisible();
      const colors = await page.evaluate(() => {
        const stroke = (selector: string): string => getComputedStyle(document.querySelector(selector) as Element).stroke;
        return {
          panel: getComputedStyle(document.querySelector('.st-bg') as Element).fill,
          arrow: stroke('[data-testid="arrow"]'),
          arrival: stroke('[data-testid="event"][data-kind="receive"]'),
          now: stroke('.st-now'),
        };
      });
      for (const mark of ['arrow', 'arrival', 'now'] as const) expect(contrastRatio(colors[mark], colors.panel), `${colorScheme}: ${mark}`).toBeGreaterThanOrEqual(3);
    }
  });

  test('at 1280×720 a flying message’s label is big enough to read from the back of a room (type of at least 8.5 px)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.goto('?seed=1&delay=3000');
    await app.pause();
    await app.send('A', 'Hello');
    const label = page.locator('.flight-label').first();
    await expect(label).toBeVisible();
    // The picture shows its 400 units at about half size here: 13-unit type came out at 7.3 px.
    const typePx = await label.evaluate((text) => Number.parseFloat(getComputedStyle(text).fontSize) * ((text as SVGTextElement).getScreenCTM()?.a ?? 0));
    expect(typePx).toBeGreaterThanOrEqual(8.5);
  });

  test('a flying message’s label reads in both themes: its ink against its halo and the network’s panel (at least 4.5:1)', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await app.goto('?seed=1&delay=3000');
      await app.pause();
      await app.send('A', 'Hello');
      const label = page.locator('.flight-label').first();
      await expect(label).toBeVisible();
      const colors = await label.evaluate((text) => {
        const style = getComputedStyle(text);
        return { fill: style.fill, stroke: style.stroke, panel: getComputedStyle(text.closest('.network') as Element).backgroundColor };
      });
      // The dark theme once kept the light theme's black ink on a white halo, a smear on its dark panel.
      expect(contrastRatio(colors.fill, colors.stroke), `${colorScheme}: ink on halo ${JSON.stringify(colors)}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colors.fill, colors.panel), `${colorScheme}: ink on panel ${JSON.stringify(colors)}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('on a phone the help fits the screen, each key above what it does, and opens at its title', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.goto();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    // The keys' column did not wrap: a word or two of each description per line, and the dialog opened scrolled down to Close.
    const fit = await dialog.evaluate((d) => ({ scrollTop: d.scrollTop, overflow: d.scrollHeight - d.clientHeight }));
    expect(fit).toEqual({ scrollTop: 0, overflow: 0 });
    await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
    const row = dialog.getByRole('row').filter({ hasText: 'Page Down' });
    const key = await app.box(row.getByRole('rowheader'));
    const does = await app.box(row.getByRole('cell'));
    expect(does.y, 'the description below its key').toBeGreaterThanOrEqual(key.y + key.height - 0.5);
    expect(does.width, 'the description as wide as the dialog allows').toBeGreaterThan(250);
  });

  test('with reduced motion messages still show where they are', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await app.goto('?seed=1&delay=3000');
    await app.send('A', 'Hello');
    await expect(app.flights({ msg: 'A1', to: 'B' })).toBeVisible();
    await expect.poll(() => app.hasDelivered('B', 'A1'), { timeout: 8000 }).toBe(true);
  });
});

test('once loaded, the built site keeps working offline', async ({ page, context }) => {
  const app = new ClassroomPage(page);
  await app.goto();
  await expect
    .poll(() => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))).reduce((a, b) => a + b, 0)), { timeout: 10_000 })
    .toBeGreaterThan(3);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Causal Chat' })).toBeVisible();
  await app.send('A', 'Offline hello');
  await expect(app.message('A', 'A1')).toContainText('Offline hello');
  // Code split out of the first load came from the cache too: buffer, diagram, help, scenarios, export.
  await expect(page.getByTestId('buffer-A')).toBeAttached();
  await expect(page.getByTestId('spacetime')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('exchange');
  await expect(page.getByTestId('narration')).toContainText('Step 1 of');
  await page.getByText('Session', { exact: true }).click();
  const [shiviz] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ShiViz' }).click()]);
  expect(shiviz.suggestedFilename()).toMatch(/shiviz\.log$/);
  await context.setOffline(false);
});
