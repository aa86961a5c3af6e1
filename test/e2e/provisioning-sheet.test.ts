import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { expectAccessible } from './axe';
import { storedDemoCredentials } from '../../server/demo/credentials';
import { checkInAt, emit, Stage } from './stage';

// Issue #14, item 3: the secretariat gives every seat a new key and prints the QR sheet; one
// QR code, read back from its pixels, opens that seat on a fresh tablet.
const stage = new Stage();
let server: RunningServer;

beforeAll(async () => {
  server = await stage.start('salen-e2e-provisioning', {});
});
afterAll(() => stage.close());

describe('the provisioning sheet', () => {
  it('rotates every key after a confirmation, prints one QR per seat, and a decoded QR opens its seat', { timeout: 120_000 }, async () => {
    const page = await stage.newPage({ width: 1280, height: 900 }, '/secretariat');
    await page.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
    await page.getByRole('button', { name: 'Log ind' }).click();
    const seats = server.demo.setup.chamber.seats;

    // Cancelling the confirmation changes nothing: the old keys still open their seats.
    await page.getByRole('button', { name: 'Nye nøgler til alle pladser (QR-ark)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Annullér' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    const still = await stage.openSocket({ role: 'seat', seatKey: server.demo.seatKeys[seats[0]!.id] });
    expect(still.connected).toBe(true);

    await page.getByRole('button', { name: 'Nye nøgler til alle pladser (QR-ark)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, lav nye nøgler til alle' }).click();
    const sheet = page.getByTestId('qr-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('svg.qr').count()).toBe(seats.length);
    await expectAccessible(page, 'the QR sheet');

    // The seat of a member (not the chair's), its name printed under its code.
    const member = server.demo.setup.persons.find((p) => p.kind === 'member' && p.seatId && !server.demo.setup.chairLine.includes(p.id))!;
    const seat = seats.find((s) => s.id === member.seatId)!;
    const card = sheet.locator(`[data-seat="${seat.id}"]`);
    await expect(card.locator('figcaption').innerText()).resolves.toContain(member.name);

    const png = PNG.sync.read(await card.getByTestId(`qr-${seat.id}`).screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded, 'the QR code decodes').not.toBeNull();
    const url = decoded!.data;
    expect(url).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/seat#key=[A-Za-z0-9_-]{40,}$`));
    const key = decodeURIComponent(url.split('#key=')[1]!);
    expect(key).not.toBe(server.demo.seatKeys[seat.id]);
    await page.screenshot({ path: 'docs/screenshots/provisioning-sheet.png', fullPage: true });

    // A fresh tablet (its own browser context) opens the decoded URL and is that seat.
    const tablet = await stage.newPage({ width: 1024, height: 768 }, url.slice(server.url.length));
    await tablet.getByText(`Plads ${seat.label}`).first().waitFor();
    await checkInAt(tablet, server.demo.codes[member.id]!);
    expect(server.service.state.presence[seat.id]?.personId).toBe(member.id);
  });

  it("resets one member's code after a confirmation and prints the letter; the old code is refused, the letter's code checks in", { timeout: 120_000 }, async () => {
    const page = await stage.newPage({ width: 1280, height: 900 }, '/secretariat');
    await page.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
    await page.getByRole('button', { name: 'Log ind' }).click();
    const members = server.demo.setup.persons.filter((p) => p.kind === 'member' && !server.demo.setup.chairLine.includes(p.id));
    const member = members[3]!;
    await page.getByLabel('Medlem eller stedfortræder').selectOption(member.id);
    await page.getByRole('button', { name: 'Ny kode (brev)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, lav en ny kode' }).click();
    const letter = page.getByTestId(`letter-${member.id}`);
    await letter.waitFor();
    await expect(letter.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(`Til ${member.name}`);
    const code = (await letter.getByTestId('letter-code').innerText()).trim();
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(code).not.toBe(server.demo.codes[member.id]);
    await expectAccessible(page, 'a code letter');
    await page.screenshot({ path: 'docs/screenshots/code-letter.png' });
    // Closing the print view drops the code from the page.
    await page.getByRole('button', { name: 'Luk og glem nøglerne/koderne' }).click();
    await page.getByTestId('provisioning').waitFor();
    await expect(page.getByText(code).count()).resolves.toBe(0);

    // The seat's live key: the first test gave every seat a new one (a demo keeps them, /api/demo).
    const live = storedDemoCredentials(server.service.db)!;
    expect(live.codes[member.id]).toBe(code);
    const seat = await stage.openSocket({ role: 'seat', seatKey: live.seatKeys[member.seatId!] });
    expect(await emit(seat, 'checkIn', { code: server.demo.codes[member.id] })).toMatchObject({ ok: false, code: 'BAD_CODE' });
    expect((await emit(seat, 'checkIn', { code })).ok).toBe(true);
  });

  it('letters for all: every code reset after a confirmation, one letter a printed page, the toolbar not printed', { timeout: 120_000 }, async () => {
    const page = await stage.newPage({ width: 1280, height: 900 }, '/secretariat');
    await page.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: 'Nye koder til alle (breve)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, lav nye koder til alle' }).click();
    const letters = page.locator('.code-letter');
    await letters.first().waitFor();
    const persons = server.demo.setup.persons;
    expect(await letters.count()).toBe(persons.length);
    const live = storedDemoCredentials(server.service.db)!;
    for (const p of persons.slice(0, 3)) await expect(page.getByTestId(`letter-${p.id}`).getByTestId('letter-code').innerText()).resolves.toBe(live.codes[p.id]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-toolbar').isVisible()).resolves.toBe(false);
    const breaks = await letters.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakAfter));
    expect(breaks.slice(0, -1).every((b) => b === 'page')).toBe(true);
  });
});
