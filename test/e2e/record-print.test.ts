import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { newDemo } from '../../server/demo/credentials';
import { MeetingService } from '../../server/meeting/service';
import { playSampleMeeting, type SampleMeeting } from '../../server/record/sample';
import { openDb, saveSetup } from '../../server/store/db';
import { expectAccessible } from './axe';
import { launchChromium } from './stage';

// The printable record (§ 29) in a real browser after a demo meeting: it renders, shows the
// closed item only as "Lukket punkt" (§§ 2–3), prints to A4, and leaves a screenshot for
// the docs. The record is server-rendered HTML: no client build is needed.

/** 18:00 Copenhagen time on a Monday in November 2026. */
const T0 = Date.UTC(2026, 10, 23, 17, 0);

type Running = Awaited<ReturnType<typeof startServer>>;
let server: Running;
let browser: Browser;
let sample: SampleMeeting;
/** The chamber with random credentials, seeded below before the server starts. */
const demo = newDemo();

beforeAll(async () => {
  // The meeting is played on a test clock (so the record shows an evening's times), then
  // the real server starts on the same log and replays it.
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'record-e2e-')), 'meeting.sqlite');
  const db = openDb(dbPath);
  saveSetup(db, demo.setup, { memberCount: demo.setup.persons.filter((p) => p.kind === 'member').length }, demo);
  let now = T0;
  const service = new MeetingService(db, () => now);
  sample = await playSampleMeeting(service, { advance: (ms) => (now += ms) });
  db.close();
  server = await startServer({ dbPath, port: 0, demo: true, staticDir: '/nonexistent', graceMs: 600_000 });
  const chairId = server.service.state.chair.line[0]!;
  for (const body of [
    { role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] },
    { role: 'secretariat', password: demo.secretariatPassword, name: 'Mette Nørgaard' },
  ]) {
    const res = await fetch(`${server.url}/record/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the printable decision record in chromium', () => {
  it('shows the public record, the closed item only by number, and saves a screenshot', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 1400 }, locale: 'da-DK' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(`${server.url}/record`);
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toMatch(/^Beslutningsprotokol – Borgerrepræsentationens møde 2026-11-23$/);
    const h2 = await page.locator('section.item h2').allInnerTexts();
    const closedNumber = server.service.state.items[sample.closedItemId]!.number;
    expect(h2).toContain(`Punkt ${closedNumber}. Lukket punkt`);
    expect(h2[1]).toBe('Punkt 2. Cykelsti på Nørrebrogade');
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/mandag den 23\. november 2026 kl\. 18\.\d\d–\d\d\.\d\d/);
    expect(text).toMatch(/For stemte \d+:/);
    expect(text).toContain('Mette Nørgaard');
    for (const secret of sample.closedSecrets) expect(text).not.toContain(secret);
    await expectAccessible(page, 'the public record');
    // Two signatures and the chain's hash, no draft banner.
    expect(await page.locator('.banner').count()).toBe(0);
    expect(await page.locator('.signatures .hash').first().innerText()).toMatch(/^[0-9a-f]{64}$/);
    // The print layout: A4, page numbers from @page counters.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);

    const dir = path.resolve('docs/screenshots');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'record.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("opens the members' version with HTTP basic auth, closed item in full, in English too", async () => {
    const ctx = await browser.newContext({ httpCredentials: { username: 'secretariat', password: demo.secretariatPassword } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/record/members?lang=en`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Decision record');
    expect(text).toContain("Members' edition");
    expect(text).toContain(server.service.state.items[sample.closedItemId]!.title);
    expect(text).toContain('Handled behind closed doors');
    await expectAccessible(page, "the members' record in English");
    await ctx.close();
  });
});
