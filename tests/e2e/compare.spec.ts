import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** With 3 nodes and the default delays, this seed makes B's reply reach C before A's question. */
const OVERTAKING_SEED = 9;

test('the same run under causal and FIFO side by side differs only in what C shows', async ({ page }) => {
  const app = new ClassroomPage(page);
  await app.goto(`?seed=${OVERTAKING_SEED}`);
  await app.pause();
  await page.getByRole('combobox', { name: /Compare with/ }).selectOption('fifo');
  await expect(page.getByTestId('compare-pane')).toContainText('FIFO');
  await expect(page.getByRole('textbox', { name: /^Message from/ })).toHaveCount(3);

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
});
