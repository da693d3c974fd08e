import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, findFreePort, serveSite, stopSite } from './local-site.mjs';
const { server, url } = await serveSite(resolve('dist'), await findFreePort(4301));
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}?seed=9&nodes=8`);
  await page.waitForTimeout(1500);
  await page.keyboard.press('p').catch(() => {});
  const inputs = page.getByPlaceholder('Type a message');
  for (let i = 0; i < 6; i++) {
    await inputs.nth(i % 8).fill(`Message ${i} from here`);
    await inputs.nth(i % 8).press('Enter');
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(6000);
  await page.screenshot({ path: '/tmp/perf/n8p.png' });
  await browser.close();
} finally { await stopSite(server); }
