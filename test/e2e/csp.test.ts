import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { ensureClientBuilt } from './global-build';
import { cspViolations, launchChromium, recordCspViolations } from './stage';
import { tempDb } from '../server/helpers';

// The security headers (issue #11, item 6) in a real browser: every screen and the printable
// record run under the policy with no violation at all (no inline script, the record's style
// allowed by its hash, the socket on the same origin), and no other site can frame them.

describe('Content-Security-Policy in chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ dbPath: tempDb('csp'), port: 0, demo: true, staticDir: ensureClientBuilt(), graceMs: 600_000 });
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
    await recordCspViolations(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.close();
  });

  // The client's entry sets zod jitless (no `new Function` probe): any violation fails the test.
  const violations = cspViolations;

  it('the screens load, open their socket and render with no violation', async () => {
    const seatKey = server.demo.seatKeys[server.demo.setup.chamber.seats[0]!.id]!;
    for (const [path, ready] of [
      ['/', 'Salen'],
      ['/gallery', 'Borgerrepræsentationens møde'],
      [`/seat#key=${seatKey}`, 'Personlig kode'],
      ['/chair', 'Adgangskode'],
      ['/tilgaengelighed', 'Tilgængelighedserklæring'],
      // The overlay draws nothing before an item runs; its socket is what is checked.
      ['/overlay', null],
    ] as const) {
      const page = await ctx.newPage();
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await page.goto(server.url + path);
      if (ready) await page.getByText(ready).first().waitFor({ timeout: 15_000 });
      else await page.getByTestId('overlay').waitFor({ state: 'attached', timeout: 15_000 });
      // The gallery, the overlay and the seat terminal hold a live socket (the chair's console opens one at sign-in).
      if (path === '/gallery' || path === '/overlay' || path.startsWith('/seat')) await expect.poll(() => sockets.length, { timeout: 10_000, message: path }).toBeGreaterThan(0);
      for (const url of sockets) expect(new URL(url).host).toBe(new URL(server.url).host);
      expect(await violations(page), path).toEqual([]);
      await page.close();
    }
  });

  it("the printable record's style applies (allowed by its hash) with no violation", async () => {
    for (const path of ['/record', '/record?lang=en', `/record/members?code=${server.demo.codes.m2}`]) {
      const page = await ctx.newPage();
      await page.goto(server.url + path);
      // html { background: #e9e6df } comes from the record's one <style> block.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), path).toBe('rgb(233, 230, 223)');
      expect(await violations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('a page of another origin cannot frame the screens (frame-ancestors none)', async () => {
    const page = await ctx.newPage();
    await page.goto('about:blank');
    await page.setContent(`<iframe id="f" src="${server.url}/gallery" width="400" height="300"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The frame is left empty: the screen's script never runs inside it.
    const rendered = frame ? await frame.evaluate(() => document.querySelector('#root')?.childElementCount ?? -1).catch(() => -1) : -1;
    expect(rendered).toBeLessThanOrEqual(0);
    await page.close();
  });
});
