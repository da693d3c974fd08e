import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { SCENARIOS } from '../../src/scenarios/classroom.ts';
import { serializeRunTrace } from '../../src/sim/trace-file.ts';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** What each scenario leaves on screen once its last step has played out. */
const OUTCOMES: Record<string, (app: ClassroomPage) => Promise<void>> = {
  exchange: async (app) => expect.poll(() => app.inboxStamps('C')).toEqual(['[1, 0, 0]', '[1, 1, 0]', '[1, 1, 1]']),
  concurrent: async (app) => {
    expect(await app.inboxIds('A')).toEqual(['A1', 'B1']);
    expect(await app.inboxIds('B')).toEqual(['B1', 'A1']);
  },
  overtake: async (app) => expect(await app.inboxIds('C')).toEqual(['A1', 'B1']),
  fifo: async (app) => {
    expect(await app.inboxIds('C')).toEqual(['B1', 'A1']);
    await expect(app.page.getByTestId('compare-node-C').getByTestId('message')).toHaveText([/Lunch at noon\?/, /Yes, room 2!/]);
  },
  diamond: async (app) => expect((await app.inboxStamps('A')).at(-1)).toBe('[2, 2, 2, 1]'),
  loss: async (app) => {
    await expect(app.messages('C')).toHaveCount(0);
    expect(await app.bufferIds('C')).toEqual(['B1']);
  },
  reliable: async (app) => expect(await app.inboxIds('C')).toEqual(['A1', 'B1']),
  partition: async (app) => expect(await app.inboxIds('C')).toEqual(['A1', 'B1']),
  total: async (app) => {
    for (const name of ['A', 'B', 'C']) expect(await app.inboxIds(name), `order at ${name}`).toEqual(['C1', 'B1']);
  },
};

function narration(page: Page, title: string) {
  return page.getByRole('region', { name: title });
}

async function openSessionMenu(page: Page): Promise<void> {
  const copy = page.getByRole('button', { name: 'Copy link' });
  if (!(await copy.isVisible())) await page.getByText('Session', { exact: true }).click();
  await expect(copy).toBeVisible();
}

test.describe('scenarios', () => {
  for (const scenario of SCENARIOS) {
    test(`${scenario.title}: the narration steps through with Next and Back, then stays for free play`, async ({ page }) => {
      const app = new ClassroomPage(page);
      await app.goto();
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario.id);
      const panel = narration(page, scenario.title);
      const total = scenario.steps.length;
      await expect(panel).toContainText(`Step 1 of ${total}: ${scenario.steps[0]?.title ?? ''}`);
      await expect(panel.getByRole('button', { name: 'Back' })).toBeDisabled();
      for (let step = 2; step <= total; step++) {
        await panel.getByRole('button', { name: 'Next' }).click();
        await expect(panel).toContainText(`Step ${step} of ${total}: ${scenario.steps[step - 1]?.title ?? ''}`);
      }
      await expect(panel.getByRole('button', { name: 'Next' })).toBeDisabled();
      await expect(panel.getByRole('button', { name: 'Next' }), 'and looks it, though it keeps focus').toHaveCSS('opacity', '0.5');
      await expect(panel).toContainText('The scenario ends here');
      await panel.getByRole('button', { name: 'Back' }).click();
      await expect(panel).toContainText(`Step ${total - 1} of ${total}`);
      await panel.getByRole('button', { name: 'Next' }).click();
      await expect(panel).toContainText(`Step ${total} of ${total}`);
      const overflow = await app.pageOverflow();
      expect(overflow.scrollHeight, 'fits 1280×720 without scrolling').toBeLessThanOrEqual(overflow.innerHeight);
      await app.setSpeed('4');
      await expect(app.stepButton, 'the run goes quiet').toBeDisabled({ timeout: 15_000 });
      await OUTCOMES[scenario.id]?.(app);
      await expect(panel).toBeVisible();
    });
  }
});

test.describe('session files and links', () => {
  test('a broken, truncated, wrong-version or huge file is refused with a message, and the session stays as it was', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto('?seed=1');
    await app.pause();
    await app.send('A', 'Hello');
    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
    const before = { b: await app.inboxIds('B'), c: await app.inboxIds('C'), time: await app.virtualTime.textContent(), events: await page.getByRole('log').getAttribute('data-events') };
    await openSessionMenu(page);
    const input = page.getByLabel('Trace file to import');
    const cases: [string, string | Buffer, RegExp][] = [
      ['broken.json', '{"format": "causal-chat-trace", "version": 1, "nodes": ["A", "B"', /Could not import broken\.json: The file is not valid JSON, perhaps cut short/],
      ['future.json', '{"format": "causal-chat-trace", "version": 2, "nodes": [], "events": []}', /The trace is version 2; only version 1 can be read/],
      ['photo.json', '{"format": "png"}', /not a causal-chat trace: its format is "png"/],
      ['huge.json', Buffer.alloc(10 * 1024 * 1024, 'a'), /huge\.json: it is 10\.0 MB; traces of up to 5 MB/],
    ];
    for (const [name, content, message] of cases) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: typeof content === 'string' ? Buffer.from(content) : content });
      await expect(page.getByRole('alert')).toHaveText(message);
      await expect(page.getByRole('alert')).toContainText('Nothing changed.');
    }
    expect(await app.inboxIds('B')).toEqual(before.b);
    expect(await app.inboxIds('C')).toEqual(before.c);
    await expect(app.virtualTime).toHaveText(before.time ?? '');
    await expect(page.getByRole('log')).toHaveAttribute('data-events', before.events ?? '');
  });

  test('an imported trace replays into the same views, HTML in message text stays text', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto();
    const text = '<img src=x onerror="document.title=1">Lunch?';
    const network = { ...DEFAULT_NETWORK, delay: { kind: 'fixed', ms: 700 } } as const;
    const file = serializeRunTrace({
      config: { nodeCount: 3, seed: 5, policy: 'causal', network },
      commands: [{ after: 0, at: 0, command: { kind: 'send', node: 0, text } }],
      processed: 2,
      now: 700,
    });
    await openSessionMenu(page);
    await page.getByLabel('Trace file to import').setInputFiles({ name: 'lunch.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByRole('status')).toHaveText(/Imported lunch\.json: \d+ events replayed\./);
    await expect(app.message('B', 'A1')).toContainText(text);
    await expect(app.page.locator('img[src="x"]')).toHaveCount(0);
    await expect(app.button('Play')).toBeVisible();
    await expect(app.page).toHaveTitle(/Causal Chat/);
  });

  test('export the trace and the ShiViz log, and import the trace back', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto('?seed=9');
    await app.pause();
    await app.send('A', 'Question');
    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
    await app.send('B', 'Answer');
    await app.stepUntil(() => app.hasDelivered('C', 'B1'), 30, 'B1 at C');
    const chats = { a: await app.inboxIds('A'), c: await app.inboxIds('C') };
    await openSessionMenu(page);
    const [traceDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trace' }).click()]);
    expect(traceDownload.suggestedFilename()).toBe('causal-chat-seed9.trace.json');
    const trace = await readFile(await traceDownload.path(), 'utf8');
    expect(JSON.parse(trace)).toMatchObject({ format: 'causal-chat-trace', version: 1, commands: [{ command: { kind: 'send', text: 'Question' } }, { command: { kind: 'send', text: 'Answer' } }] });
    const [shivizDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ShiViz' }).click()]);
    const shiviz = await readFile(await shivizDownload.path(), 'utf8');
    expect(shiviz.split('\n').slice(0, 4)).toEqual(['(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)', '', 'A {"A":1}', expect.stringMatching(/^send A1 "Question" t=\d+$/)]);

    await page.getByRole('button', { name: 'New session' }).click();
    await expect(app.messages('C')).toHaveCount(0);
    await page.getByLabel('Trace file to import').setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: Buffer.from(trace) });
    await expect(page.getByRole('status')).toContainText('Imported back.json');
    expect(await app.inboxIds('A')).toEqual(chats.a);
    expect(await app.inboxIds('C')).toEqual(chats.c);
  });

  test('a copied link opens the same run in another tab', async ({ page, context }) => {
    const app = new ClassroomPage(page);
    await app.goto('?seed=9&nodes=4');
    await app.pause();
    await app.send('A', 'Hello');
    await app.stepUntil(() => app.hasDelivered('D', 'A1'), 20, 'A1 at D');
    await app.send('D', 'Hi from D');
    await app.step();
    await openSessionMenu(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.getByRole('textbox', { name: 'Link to this run' }).inputValue();
    expect(link.length).toBeLessThan(400);

    const other = new ClassroomPage(await context.newPage());
    await other.page.goto(link);
    await expect(other.nodeWindows).toHaveCount(4);
    for (const name of ['A', 'B', 'C', 'D']) {
      expect(await other.inboxIds(name), `chat at ${name}`).toEqual(await app.inboxIds(name));
      expect(await other.clock(name), `clock of ${name}`).toBe(await app.clock(name));
    }
    await expect(other.virtualTime).toHaveText((await app.virtualTime.textContent()) ?? '');
    expect(new URL(other.page.url()).search).toBe('');
  });

  test('the session survives a reload; New session clears it', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto();
    await app.pause();
    await app.send('A', 'Still here?');
    await app.stepUntil(() => app.hasDelivered('C', 'A1'), 20, 'A1 at C');
    await page.getByRole('combobox', { name: 'Delivery' }).selectOption('fifo');
    const time = await app.virtualTime.textContent();
    await page.reload();
    await expect(app.message('C', 'A1')).toContainText('Still here?');
    await expect(app.virtualTime).toHaveText(time ?? '');
    await expect(page.getByRole('combobox', { name: 'Delivery' })).toHaveValue('fifo');
    await expect(app.button('Play')).toBeVisible();

    await openSessionMenu(page);
    await page.getByRole('button', { name: 'New session' }).click();
    await expect(app.messages('C')).toHaveCount(0);
    await page.reload();
    await expect(app.nodeWindows).toHaveCount(3);
    await expect(app.messages('A')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Delivery' })).toHaveValue('causal');
  });

  test('a browser that refuses site data still gets the whole app, told the session will not be kept', async ({ page }) => {
    // As Chromium does with cookies blocked: reading localStorage throws.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied", 'SecurityError');
        },
      });
    });
    const app = new ClassroomPage(page);
    await app.goto('?seed=1');
    await expect(app.notices).toContainText('will not be restored after a reload');
    await app.pause();
    await app.send('A', 'Anyone?');
    await app.stepUntil(() => app.hasDelivered('B', 'A1'), 20, 'A1 at B');
  });

  test('a broken link is said once: the address drops it, so a reload does not repeat the notice', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto('?run=Wz');
    await expect(app.notices).toContainText('The shared run was ignored');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.reload();
    await expect(app.nodeWindows).toHaveCount(3);
    await expect(app.notices).toHaveCount(0);
  });
});
