// Takes the README screenshot from the real production build: `npm run screenshot`.
// Serves dist/ under a sub-path, stages the "reply overtakes its question" moment and saves
// docs/screenshot.png at 1280×720, the size of a classroom projector, then the same moment in
// presenter mode as docs/screenshot-presenter.png.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, findFreePort, serveSite, stopSite } from './local-site.mjs';

const { server, url } = await serveSite(resolve('dist'), await findFreePort(Number(process.env.PORT ?? 4174)));
const out = process.argv[2] ?? 'docs/screenshot.png';

try {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}?seed=9`);
  await page.getByRole('button', { name: 'Pause' }).click();
  const say = async (node, text) => {
    await page.getByRole('textbox', { name: `Message from ${node}` }).fill(text);
    await page.getByTestId(`node-${node}`).getByRole('button', { name: 'Send' }).click();
  };
  const stepUntil = async (predicate) => {
    for (let i = 0; i < 50 && !(await predicate()); i++) await page.getByRole('button', { name: 'Step' }).click();
  };
  await say('A', 'Lunch at noon?');
  await stepUntil(async () => (await page.getByTestId('inbox-B').getByTestId('message').count()) === 1);
  await say('B', 'Yes, room 2!');
  await stepUntil(async () => (await page.getByTestId('buffer-C').locator('[data-msg]').count()) === 1);
  await page.getByTestId('flight').first().locator('.flight-hit').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: out });
  await page.keyboard.press('p');
  await page.waitForTimeout(400);
  await page.screenshot({ path: out.replace(/\.png$/, '-presenter.png') });
  await browser.close();
  console.log(`saved ${out}`);
} finally {
  await stopSite(server);
}
