import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, SCREENSHOTS, signInChair, Stage } from './stage';

// Issue #11, items 2–3, on the real screens: a seat key alone does not make a tablet the
// member (the session token does, and survives reloads), a check-in by the same member moves
// the session and tells the old tablet, five wrong codes lock the seat (with a countdown on
// the tablet and the lock on the consoles), and the secretariat gives a seat a new key.

const stage = new Stage();
const { newPage } = stage;
let server: RunningServer;

const TABLET = { width: 1180, height: 820 };
const CONSOLE = { width: 1600, height: 1000 };

beforeAll(async () => {
  server = await stage.start('salen-seat-session', {});
});

afterAll(() => stage.close());

const local = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const session = (page: Page, key: string) => page.evaluate((k) => sessionStorage.getItem(k), key);

/** The check-in form is on the screen and the member's own screen is not. */
async function showsCheckInOnly(page: Page, member: Person) {
  await page.getByLabel('Personlig kode').waitFor();
  expect(await page.getByRole('heading', { name: member.name }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Meld ud' }).count()).toBe(0);
}

describe('seat sessions on the screens (issue #11)', () => {
  it('the key leaves the address bar, the session survives a reload, a second tablet is public until it checks in, and the old one is told', async () => {
    const { demo } = server;
    const chairId = demo.setup.chairLine[0]!;
    const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId && !demo.setup.chairLine.includes(p.id));
    const [p1, p2, p3] = [members[0]!, members[1]!, members[2]!];
    const link = (p: Person) => `/seat#key=${encodeURIComponent(demo.seatKeys[p.seatId!]!)}`;
    const seatLabel = (p: Person) => demo.setup.chamber.seats.find((s) => s.id === p.seatId)!.label;

    // --- (a) the key is read from the fragment, kept on the tablet, and leaves the address bar ---
    const tabletA = await newPage(TABLET, link(p1));
    await tabletA.getByLabel('Personlig kode').waitFor();
    expect(tabletA.url()).toBe(`${server.url}/seat`);
    expect(await local(tabletA, 'salen.seatKey')).toBe(demo.seatKeys[p1.seatId!]);
    expect(await session(tabletA, 'salen.seatSession')).toBeNull();
    await checkInAt(tabletA, demo.codes[p1.id]!);
    await tabletA.getByRole('heading', { name: p1.name }).waitFor();
    const token = await session(tabletA, 'salen.seatSession');
    expect(token).toMatch(/.{16,}/);
    // A reload keeps the member: key from localStorage, session from sessionStorage, no code.
    await tabletA.reload();
    await tabletA.getByRole('heading', { name: p1.name }).waitFor();
    await tabletA.getByRole('button', { name: 'Meld ud' }).waitFor();
    expect(await tabletA.getByLabel('Personlig kode').count()).toBe(0);
    expect(tabletA.url()).toBe(`${server.url}/seat`);

    // --- (b) the same link on a second tablet: public view and check-in only ---
    const tabletB = await newPage(TABLET, link(p1));
    await showsCheckInOnly(tabletB, p1);
    expect(tabletB.url()).toBe(`${server.url}/seat`);
    // The first tablet is still the member, and the member is still present.
    await tabletA.getByRole('heading', { name: p1.name }).waitFor();
    expect(server.service.state.presence[p1.seatId!]?.personId).toBe(p1.id);
    // The member checks in on the second tablet: the session moves, the first tablet is told.
    await checkInAt(tabletB, demo.codes[p1.id]!);
    await tabletB.getByRole('heading', { name: p1.name }).waitFor();
    await expect
      .poll(() => tabletA.getByTestId('session-ended').innerText().catch(() => ''))
      .toContain('Du er nu meldt ind på en anden terminal — meld ind her igen for at flytte tilbage');
    await showsCheckInOnly(tabletA, p1);
    expect(await session(tabletA, 'salen.seatSession')).toBeNull();
    expect(await session(tabletB, 'salen.seatSession')).toMatch(/.{16,}/);
    // Reloaded, the first tablet has no session left: still only the check-in form.
    await tabletA.reload();
    await showsCheckInOnly(tabletA, p1);
    await tabletB.getByRole('heading', { name: p1.name }).waitFor();

    // --- (c) five wrong codes lock the seat; the tablet counts down, the consoles show it ---
    const chair = await newPage(CONSOLE, '/chair');
    await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
    const tabletC = await newPage(TABLET, link(p2));
    await tabletC.getByLabel('Personlig kode').waitFor();
    // Wrong codes: another member's real code (no oracle: the same answer) and made-up ones.
    const wrong = [demo.codes[p3.id]!, '0000', '1111', demo.codes[p1.id]!, '99999'].filter((c) => c !== demo.codes[p2.id]);
    expect(wrong.length).toBe(5);
    const refusals: string[] = [];
    for (const [i, code] of wrong.entries()) {
      await tabletC.getByLabel('Personlig kode').fill(code);
      await tabletC.getByRole('button', { name: 'Meld ind' }).click();
      if (i < 4) {
        await expect.poll(() => tabletC.getByTestId('feedback').innerText()).toMatch(/^✗ Meld ind — § 16: /);
        refusals.push(await tabletC.getByTestId('feedback').innerText());
      }
    }
    // Each refusal reads the same, whoever's code it was (another member's, or none).
    expect(new Set(refusals).size).toBe(1);
    const lock = tabletC.getByTestId('seat-lock');
    await lock.waitFor();
    expect(await lock.innerText()).toContain('Pladsen er låst');
    expect(await lock.innerText()).toContain('§ 16');
    const countdown = tabletC.getByTestId('seat-lock-countdown');
    const first = await countdown.innerText();
    expect(first).toMatch(/^0:[0-5]\d$/);
    await tabletC.waitForTimeout(1300);
    expect(await countdown.innerText()).not.toBe(first);
    expect(await tabletC.getByLabel('Personlig kode').isDisabled()).toBe(true);
    expect(await tabletC.getByRole('button', { name: 'Meld ind' }).isDisabled()).toBe(true);
    await expectAccessible(tabletC, 'seat locked after wrong codes');
    // Nobody got in at the locked seat.
    expect(server.service.state.presence[p2.seatId!]).toBeUndefined();
    // The chair's console shows the locked seat: label, member, until when — in words.
    const chairLocks = chair.getByTestId('seat-locks');
    await chairLocks.waitFor();
    await expectAccessible(chair, 'chair, a locked seat');
    const lockText = await chairLocks.innerText();
    expect(lockText).toContain('Låste pladser');
    expect(lockText).toContain(`Plads ${seatLabel(p2)}`);
    expect(lockText).toContain(p2.name);
    expect(lockText).toMatch(/låst til kl\. \d\d[.:]\d\d[.:]\d\d/);

    // --- (d) the secretariat gives a seat a new key; the old tablet stops; the new link works ---
    const tabletD = await newPage(TABLET, link(p3));
    await checkInAt(tabletD, demo.codes[p3.id]!);
    await tabletD.getByRole('heading', { name: p3.name }).waitFor();
    const sec = await newPage(CONSOLE, '/secretariat');
    await sec.getByLabel('Adgangskode').fill(demo.secretariatPassword);
    await sec.getByRole('button', { name: 'Log ind' }).click();
    await sec.getByRole('heading', { name: 'Terminaler' }).waitFor();
    // The secretariat sees the lock too.
    await expect.poll(() => sec.getByTestId('seat-locks').innerText().catch(() => '')).toContain(p2.name);
    const tablets = sec.getByTestId('tablets');
    await tablets.getByLabel('Plads', { exact: true }).selectOption(p3.seatId!);
    expect(await tablets.getByRole('option', { selected: true }).innerText()).toContain(p3.name);
    await tablets.getByRole('button', { name: 'Ny nøgle til pladsen' }).click();
    const dialog = sec.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(sec, 'secretariat, the new-key dialog');
    expect(await dialog.innerText()).toContain('Kan ikke fortrydes');
    expect(await dialog.innerText()).toContain(p3.name);
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await tabletD.getByRole('heading', { name: p3.name }).count()).toBe(1);
    // Now for real.
    await tablets.getByRole('button', { name: 'Ny nøgle til pladsen' }).click();
    await sec.getByRole('dialog').getByRole('button', { name: 'Ja, lav en ny nøgle' }).click();
    const linkField = tablets.getByRole('textbox', { name: `Nyt link til plads ${seatLabel(p3)}` });
    await linkField.waitFor();
    await expectAccessible(sec, 'secretariat, a new seat link');
    const newLink = await linkField.inputValue();
    expect(newLink).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/seat#key=.+`));
    expect(await linkField.getAttribute('readonly')).not.toBeNull();
    const newKey = decodeURIComponent(newLink.split('#key=')[1]!);
    expect(newKey).not.toBe(demo.seatKeys[p3.seatId!]);
    await expect.poll(() => sec.getByTestId('feedback').innerText()).toContain(`✓ Ny nøgle til plads ${seatLabel(p3)}: Modtaget`);
    await tablets.screenshot({ path: path.join(SCREENSHOTS, 'secretariat-tablets.png') });

    // The old tablet is told, forgets the key, and says to contact the secretariat.
    await expect
      .poll(() => tabletD.getByTestId('seat-message').innerText().catch(() => ''))
      .toContain('Sekretariatet har givet pladsen en ny nøgle');
    expect(await local(tabletD, 'salen.seatKey')).toBeNull();
    expect(await session(tabletD, 'salen.seatSession')).toBeNull();
    expect(await tabletD.getByRole('heading', { name: p3.name }).count()).toBe(0);
    // The old key no longer opens anything.
    await expect(stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p3.seatId!] })).rejects.toThrow('unauthorized');

    // The new link, opened on the same tablet, works: check-in form, then the member.
    await tabletD.goto(newLink);
    await tabletD.getByLabel('Personlig kode').waitFor();
    expect(tabletD.url()).toBe(`${server.url}/seat`);
    expect(await local(tabletD, 'salen.seatKey')).toBe(newKey);
    await checkInAt(tabletD, demo.codes[p3.id]!);
    await tabletD.getByRole('heading', { name: p3.name }).waitFor();
    await tabletD.reload();
    await tabletD.getByRole('heading', { name: p3.name }).waitFor();
  }, 200_000);
});
