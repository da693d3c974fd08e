import { expect, test } from './fixtures.ts';

test('loads the app from a sub-path without console errors', async ({ page }) => {
  await page.goto('./');

  await expect(page).toHaveTitle(/Causal Chat/);
  await expect(page.getByRole('heading', { level: 1, name: 'Causal Chat' })).toBeVisible();
});
