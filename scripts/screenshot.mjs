// Takes the README screenshots from the real production build: `npm run screenshot`.
// Serves dist/ under a sub-path, stages the "reply overtakes its question" moment and saves
// docs/screenshot.png at 1280×720, the size of a classroom projector, then the same moment in
// presenter mode as docs/screenshot-presenter.png, and on a 390×844 phone, scrolled to C's
// window, as docs/screenshot-phone.png.
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, findFreePort, serveSite, stopSite } from './local-site.mjs';

const out = process.argv[2] ?? 'docs/screenshot.png';
if (!out.endsWith('.png')) {
  console.error('screenshot: the file name must end in .png (the presenter and phone versions are named from it)');
  process.exit(2);
}
const { server, url } = await serveSite(resolve('dist'), await findFreePort(Number(process.env.PORT ?? 4174)));

/** Opens seed 9 on `page` and plays it by hand until B's reply waits in C's buffer for A's question. */
async function stageOvertaking(page) {
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
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await stageOvertaking(page);
  await page.getByTestId('flight').first().locator('.flight-hit').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: out });
  await page.keyboard.press('p');
  await page.waitForTimeout(400);
  await page.screenshot({ path: out.replace(/\.png$/, '-presenter.png') });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await stageOvertaking(phone);
  await phone.evaluate(() => {
    const c = document.querySelector('[data-testid="node-C"]');
    if (c) window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 8);
  });
  await phone.waitForTimeout(400);
  await phone.screenshot({ path: out.replace(/\.png$/, '-phone.png') });
  console.log(`saved ${out} and its presenter and phone versions`);
} finally {
  await browser.close();
  await stopSite(server);
}
