import type { Page } from '@playwright/test';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** The faults panel, driven through its labelled controls. */
class FaultsPanel {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Faults' });
  }

  /** Sets loss and duplication in percent for `links` ('All links' or e.g. 'A→C'). */
  async setRates(links: string, lossPercent: number, dupPercent: number): Promise<void> {
    await this.region.getByRole('combobox', { name: 'Links' }).selectOption({ label: links });
    await this.region.getByRole('spinbutton', { name: 'Loss (%)' }).fill(String(lossPercent));
    await this.region.getByRole('spinbutton', { name: 'Duplication (%)' }).fill(String(dupPercent));
    await this.region.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(this.region.getByRole('alert')).toHaveCount(0);
  }

  reliable() {
    return this.region.getByRole('checkbox', { name: 'Reliable delivery' });
  }

  isolate(name: string) {
    return this.region.getByRole('button', { name: `Isolate ${name}` });
  }
}

test.describe('faults', () => {
  let app: ClassroomPage;
  let faults: FaultsPanel;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
    faults = new FaultsPanel(page);
  });

  test('a message lost on A→C never reaches C, and a later reply waits for it there', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await faults.setRates('A→C', 100, 0);
    await expect(faults.region.getByRole('combobox', { name: 'Links' })).toHaveValue('0>2');
    await expect(faults.reliable()).not.toBeChecked();
    await app.send('A', 'Question?');
    await app.stepUntilIdle();
    expect(await app.inboxIds('B')).toEqual(['A1']);
    expect(await app.inboxIds('C')).toEqual([]);
    await expect(app.flights({ msg: 'A1' })).toHaveCount(0);
    await expect(app.page.getByRole('log').locator('li.ev-drop')).toHaveText([/A1 to C was lost/]);
    await app.send('B', 'Answer!');
    await app.stepUntilIdle();
    expect(await app.inboxIds('A')).toEqual(['A1', 'B1']);
    expect(await app.inboxIds('C')).toEqual([]);
    await expect(app.bufferItems('C')).toHaveText([/B1 .*waiting for A1/]);
  });

  test('with reliable delivery on, lost messages are resent until every node has them', async () => {
    await app.goto('?seed=3');
    await app.pause();
    await app.setDelay(100, 300);
    await faults.setRates('All links', 50, 0);
    await faults.reliable().check();
    await expect(faults.reliable()).toBeChecked();
    await app.send('A', 'One');
    await app.send('B', 'Two');
    await app.send('C', 'Three');
    await app.setSpeed('4');
    await app.button('Play').click();
    for (const name of ['A', 'B', 'C']) {
      await expect.poll(async () => (await app.inboxIds(name)).sort(), { timeout: 20_000 }).toEqual(['A1', 'B1', 'C1']);
    }
    await expect(app.logEntries.filter({ hasText: /was lost/ }).first()).toBeVisible();
    await expect(app.logEntries.filter({ hasText: /again: no acknowledgement in time/ }).first()).toBeVisible();
  });

  test('an isolated node gets and gives nothing until it is reconnected', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await faults.isolate('C').click();
    await expect(faults.isolate('C')).toHaveAttribute('aria-pressed', 'true');
    await expect(app.page.locator('[data-testid="link"][aria-pressed="true"]')).toHaveCount(2);
    await app.send('A', 'Hello');
    await app.send('C', 'Anyone?');
    await app.stepUntilIdle();
    expect(await app.inboxIds('B')).toEqual(['A1']);
    expect(await app.inboxIds('C')).toEqual(['C1']);
    await expect(app.flights({ to: 'C' })).toHaveAttribute('aria-label', /held at a cut link/);
    await expect(app.flights({ from: 'C' })).toHaveCount(2);
    await faults.isolate('C').click();
    await expect(faults.isolate('C')).toHaveAttribute('aria-pressed', 'false');
    await app.stepUntilIdle();
    for (const name of ['A', 'B', 'C']) expect((await app.inboxIds(name)).sort()).toEqual(['A1', 'C1']);
    await expect(app.flights()).toHaveCount(0);
  });

  test('with 100% duplication each node shows the duplicate it discarded', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await faults.setRates('All links', 0, 100);
    await app.send('A', 'Hello');
    await app.stepUntilIdle();
    for (const name of ['B', 'C']) {
      expect(await app.inboxIds(name)).toEqual(['A1']);
      await expect(app.node(name).getByText('Discarded duplicate: A1')).toBeVisible();
    }
    await expect(app.node('A').getByText(/Discarded duplicate/)).toHaveCount(0);
  });

  test('a rate out of range is refused with its reason', async () => {
    await app.goto('?seed=1');
    await app.pause();
    await faults.region.getByRole('spinbutton', { name: 'Loss (%)' }).fill('120');
    await faults.region.getByRole('spinbutton', { name: 'Loss (%)' }).press('Enter');
    await expect(faults.region.getByRole('alert')).toHaveText('Loss must be a number from 0 to 100 (percent).');
  });
});
