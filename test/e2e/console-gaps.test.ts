import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingState, Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, signInChair, Stage } from './stage';

// Issue #14, item 4: the console gaps, clicked through in chromium as the chair, a member and
// the secretariat would — items added, moved, their doors changed and reopened (§§ 2, 20);
// the demand for a vote on the agenda order (§ 20, stk. 1); the confirmations before the
// irreversible acts; the record signed and corrected in the browser (§ 29). Each step is
// checked in the server's state (or its record routes), not only on the screen.

const stage = new Stage();
let server: RunningServer;
let chair: Page;
let seat: Page;
let gallery: Page;
let secretariatPage: Page;
let secretariat: Socket;
let me: Person;

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const full = async () => ((await emit(secretariat, 'sync')) as unknown as { view: MeetingState }).view;
const edit = () => chair.getByRole('region', { name: 'Ret et punkt (§§ 2, 20)' });
const add = () => chair.getByRole('region', { name: 'Nyt punkt (§ 9, stk. 2)' });
const dialog = (page: Page) => page.getByRole('dialog');
const recordText = async (path: string) => (await fetch(server.url + path)).text();

/** The text a disabled button is described by (its reason), or null. */
async function reasonOf(page: Page, name: string): Promise<string | null> {
  const id = await page.getByRole('button', { name, exact: true }).getAttribute('aria-describedby');
  return id ? page.locator(`[id="${id}"]`).innerText() : null;
}

/** Chooses the item in the edit panel by its title. */
async function choose(title: string) {
  const select = edit().getByLabel('Punkt', { exact: true });
  const value = await select.locator('option', { hasText: title }).getAttribute('value');
  await select.selectOption(value!);
}

beforeAll(async () => {
  server = await stage.start('salen-console-gaps', {});
  const { demo } = server;
  const chairId = demo.setup.chairLine[0]!;
  const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId);
  me = members.filter((p) => p.id !== chairId)[3]!;
  chair = await stage.newPage({ width: 1600, height: 1000 }, '/chair');
  await signInChair(chair, chairId, demo.chairPasswords[chairId]!);
  seat = await stage.newPage({ width: 1180, height: 820 }, `/seat#key=${encodeURIComponent(demo.seatKeys[me.seatId!]!)}`);
  await checkInAt(seat, demo.codes[me.id]!);
  for (const p of members.filter((p) => p.id !== me.id)) {
    const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
    const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
    expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
  }
  secretariat = await stage.openSocket({ role: 'secretariat', password: demo.secretariatPassword });
  gallery = await stage.newPage({ width: 1280, height: 800 }, '/gallery');
  secretariatPage = await stage.newPage({ width: 1400, height: 1000 }, '/secretariat');
  await secretariatPage.getByLabel('Adgangskode').fill(demo.secretariatPassword);
  await secretariatPage.getByRole('button', { name: 'Log ind' }).click();
  await secretariatPage.getByRole('heading', { name: 'Beslutningsprotokol (§ 29)' }).waitFor();
});

afterAll(() => stage.close());

describe("the console gaps (issue #14, item 4)", () => {
  it('the chair adds an item (a closed one needs its reason) and moves it up the agenda', async () => {
    await chair.getByRole('button', { name: 'Åbn mødet' }).click();
    await poll(async () => (await full()).meeting.status).toBe('open');
    const before = await full();
    await add().getByLabel('Titel').fill('Navngivning af ny vej');
    await add().getByLabel('Døre (§ 2)').selectOption('closed');
    // § 2, stk. 4: the button says why, and nothing is added.
    await poll(() => reasonOf(chair, 'Tilføj punktet')).toBe('§ 2, stk. 4: Et punkt for lukkede døre skal have en skriftlig begrundelse.');
    expect((await full()).agenda).toEqual(before.agenda);
    await add().getByLabel('Døre (§ 2)').selectOption('open');
    await add().getByLabel('Forslag (det, der stemmes om)').fill('At vejen får navnet Salens Allé.');
    await add().getByRole('button', { name: 'Tilføj punktet' }).click();
    await poll(async () => (await full()).agenda.length).toBe(before.agenda.length + 1);
    const after = await full();
    const id = after.agenda.find((x) => !before.agenda.includes(x))!;
    const item = after.items[id]!;
    expect(item).toMatchObject({ title: 'Navngivning af ny vej', doors: 'open', proposal: 'At vejen får navnet Salens Allé.', kind: 'proposal' });
    const at = after.agenda.indexOf(id);
    expect(at).toBeGreaterThan(0);
    await chair.locator('.agenda-title', { hasText: 'Navngivning af ny vej' }).waitFor();

    await choose('Navngivning af ny vej');
    await edit().getByRole('button', { name: `Flyt punkt ${item.number} op` }).click();
    await poll(async () => (await full()).agenda.indexOf(id)).toBe(at - 1);
    // The rest keeps its order.
    const moved = (await full()).agenda;
    expect(moved.filter((x) => x !== id)).toEqual(after.agenda.filter((x) => x !== id));
  });

  it('the chair closes the doors of the running item with the reason; the gallery shows nothing of it', async () => {
    const s0 = await full();
    const id = s0.agenda.find((x) => s0.items[x]!.title === 'Cykelsti på Nørrebrogade')!;
    await chair.getByRole('button', { name: `Start Punkt ${s0.items[id]!.number}` }).click();
    await gallery.getByText('Cykelsti på Nørrebrogade').first().waitFor();

    await choose('Cykelsti på Nørrebrogade');
    await poll(() => reasonOf(chair, 'Behandl for lukkede døre')).toBe('§ 2, stk. 4: Et punkt for lukkede døre skal have en skriftlig begrundelse.');
    await edit().getByLabel('Skriftlig begrundelse for lukkede døre (§ 2, stk. 4)').fill('Oplysninger om en privat grundejers forhold (§ 2, stk. 2)');
    await edit().getByRole('button', { name: 'Behandl for lukkede døre' }).click();
    await poll(async () => (await full()).items[id]!.doors).toBe('closed');
    expect((await full()).items[id]!.closedReason).toBe('Oplysninger om en privat grundejers forhold (§ 2, stk. 2)');
    await poll(() => gallery.locator('body').innerText()).not.toContain('Cykelsti');
    expect(await gallery.content()).not.toContain('Nørrebrogade');
    const pub = (await (await fetch(`${server.url}/api/public`)).text());
    expect(pub).not.toContain('Nørrebrogade');
  });

  it('finishing an item whose proposal was never put asks first; the chair reopens it with the new information', async () => {
    const s0 = await full();
    const id = s0.currentItem!;
    await chair.getByRole('button', { name: 'Afslut punkt', exact: true }).click();
    await dialog(chair).getByRole('heading', { name: `Afslut punkt ${s0.items[id]!.number} uden afgørelse?` }).waitFor();
    // Cancel has the focus: nothing changes.
    expect(await chair.evaluate(() => document.activeElement?.textContent)).toBe('Annullér');
    await dialog(chair).getByRole('button', { name: 'Annullér' }).click();
    await poll(() => dialog(chair).count()).toBe(0);
    expect((await full()).items[id]!.status).toBe('active');
    await chair.getByRole('button', { name: 'Afslut punkt', exact: true }).click();
    await dialog(chair).getByRole('button', { name: 'Afslut punktet' }).click();
    await poll(async () => (await full()).items[id]!.status).toBe('done');

    await choose('Cykelsti på Nørrebrogade');
    const reason = edit().getByLabel('Afgørende nye oplysninger (§ 20, stk. 3)');
    await reason.fill('Nyt');
    await poll(() => reasonOf(chair, 'Genoptag punktet')).toBe(
      '§ 20, stk. 3: Et færdigbehandlet punkt genoptages kun ved afgørende nye oplysninger; angiv dem.',
    );
    expect((await full()).items[id]!.status).toBe('done');
    await reason.fill('Vejdirektoratet har trukket sin medfinansiering tilbage i dag.');
    await edit().getByRole('button', { name: 'Genoptag punktet' }).click();
    await poll(async () => (await full()).items[id]!.status).toBe('active');
    const s1 = await full();
    expect(s1.currentItem).toBe(id);
    expect(s1.log.some((l) => l.text.includes('Vejdirektoratet har trukket sin medfinansiering tilbage'))).toBe(true);
  });

  it('a member demands the vote on the order of the agenda; the seat and the chair show the count', async () => {
    const need = (await full()).config.forceVoteMembers;
    await seat.getByRole('button', { name: 'Kræv dagsordenens rækkefølge sat til afstemning' }).click();
    await poll(async () => (await full()).demands.agendaOrder).toEqual([me.id]);
    await poll(() => seat.getByTestId('agenda-order-count').innerText()).toBe(`1 af ${need} krævet (§ 20, stk. 1)`);
    await seat.getByRole('region', { name: 'Punkternes rækkefølge' }).getByText('✓ Du har fremsat kravet.').waitFor();
    await poll(() => chair.getByTestId('chair-demands').innerText()).toContain(`Dagsordenens rækkefølge (§ 20): 1 / ${need}`);
    // A second press is refused by the engine, and the count stays.
    expect(await seat.getByRole('button', { name: 'Kræv dagsordenens rækkefølge sat til afstemning' }).isDisabled()).toBe(true);
    expect((await full()).demands.agendaOrder).toEqual([me.id]);
  });

  it('closing the meeting asks first: Escape and Cancel change nothing; confirmed, it closes', async () => {
    // The reopened item is finished first (asked again: its proposal was never put).
    await chair.getByRole('button', { name: 'Afslut punkt', exact: true }).click();
    await dialog(chair).getByRole('button', { name: 'Afslut punktet' }).click();
    await poll(async () => (await full()).currentItem).toBe(null);

    const close = chair.getByRole('button', { name: 'Hæv mødet', exact: true });
    await close.click();
    await dialog(chair).getByRole('heading', { name: 'Hæv mødet?' }).waitFor();
    expect(await chair.evaluate(() => document.activeElement?.textContent)).toBe('Annullér');
    await expectAccessible(chair, 'the confirmation dialog');
    await chair.keyboard.press('Escape');
    await poll(() => dialog(chair).count()).toBe(0);
    expect((await full()).meeting.status).toBe('open');

    await close.click();
    await dialog(chair).getByRole('button', { name: 'Annullér' }).click();
    await poll(() => dialog(chair).count()).toBe(0);
    expect((await full()).meeting.status).toBe('open');
    // Before the meeting is closed, the record cannot be signed, and the button says so.
    expect(await reasonOf(chair, 'Underskriv protokollen')).toBe('§ 29: Protokollen underskrives, når mødet er hævet.');

    await close.click();
    await dialog(chair).getByRole('button', { name: 'Hæv mødet' }).click();
    await poll(async () => (await full()).meeting.status).toBe('closed');
  });

  it('the chair and the secretariat sign the record in the browser; /record is no longer a draft', async () => {
    const status = chair.getByTestId('record-status');
    await poll(() => status.innerText()).toContain('Udkast');
    expect(await recordText('/record')).toContain('Udkast');

    await chair.getByRole('button', { name: 'Underskriv protokollen' }).click();
    await dialog(chair).getByRole('heading', { name: 'Underskriv protokollen?' }).waitFor();
    await dialog(chair).getByRole('button', { name: 'Annullér' }).click();
    expect(((await (await fetch(`${server.url}/record.json`)).json()) as { signatures: unknown[] }).signatures).toEqual([]);
    await chair.getByRole('button', { name: 'Underskriv protokollen' }).click();
    await dialog(chair).getByRole('button', { name: 'Underskriv protokollen' }).click();
    await poll(() => status.innerText()).toMatch(/Underskrevet af .+ \(forperson\)/);
    expect(await reasonOf(chair, 'Underskriv protokollen')).toBe('§ 29: Denne rolle har allerede underskrevet.');

    await secretariatPage.getByLabel('Underskriverens navn').fill('Mette Nørgaard');
    await secretariatPage.getByRole('button', { name: 'Underskriv protokollen' }).click();
    await dialog(secretariatPage).getByRole('button', { name: 'Underskriv protokollen' }).click();
    await poll(() => secretariatPage.getByTestId('record-status').innerText()).toContain('Underskrevet af Mette Nørgaard (sekretariatet)');
    await secretariatPage.getByText('Underskrevet af forpersonen og sekretariatet').waitFor();

    const json = (await (await fetch(`${server.url}/record.json`)).json()) as { signed: boolean; signatures: { role: string; name: string }[] };
    expect(json.signed).toBe(true);
    expect(json.signatures.map((s) => s.role).sort()).toEqual(['chair', 'secretariat']);
    expect(await recordText('/record')).not.toContain('Udkast');
  });

  it('a correction entered on the secretariat screen shows in the record', async () => {
    const text = 'Under punkt 1 stod der fejlagtigt 27 stemmer for; der var 26.';
    await secretariatPage.getByLabel('Rettelse', { exact: true }).fill(text);
    await secretariatPage.getByRole('button', { name: 'Tilføj rettelsen' }).click();
    await poll(() => secretariatPage.getByTestId('record-corrections').innerText()).toContain(text);
    await poll(() => recordText('/record')).toContain(text);
    const json = (await (await fetch(`${server.url}/record.json`)).json()) as { corrections: { text?: string; byRole: string }[] };
    expect(json.corrections).toMatchObject([{ text, byRole: 'secretariat' }]);
  });

  it('the console and the secretariat with the new panels pass axe (WCAG 2.0/2.1 A and AA)', async () => {
    // The whole console with the new panels on it (agenda editing, the record), not only them.
    for (const id of ['item-edit-title', 'agenda-add-title', 'record-title']) await chair.locator(`[aria-labelledby="${id}"]`).waitFor();
    await expectAccessible(chair, 'the console with the agenda and record panels');
    await expectAccessible(secretariatPage, "the secretariat's record panel");
  });
});
