import { expect, type Locator, type Page } from '@playwright/test';

/** Drives the classroom view the way a teacher would: through its controls and node windows. */
export class ClassroomPage {
  constructor(readonly page: Page) {}

  /** Opens the app with an optional query string such as `?seed=9` or `nodes=4&seed=7`. */
  async goto(query = ''): Promise<void> {
    const search = query === '' || query.startsWith('?') ? query : `?${query}`;
    await this.page.goto(`./${search}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Causal Chat' })).toBeVisible();
  }

  button(name: 'Play' | 'Pause' | 'Step' | 'Reset' | 'New seed' | 'Apply'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get stepButton(): Locator {
    return this.button('Step');
  }

  get virtualTime(): Locator {
    return this.page.getByTestId('virtual-time');
  }

  /** Virtual time shown, in seconds. */
  async seconds(): Promise<number> {
    const text = (await this.virtualTime.textContent()) ?? '';
    const match = /([\d.]+)\s*s/.exec(text);
    if (!match) throw new Error(`unreadable virtual time: ${text}`);
    return Number(match[1]);
  }

  get notices(): Locator {
    return this.page.locator('.notices[role="alert"]');
  }

  /** Every node window on the page. */
  get nodeWindows(): Locator {
    return this.page.locator('section[data-testid^="node-"]');
  }

  node(name: string): Locator {
    return this.page.getByTestId(`node-${name}`);
  }

  input(name: string): Locator {
    return this.page.getByRole('textbox', { name: `Message from ${name}` });
  }

  inbox(name: string): Locator {
    return this.page.getByTestId(`inbox-${name}`);
  }

  messages(name: string): Locator {
    return this.inbox(name).getByTestId('message');
  }

  message(name: string, id: string): Locator {
    return this.inbox(name).locator(`[data-testid="message"][data-msg="${id}"]`);
  }

  buffer(name: string): Locator {
    return this.page.getByTestId(`buffer-${name}`);
  }

  bufferItems(name: string): Locator {
    return this.buffer(name).locator('[data-msg]');
  }

  flights(filter: { msg?: string; from?: string; to?: string } = {}): Locator {
    let selector = '[data-testid="flight"]';
    if (filter.msg) selector += `[data-msg="${filter.msg}"]`;
    if (filter.from) selector += `[data-from="${filter.from}"]`;
    if (filter.to) selector += `[data-to="${filter.to}"]`;
    return this.page.locator(selector);
  }

  /** Where `element` is on the page; throws if it has no box, so a missing element fails the test. */
  async box(element: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    const found = await element.boundingBox();
    if (!found) throw new Error(`${element.toString()} is not on the page`);
    return found;
  }

  /** How many lines of its own type `element` takes: its height over its line height. */
  async lines(element: Locator): Promise<number> {
    return element.evaluate((el) => {
      const style = getComputedStyle(el);
      return el.getBoundingClientRect().height / (parseFloat(style.lineHeight) || 1.3 * parseFloat(style.fontSize));
    });
  }

  /** Clicks a flight's dot, as a student picks it (its label sits beside the dot, away from the group's centre). */
  async clickFlight(flight: Locator): Promise<void> {
    await flight.locator('.flight-hit').click();
  }

  get flightDetails(): Locator {
    return this.page.locator('p.details');
  }

  get logEntries(): Locator {
    return this.page.getByRole('log').locator('li.ev');
  }

  /** Pauses playback (the app starts playing). */
  async pause(): Promise<void> {
    await this.button('Pause').click();
    await expect(this.button('Play')).toBeVisible();
  }

  /** Types `text` into node `name`'s composer and presses its Send button. */
  async send(name: string, text: string): Promise<void> {
    await this.input(name).fill(text);
    await this.node(name).getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** Sets the network delay of later sends; min = max gives a fixed delay. */
  async setDelay(minMs: number, maxMs: number): Promise<void> {
    await this.page.getByRole('spinbutton', { name: 'Minimum delay (ms)' }).fill(String(minMs));
    await this.page.getByRole('spinbutton', { name: 'Maximum delay (ms)' }).fill(String(maxMs));
    await this.button('Apply').click();
    await expect(this.page.getByRole('spinbutton', { name: 'Minimum delay (ms)' })).toHaveValue(String(minMs));
    await expect(this.page.getByRole('spinbutton', { name: 'Maximum delay (ms)' })).toHaveValue(String(maxMs));
  }

  async setSpeed(value: '0.25' | '0.5' | '1' | '2' | '4'): Promise<void> {
    await this.page.getByLabel('Speed').selectOption(value);
  }

  /** Whether an event is scheduled (Step is enabled). */
  async canStep(): Promise<boolean> {
    return this.stepButton.isEnabled();
  }

  /**
   * Clicks Step once and waits until the event log counts the new events, so a following
   * read sees the new state. Fails if nothing is scheduled.
   */
  async step(): Promise<void> {
    const log = this.page.getByRole('log');
    const before = await log.getAttribute('data-events');
    await this.stepButton.click();
    await expect(log).not.toHaveAttribute('data-events', before ?? '');
  }

  /** Steps until `predicate` holds; fails if it still does not after `max` steps or when nothing is left. */
  async stepUntil(predicate: () => Promise<boolean>, max = 50, what = 'condition'): Promise<number> {
    for (let steps = 0; steps <= max; steps++) {
      if (await predicate()) return steps;
      if (steps === max) break;
      if (!(await this.canStep())) throw new Error(`stepUntil: nothing left to step after ${steps} steps and still no ${what}`);
      await this.step();
    }
    throw new Error(`stepUntil: no ${what} after ${max} steps`);
  }

  /** Steps until nothing is scheduled; returns how many steps it took. */
  async stepUntilIdle(max = 100): Promise<number> {
    let steps = 0;
    while (await this.canStep()) {
      if (steps++ >= max) throw new Error(`still busy after ${max} steps`);
      await this.step();
    }
    return steps;
  }

  /** The clock of node `name` as shown, e.g. `[1, 0, 0]`. */
  async clock(name: string): Promise<string> {
    return (await this.page.getByTestId(`clock-${name}`).textContent())?.trim() ?? '';
  }

  /** Ids of the messages delivered at node `name`, in the order shown. */
  async inboxIds(name: string): Promise<string[]> {
    return this.messages(name).evaluateAll((els) => els.map((el) => el.getAttribute('data-msg') ?? ''));
  }

  /** Stamps of the messages delivered at node `name`, in the order shown. */
  async inboxStamps(name: string): Promise<string[]> {
    return this.messages(name).locator('.stamp').allTextContents();
  }

  /** Ids of the messages in node `name`'s hold-back buffer (leaving ones may linger during their exit animation). */
  async bufferIds(name: string): Promise<string[]> {
    return this.bufferItems(name).evaluateAll((els) => els.map((el) => el.getAttribute('data-msg') ?? ''));
  }

  /** True when node `name` has delivered every one of `ids`. */
  async hasDelivered(name: string, ...ids: string[]): Promise<boolean> {
    const shown = await this.inboxIds(name);
    return ids.every((id) => shown.includes(id));
  }

  /** Whether the page scrolls in either direction. */
  async pageOverflow(): Promise<{ scrollHeight: number; innerHeight: number; scrollWidth: number; innerWidth: number }> {
    return this.page.evaluate(() => {
      const el = document.scrollingElement ?? document.documentElement;
      return { scrollHeight: el.scrollHeight, innerHeight: window.innerHeight, scrollWidth: el.scrollWidth, innerWidth: window.innerWidth };
    });
  }
}
