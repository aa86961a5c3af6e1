import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingDetails } from '../../shared/term/lifecycle';
import { expectAccessible } from './axe';
import { emit, Stage } from './stage';

// Issue #14, item 2: the council's meetings on the secretariat's screen, clicked through in
// chromium — a meeting planned with two items (one behind closed doors with its reason, § 2
// stk. 4), the § 9 flag on short notice, the agenda marked sent, the meeting made live once
// meeting 1 (driven through the chair's socket) is closed (§ 7), meeting 1's record signed in
// the browser (§ 29) and published (§ 29, stk. 4). Each step is checked in the server's
// state, not only on the screen; axe checks each state of the screen.

const stage = new Stage();
let server: RunningServer;
let page: Page;
let secretariat: Socket;
let firstTitle: string;
const TITLE = 'Borgerrepræsentationens møde, januar';

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const meetings = async () => ((await emit(secretariat, 'meetings.list')) as unknown as { meetings: MeetingDetails[] }).meetings;
const meeting = async (id: string) => (await meetings()).find((m) => m.id === id);
const builder = () => page.getByTestId('agenda-builder');
const item = (n: number) => builder().getByTestId('agenda-item').nth(n);
const dialog = () => page.getByRole('dialog');
/** A day `days` from now, `YYYY-MM-DD`: two weeks is more than four weekdays whatever today is. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function reasonOf(name: string): Promise<string | null> {
  const id = await page.getByRole('button', { name, exact: true }).getAttribute('aria-describedby');
  return id ? page.locator(`[id="${id}"]`).innerText() : null;
}

beforeAll(async () => {
  server = await stage.start('salen-meetings', {});
  firstTitle = server.service.state.title;
  secretariat = await stage.openSocket({ role: 'secretariat', password: server.demo.secretariatPassword });
  page = await stage.newPage({ width: 1400, height: 1000 }, '/secretariat');
  await page.getByLabel('Adgangskode').fill(server.demo.secretariatPassword);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('heading', { name: 'Rådets møder' }).waitFor();
});

afterAll(() => stage.close());

describe("the council's meetings on the secretariat's screen (issue #14, item 2)", () => {
  it('lists meeting 1, live and being prepared', async () => {
    const row = page.getByTestId('meeting-m1');
    await poll(() => row.innerText()).toContain(firstTitle);
    expect(await row.innerText()).toContain('Under forberedelse');
    expect(await row.innerText()).toContain('I salen nu');
    await expectAccessible(page, 'meetings list');
  });

  it('plans a meeting with two items; a closed item needs its reason (§ 2, stk. 4); § 9 flags the short notice', async () => {
    await page.getByRole('button', { name: '+ Planlæg et møde' }).click();
    await builder().getByLabel('Titel', { exact: true }).fill(TITLE);
    await builder().getByLabel('Dato').fill(inDays(14));
    await builder().getByLabel('Tidspunkt').fill('17:00');
    await item(0).getByLabel('Punktets titel').fill('Lokalplan for Nordhavn');
    await item(0).getByLabel('Indstilling (det, der stemmes om)').fill('At lokalplanen vedtages.');
    await item(0).getByLabel('Taletid, første indlæg (sekunder)').fill('300');
    await item(0).getByRole('button', { name: 'Tilføj et bilag' }).click();
    await item(0).getByLabel('Bilag 1: titel').fill('Lokalplanforslag');
    await item(0).getByLabel('Bilag 1: adresse').fill('https://www.kk.dk/lokalplan.pdf');
    await builder().getByRole('button', { name: '+ Tilføj et punkt' }).click();
    await item(1).getByLabel('Punktets titel').fill('Salg af grund');
    await item(1).getByLabel('For lukkede døre').check();
    // § 2, stk. 4: the save button says why, and nothing is stored.
    await poll(() => reasonOf('Opret mødet')).toBe('§ 2, stk. 4: Et punkt for lukkede døre skal have en skriftlig begrundelse. (Salg af grund)');
    await item(1).getByLabel('Skriftlig begrundelse for lukkede døre (§ 2, stk. 4)').fill('Salg af fast ejendom (§ 2, stk. 2).');
    await poll(() => reasonOf('Opret mødet')).toBe(null);
    // § 9: no notice yet, so both items are flagged until they state why they are urgent.
    expect(await page.getByTestId('notice-flag').innerText()).toContain('Under fire hverdage (§ 9)');
    expect(await page.getByTestId('notice-flag').innerText()).toContain('2 punkter mangler en begrundelse');
    expect(await builder().getByText('Mangler hastebegrundelse (§ 9, stk. 2)').count()).toBe(2);

    // Moved by keyboard (Alt+↑ on its line) and back by button; the focus stays with it.
    await item(1).getByRole('button', { name: 'Punkt 2: Salg af grund' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => item(0).getByRole('button', { name: /^Punkt 1:/ }).innerText()).toBe('Punkt 1: Salg af grund');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Punkt 1: Salg af grund');
    await builder().getByRole('button', { name: 'Ned: Salg af grund' }).click();
    await poll(() => item(1).getByRole('button', { name: /^Punkt 2:/ }).innerText()).toBe('Punkt 2: Salg af grund');

    // § 4, stk. 5: the demand is counted against a third of the members, then dropped again.
    await builder().getByLabel('Medlemmerne har krævet mødet').check();
    const members = server.demo.setup.persons.filter((p) => p.kind === 'member');
    await builder().getByLabel(members[0]!.name, { exact: false }).first().check();
    await poll(() => page.getByTestId('demand-count').innerText()).toBe('1 af 55 medlemmer kræver mødet — der skal mindst en tredjedel (19) til.');
    await poll(() => reasonOf('Opret mødet')).toBe('§ 4, stk. 5: Et ekstraordinært møde på medlemmernes krav kræver mindst en tredjedel af medlemmerne.');
    await expectAccessible(page, 'agenda builder with a demand');
    await builder().getByLabel('Medlemmerne har krævet mødet').uncheck();
    await expectAccessible(page, 'agenda builder');
    await page.screenshot({ path: 'docs/screenshots/secretariat-agenda-builder.png', fullPage: true });

    await builder().getByRole('button', { name: 'Opret mødet' }).click();
    await page.getByRole('heading', { name: 'Rådets møder' }).waitFor();
    const m2 = await meeting('m2');
    expect(m2).toMatchObject({ title: TITLE, date: inDays(14), time: '17:00', status: 'planned', live: false, noticeSentAt: null, extraordinary: null });
    expect(m2!.agenda.map((i) => [i.title, i.doors, i.closedReason ?? null])).toEqual([
      ['Lokalplan for Nordhavn', 'open', null],
      ['Salg af grund', 'closed', 'Salg af fast ejendom (§ 2, stk. 2).'],
    ]);
    expect(m2!.agenda[0]).toMatchObject({ proposal: 'At lokalplanen vedtages.', speakingTime: { firstSeconds: 300, laterSeconds: 300 }, caseLinks: [{ title: 'Lokalplanforslag', url: 'https://www.kk.dk/lokalplan.pdf' }] });
    const row = page.getByTestId('meeting-m2');
    await poll(() => row.innerText()).toContain('Dagsordenen er ikke sendt ud — under fire hverdage før mødet (§ 9)');
    // § 9, stk. 2: not live without the notice or the urgent reasons; the button says so.
    expect(await reasonOf(`Tag i brug i salen: ${TITLE}`)).toContain('§ 9, stk. 2:');
  });

  it('edits the planned agenda: the builder opens with its items, and the change is stored', async () => {
    await page.getByRole('button', { name: `Redigér dagsorden: ${TITLE}` }).click();
    await builder().getByRole('heading', { name: `Dagsorden: ${TITLE}` }).waitFor();
    expect(await builder().getByTestId('agenda-item').count()).toBe(2);
    await builder().getByLabel('Tidspunkt').fill('18:00');
    await builder().getByRole('button', { name: 'Gem dagsordenen' }).click();
    await poll(async () => (await meeting('m2'))?.time).toBe('18:00');
    expect((await meeting('m2'))!.agenda.map((i) => i.title)).toEqual(['Lokalplan for Nordhavn', 'Salg af grund']);
    await poll(() => page.getByTestId('meeting-m2').innerText()).toContain('18:00');
  });

  it('marks the agenda sent to the members (§ 9): the flag goes', async () => {
    await page.getByRole('button', { name: `Markér dagsorden sendt: ${TITLE}` }).click();
    await poll(async () => (await meeting('m2'))?.noticeSentAt).toEqual(expect.any(Number));
    const row = page.getByTestId('meeting-m2');
    await poll(() => row.innerText()).toContain('Dagsordenen sendt ud');
    expect(await row.innerText()).not.toContain('under fire hverdage');
    await expectAccessible(page, 'notice sent');
  });

  it('makes meeting 2 live once meeting 1 is closed (§ 7), after a confirmation', async () => {
    const persons = server.demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId).slice(0, 28);
    await stage.checkInSeats(persons);
    const chair = await stage.chairSocket();
    await chair.act({ type: 'meeting.open' });
    await poll(() => page.getByTestId('meeting-m1').innerText()).toContain('I gang');
    await poll(() => reasonOf(`Tag i brug i salen: ${TITLE}`)).toBe('§ 7: Det igangværende møde er ikke hævet; hæv det, før et andet møde tages i brug.');
    // The budget's first reading (§ 21): it then awaits its second in a later meeting.
    await chair.act({ type: 'item.start', itemId: 'i4' });
    await chair.act({ type: 'declaration.make', point: 'Budgettet går til 2. behandling.', subject: { kind: 'reading' }, expected: 'adopted' });
    await chair.act({ type: 'declaration.confirm' });
    await chair.act({ type: 'meeting.close' });
    await poll(() => page.getByTestId('meeting-m1').innerText()).toContain('Hævet');

    await page.getByRole('button', { name: `Tag i brug i salen: ${TITLE}` }).click();
    await dialog().getByRole('heading', { name: `Tag ${TITLE} i brug i salen?` }).waitFor();
    // Cancel changes nothing.
    await dialog().getByRole('button', { name: 'Annullér' }).click();
    expect(server.service.meetingId).toBe('m1');
    await page.getByRole('button', { name: `Tag i brug i salen: ${TITLE}` }).click();
    await dialog().getByRole('button', { name: 'Tag i brug i salen' }).click();
    await poll(() => server.service.meetingId).toBe('m2');
    await poll(() => page.getByTestId('meeting-m2').innerText()).toContain('I salen nu');
    expect(await page.getByTestId('meeting-m1').innerText()).not.toContain('I salen nu');
    await expectAccessible(page, 'meeting 2 live');
  });

  it("carries meeting 1's budget to its second reading in a later meeting, not before the gap (§ 21, stk. 2)", async () => {
    await page.getByRole('button', { name: '+ Planlæg et møde' }).click();
    await builder().getByLabel('Titel', { exact: true }).fill('Budget 2027, 2. behandling');
    await builder().getByLabel('Dato').fill(inDays(14));
    await builder().getByRole('button', { name: 'Fjern: (uden titel)' }).click();
    await builder().getByLabel(/^Budget 2027/).check();
    const early = builder().getByText('§ 21, stk. 2: mødet ligger før fristen efter 1. behandling (24 timer; 3 uger for budgettet).');
    await early.waitFor();
    await builder().getByLabel('Dato').fill(inDays(30));
    await poll(() => early.count()).toBe(0);
    await expectAccessible(page, 'carrying a second reading');
    await builder().getByRole('button', { name: 'Opret mødet' }).click();
    await page.getByRole('heading', { name: 'Rådets møder' }).waitFor();
    const m3 = await meeting('m3');
    expect(m3!.agenda).toEqual([expect.objectContaining({ id: 'i4', kind: 'budget', readings: 2, carriedFrom: { meetingId: 'm1', itemId: 'i4' } })]);
    expect((await meeting('m1'))!.awaitingSecondReading).toEqual([]);
    await poll(() => page.getByTestId('meeting-m3').innerText()).toContain('Budget 2027, 2. behandling');
  });

  it("signs meeting 1's record in the browser: a wrong password is refused and signs nothing (§ 29)", async () => {
    const chairId = server.demo.setup.chairLine[0]!;
    const chairSigned = await fetch(`${server.url}/record/sign?meeting=m1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'chair', personId: chairId, password: server.demo.chairPasswords[chairId] }),
    });
    expect(chairSigned.status).toBe(200);
    const signButton = `Underskriv protokollen: ${firstTitle}`;
    await page.getByRole('button', { name: signButton }).click();
    await dialog().getByLabel('Underskriverens navn').fill('Mette Nørgaard');
    await dialog().getByLabel('Sekretariatets adgangskode').fill('forkert');
    await dialog().getByRole('button', { name: 'Underskriv protokollen' }).click();
    await poll(() => dialog().locator('.reason').innerText()).toBe('§ 29: Forkert adgangskode eller kode.');
    expect((await meeting('m1'))?.status).toBe('closed');
    await expectAccessible(page, 'sign dialog with a refusal');
    await dialog().getByLabel('Sekretariatets adgangskode').fill(server.demo.secretariatPassword);
    await dialog().getByRole('button', { name: 'Underskriv protokollen' }).click();
    await poll(async () => (await meeting('m1'))?.status).toBe('signed');
    await poll(() => page.getByTestId('meeting-m1').innerText()).toContain('Underskrevet');
    const record = (await (await fetch(`${server.url}/api/meetings`)).json()) as { meetings: { id: string; status: string }[] };
    expect(record.meetings.find((m) => m.id === 'm1')?.status).toBe('signed');
    await expectAccessible(page, 'meeting 1 signed');
  });

  it('publishes the signed meeting after a confirmation (§ 29, stk. 4)', async () => {
    await page.getByRole('button', { name: `Offentliggør: ${firstTitle}` }).click();
    await dialog().getByRole('heading', { name: `Offentliggør ${firstTitle}?` }).waitFor();
    await dialog().getByRole('button', { name: 'Offentliggør' }).click();
    await poll(async () => (await meeting('m1'))?.status).toBe('published');
    expect((await meeting('m1'))?.publishedAt).toEqual(expect.any(Number));
    await poll(() => page.getByTestId('meeting-m1').innerText()).toContain('Offentliggjort');
    await page.screenshot({ path: 'docs/screenshots/secretariat-meetings.png', fullPage: true });
    await expectAccessible(page, 'meeting 1 published');
    // English a click away.
    await page.getByRole('button', { name: /^English/ }).click();
    await page.getByRole('heading', { name: 'The council’s meetings' }).waitFor();
    expect(await page.getByTestId('meeting-m1').innerText()).toContain('Published');
    expect(await page.getByTestId('meeting-m2').innerText()).toContain('Live in the chamber');
    await expectAccessible(page, 'meetings list in English');
  });
});
