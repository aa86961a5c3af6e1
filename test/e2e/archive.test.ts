import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { tempDb } from '../server/helpers';
import { expectAccessible } from './axe';
import { cspViolations, launchChromium, recordCspViolations, SCREENSHOTS } from './stage';

// The public archive (§ 29, stk. 4) in a real browser on the demo's history: the page a city
// links to, server-rendered with no script. It passes axe (WCAG 2.1 A/AA), applies its style
// under the strict CSP, and its links lead to the published record. No client build needed.

describe('the public archive in chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ dbPath: tempDb('archive-e2e'), port: 0, demo: true, demoHistory: true, staticDir: '/nonexistent', graceMs: 600_000 });
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: { width: 1000, height: 1200 }, locale: 'da-DK' });
    // Before any page's own content: a blocked inline style would be reported here.
    await recordCspViolations(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.close();
  });

  const violations = cspViolations;

  it('lists the coming and the published meetings, accessibly, in Danish and in English', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/archive`);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Arkiv');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Kommende møder', 'Offentliggjorte møder']);
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    // The page's one <style> block applies (allowed by its hash), with no violation.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 242, 238)');
    expect(await violations(page)).toEqual([]);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Budget 2027');
    expect(text).toContain('Lukket punkt');
    expect(text).not.toContain('Vesterbrogade');
    await expectAccessible(page, 'archive (da)');
    // For the README: the page as a visitor from the city's website first sees it.
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, 'archive.png');
    await page.screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(20_000);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/archive\?lang=en$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Coming meetings', 'Published meetings']);
    await expectAccessible(page, 'archive (en)');
    await page.close();
  });

  it('a link leads to the published meeting’s record, and the record leads back', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/archive`);
    const published = page.locator('section[aria-labelledby="published"]');
    await published.getByRole('link', { name: /^Beslutningsprotokol/ }).first().click();
    await page.waitForURL(/\/archive\/m1$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Beslutningsprotokol');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Oversendt til 2. behandling');
    expect(text).toContain('Lukket punkt');
    expect(text).not.toContain('Vesterbrogade');
    expect(text).not.toContain('Udkast');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Arkiv' }).click();
    await page.waitForURL(/\/archive$/);
    // Today's agenda, on its own page.
    await page.locator('section[aria-labelledby="coming"]').getByRole('link').first().click();
    await page.waitForURL(/\/archive\/m2$/);
    expect(await page.locator('main').innerText()).toContain('2. behandling, § 21');
    await expectAccessible(page, 'coming agenda');
    await page.close();
  });
});
