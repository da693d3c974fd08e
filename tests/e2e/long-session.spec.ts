import { encodeSession } from '../../src/store/share.ts';
import { replayRun } from '../../src/sim/run.ts';
import { longRun } from '../../bench/long-run.ts';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** At most this many rows of one list are on the page, however long the session. */
const MAX_ROWS = 60;

test.describe('a session of 10,000 deliveries', () => {
  const run = longRun();
  const replayed = replayRun(run);
  const inboxA = replayed.view().nodes[0]?.inbox ?? [];
  const traceLength = replayed.trace.length;

  test('opens with every list showing a screenful, reachable end to end, and the page does not grow', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto(`?run=${encodeSession({ run })}`);
    const newest = inboxA.at(-1)?.message.id ?? '';
    await expect(app.message('A', newest)).toBeVisible();
    expect(await app.messages('A').count()).toBeLessThanOrEqual(MAX_ROWS);
    await expect(app.messages('A').last()).toHaveAttribute('aria-setsize', String(inboxA.length));
    expect(await app.logEntries.count()).toBeLessThanOrEqual(MAX_ROWS);
    const overflow = await app.pageOverflow();
    expect(overflow.scrollHeight, 'the page itself does not scroll').toBeLessThanOrEqual(overflow.innerHeight);

    const scroller = app.inbox('A').locator('..');
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    const oldest = app.message('A', inboxA[0]?.message.id ?? '');
    await expect(oldest).toBeVisible();
    await expect(oldest).toHaveAttribute('aria-posinset', '1');
    expect(await app.messages('A').count()).toBeLessThanOrEqual(MAX_ROWS);

    await app.send('A', 'Still here');
    await expect(oldest, 'a reader scrolled up stays where they are').toBeVisible();
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(app.messages('A').last()).toContainText('Still here');
    await expect(app.messages('A').last()).toBeVisible();
  });

  test('the diagram draws only the window in view, while playing too', async ({ page }) => {
    const app = new ClassroomPage(page);
    await app.goto(`?run=${encodeSession({ run })}`);
    const dots = page.getByTestId('spacetime').getByTestId('event');
    await expect(dots.first()).toBeAttached();
    const drawn = await dots.count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(traceLength / 10);
    await app.button('Play').click();
    await expect(app.button('Pause')).toBeVisible();
    await expect.poll(() => app.seconds()).toBeGreaterThan(run.now / 1000 + 1);
    expect(await dots.count()).toBeLessThan(traceLength / 10);
  });
});
