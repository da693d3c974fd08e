import { AxeBuilder } from '@axe-core/playwright';
import { buildFlightRun } from '../../bench/ui-runs.ts';
import { CROWDED_FLIGHTS } from '../../src/components/useFlightMotion.ts';
import { ClassroomPage } from './classroom-page.ts';
import { expect, test } from './fixtures.ts';

/** Eight nodes with about 300 messages in the air, opened paused: a crowd painted on a canvas. */
const run = buildFlightRun(300, 7);

test.describe('a crowded network view', () => {
  let app: ClassroomPage;

  test.beforeEach(async ({ page }) => {
    app = new ClassroomPage(page);
    await app.goto(run.query);
    expect(await app.flights().count()).toBeGreaterThan(CROWDED_FLIGHTS);
  });

  test('paints the dots on a canvas and keeps one named control per flight', async ({ page }) => {
    const canvas = page.getByTestId('flight-crowd');
    await expect(canvas).toBeVisible();
    const paintedPixels = await canvas.evaluate((element: HTMLCanvasElement) => {
      const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? [];
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count++;
      return count;
    });
    expect(paintedPixels).toBeGreaterThan(1000);
    await expect(app.flights()).toHaveCount(run.inFlight);
    await expect(app.flights().first()).toHaveAttribute('aria-label', / from [A-H] to [A-H]/);
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
  });

  test('the keyboard reaches a flight, shows it where it is and picks it', async ({ page }) => {
    const first = app.flights().first();
    await first.focus();
    await expect(first).toBeVisible();
    await page.keyboard.press('Tab');
    const second = app.flights().nth(1);
    await expect(second).toBeFocused();
    await expect(second).toBeVisible();
    await expect(first, 'a control shows only while focused or selected').toBeHidden();
    await page.keyboard.press('Enter');
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    const to = await second.getAttribute('data-to');
    await expect(app.flightDetails).toContainText(`to ${to}`);
  });

  test('a click on a painted dot picks a flight on that lane and cuts no link', async ({ page }) => {
    const control = app.flights().nth(5);
    await control.focus();
    const box = await control.locator('.flight-dot').boundingBox();
    if (!box) throw new Error('the focused control is not drawn');
    const lane = { from: await control.getAttribute('data-from'), to: await control.getAttribute('data-to') };
    await control.blur();
    await expect(control).toBeHidden();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const picked = page.locator('[data-testid="flight"][aria-pressed="true"]');
    await expect(picked).toHaveCount(1);
    await expect(picked).toHaveAttribute('data-from', lane.from ?? '');
    await expect(picked).toHaveAttribute('data-to', lane.to ?? '');
    await expect(page.locator('[data-testid="link"][aria-pressed="true"]')).toHaveCount(0);
  });
});
