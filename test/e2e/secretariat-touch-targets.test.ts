import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { expectAccessible } from './axe';
import { emit, signInChair, Stage } from './stage';

// Issue #12, item 5: buttons smaller than 44 px on the consoles ("Log ud", "Kald til orden",
// "Frigiv"…). Every button, disclosure and menu of the shared console panels, measured as
// the browser lays them out (getBoundingClientRect), on the secretariat's console, the
// chair's (its header and presence panel) and the wall.

const MIN = 44;
const stage = new Stage();
let server: RunningServer;

/** Every control inside `scope` that is smaller than MIN × MIN px, with its name and size. */
async function tooSmall(scope: Locator): Promise<string[]> {
  return scope.evaluateAll(
    (els, min) =>
      els
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`, w: r.width, h: r.height };
        })
        .filter((c) => c.w < min || c.h < min)
        .map((c) => `${c.name}: ${c.w.toFixed(1)}×${c.h.toFixed(1)}`),
    MIN,
  );
}

const controls = (page: Page, within = 'body') => page.locator(`${within} :is(button, summary, select)`).filter({ visible: true });

beforeAll(async () => {
  server = await stage.start('salen-e2e-touch', {});
  // A substitute called in, so the secretariat shows its "Frigiv" button.
  const sec = await stage.openSocket({ role: 'secretariat', password: server.demo.secretariatPassword });
  const persons = server.demo.setup.persons;
  const member = persons.find((p) => p.kind === 'member' && p.groupId === 'A')!;
  const sub = persons.find((p) => p.kind === 'substitute' && p.groupId === 'A')!;
  const r = await emit(sec, 'action', { type: 'substitute.callIn', memberId: member.id, substituteId: sub.id });
  expect(r.ok, JSON.stringify(r)).toBe(true);
});

afterAll(() => stage.close());

describe('touch targets of the console panels are at least 44 × 44 px', () => {
  it('the secretariat: sign-out, release, presence, tablets, language', async () => {
    const page = await stage.newPage({ width: 1280, height: 800 }, '/secretariat');
    await page.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: 'Frigiv' }).waitFor();
    await page.getByTestId('presence').locator('summary').click();
    await expectAccessible(page, 'secretariat with the presence list open');
    const measured = await controls(page).count();
    expect(measured).toBeGreaterThan(5);
    expect(await tooSmall(controls(page))).toEqual([]);
    // The two the play-test named, by name.
    for (const name of ['Log ud', 'Frigiv']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(MIN);
      expect(box.height).toBeGreaterThanOrEqual(MIN);
    }
  });

  it("the chair's console: the header and every row's call to order", async () => {
    const chairId = server.demo.setup.chairLine[0]!;
    const page = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
    await signInChair(page, chairId, server.demo.chairPasswords[chairId]!);
    const presence = page.getByTestId('presence');
    await presence.locator('summary').click();
    const calls = presence.getByRole('button', { name: /^Kald til orden/ });
    expect(await calls.count()).toBe(server.demo.setup.chamber.seats.length);
    expect(await tooSmall(controls(page, '[data-testid="presence"]'))).toEqual([]);
    expect(await tooSmall(controls(page, '.screen-header'))).toEqual([]);
    // Each row's button names its member for a screen reader.
    const first = server.demo.setup.persons.find((p) => p.seatId === server.demo.setup.chamber.seats[0]!.id)!;
    await presence.getByRole('button', { name: `Kald til orden: ${first.name}` }).waitFor();
    await expectAccessible(page, 'chair with the presence list open');
  });

  it('the wall: its language button', async () => {
    const page = await stage.newPage({ width: 1920, height: 1080 }, '/gallery');
    await page.getByRole('button', { name: 'Skift sprog til engelsk' }).waitFor();
    await expectAccessible(page, 'gallery, a substitute called in');
    expect(await tooSmall(controls(page))).toEqual([]);
  });
});
