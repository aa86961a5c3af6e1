import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { ensureClientBuilt } from './global-build';
import { expectAccessible } from './axe';
import { launchChromium } from './stage';
import { tempDb } from '../server/helpers';

// A clean stop (issue #13, item 4) in a real browser: the gallery says the server is
// restarting (not "offline"), and is back by itself once a server runs on the same port and
// database again.
describe('the restart notice on a screen', () => {
  let server: RunningServer;
  let browser: Browser;
  const dbPath = tempDb('restart-banner');

  beforeAll(async () => {
    server = await startServer({ dbPath, port: 0, demo: true, staticDir: ensureClientBuilt(), graceMs: 600_000 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows "Serveren genstarter" during the stop and clears it when the server is back', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'da-DK' });
    await page.goto(`${server.url}/gallery`);
    await page.locator('.gallery-hall, main.gallery').first().waitFor();
    await expect.poll(() => page.locator('.banner-offline').count()).toBe(0);

    const port = server.port;
    const stopped = server.close({ noticeMs: 1500 });
    const banner = page.locator('.banner-offline');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.textContent()).toContain('Serveren genstarter');
    await expectAccessible(page, 'the gallery while the server restarts');
    await stopped;

    server = await startServer({ dbPath, port, demo: true, staticDir: ensureClientBuilt(), graceMs: 600_000 });
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('.banner-offline').count()).toBe(0);
  });
});
