import { expect, test } from './fixtures.ts';

test('loads the app from a sub-path without console errors', async ({ page }) => {
  await page.goto('./');

  await expect(page).toHaveTitle(/Causal Chat/);
  await expect(page.getByRole('heading', { level: 1, name: 'Causal Chat' })).toBeVisible();
});

test('asks for nothing outside its own site: fonts, icons and code are all bundled', async ({ page, baseURL }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(baseURL ?? '').origin)) outside.push(request.url());
  });
  await page.goto('./');
  await page.getByRole('textbox', { name: 'Message from A' }).fill('Hello');
  await page.getByRole('textbox', { name: 'Message from A' }).press('Enter');
  await page.waitForLoadState('networkidle');
  expect(outside).toEqual([]);
});
