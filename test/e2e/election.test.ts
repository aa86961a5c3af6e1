import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, SCREENSHOTS, signInChair, Stage } from './stage';

// Elections (§§ 27–28) played on the real screens: the chair's console sets up and runs a
// § 27 election through three rounds and a lot, two seat terminals cast in the browser, the
// rest of the members cast through plain seat sockets, and the gallery shows every round,
// the lot (checked here against SHA-256) and the elected; then a § 28 election with lists,
// and last a written (secret) ballot that the seats confirm without ever showing the choice.

type Running = RunningServer;

const stage = new Stage();
const { openSocket, newPage } = stage;
let server: Running;
const started = Date.now();

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  server = await stage.start('salen-e2e-election', { graceMs: 600_000 });
});

afterAll(() => stage.close());

describe('elections on the screens (§§ 27–28)', () => {
  it('§ 27: three rounds, a lot checked against its commitment, the elected; § 28: picks with quotients; § 27, stk. 2: a secret ballot', async () => {
    const { demo } = server;
    const persons = demo.setup.persons;
    const members = persons.filter((p) => p.kind === 'member' && p.seatId);
    const chairId = demo.setup.chairLine[0]!;
    const byGroup = (g: string, n = 0) => members.filter((p) => p.groupId === g && p.id !== chairId)[n]!;
    const [pA, pB] = [byGroup('Ø', 1), byGroup('F', 0)];
    const browserSeats = [pA, pB];
    const seatUrl = (p: Person) => `/seat?key=${encodeURIComponent(demo.seatKeys[p.seatId!]!)}`;

    const [gallery, chair, ...seats] = await Promise.all([
      newPage({ width: 1920, height: 1080 }, '/gallery'),
      newPage({ width: 1600, height: 1000 }, '/chair'),
      newPage({ width: 1180, height: 820 }, seatUrl(pA)),
      newPage({ width: 820, height: 1180 }, seatUrl(pB)),
    ]);
    const [seatA, seatB] = [seats[0]!, seats[1]!];

    await signInChair(chair, chairId, demo.chairPasswords[chairId]!);

    // --- 30 present: two seats in the browser, 28 through seat sockets (the chair's among them) ---
    for (const [i, page] of seats.entries()) {
      const p = browserSeats[i]!;
      await checkInAt(page, demo.codes[p.id]!);
    }
    const others = members.filter((p) => !browserSeats.includes(p)).slice(0, 28);
    expect(others.map((p) => p.id)).toContain(chairId);
    const sock = new Map<string, Socket>();
    await Promise.all(
      others.map(async (p) => {
        const s = await openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
        const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
        expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
        sock.set(p.id, s);
      }),
    );
    await expect.poll(() => chair.getByTestId('quorum').first().innerText()).toContain('30/28');

    // --- the chair opens the meeting and starts item i6 (no. 5: closed items go last, § 2) ---
    await chair.getByRole('button', { name: 'Åbn mødet' }).click();
    await chair.getByRole('button', { name: 'Start Punkt 5' }).click();
    await gallery.getByRole('heading', { name: /Medlemsforslag om grønne tage/ }).waitFor();

    // --- § 27: the chair sets up a majority election with three candidates ---
    const panel = chair.getByRole('region', { name: 'Valg', exact: true });
    await panel.getByLabel('Flertalsvalg (§ 27)').check();
    await panel.getByLabel('Valget gælder').fill('Formand for Kultur- og Fritidsudvalget');
    await panel.getByLabel('Kandidater (én pr. linje)').fill('Xenia Holm\nYusuf Lund\nZara Dahl');
    await panel.getByRole('button', { name: 'Opret valg' }).click();
    await expect.poll(() => panel.getByTestId('election-title').innerText()).toBe('Formand for Kultur- og Fritidsudvalget');
    await gallery.getByText('Formand for Kultur- og Fritidsudvalget').waitFor();
    // Before round 1 any member may demand a written ballot (§ 27, stk. 2); nobody does here.
    for (const page of seats) {
      await page.getByText(/Åben afstemning: din stemme gemmes med dit navn/).waitFor();
      expect(await page.getByRole('button', { name: 'Kræv skriftlig (hemmelig) afstemning' }).isEnabled()).toBe(true);
    }

    const ids = { X: 'c1', Y: 'c2', Z: 'c3' } as const;
    const names: Record<string, string> = { c1: 'Xenia Holm', c2: 'Yusuf Lund', c3: 'Zara Dahl' };
    /** Opens a round; the two browser seats press; the sockets cast the rest; the chair closes. */
    async function playRound(openLabel: string | RegExp, browserVotes: [string, string], socketVotes: Record<string, number>) {
      await panel.getByRole('button', { name: openLabel }).click();
      for (const [i, page] of seats.entries()) {
        const c = browserVotes[i]!;
        const ballot = page.getByRole('group', { name: 'Stem på én kandidat' });
        await ballot.getByRole('button', { name: new RegExp(`^${names[c]}`) }).click();
        await page.getByText(`✓ Din stemme er afgivet: ${names[c]}`).waitFor();
        if (openLabel === 'Åbn runde 1') await expectAccessible(page, `seat ${i}, election ballot cast`);
        // The engine refuses a second ballot (ALREADY_VOTED): every candidate button is now off.
        await expect.poll(() => ballot.getByRole('button', { name: new RegExp(`^${names[c]}`) }).isDisabled()).toBe(true);
      }
      const casts = Object.entries(socketVotes).flatMap(([c, n]) => Array<string>(n).fill(c));
      expect(casts).toHaveLength(28);
      const acks = await Promise.all(casts.map((c, i) => emit(sock.get(others[i]!.id)!, 'action', { type: 'election.cast', candidateId: c })));
      for (const a of acks) expect(a.ok, JSON.stringify(a)).toBe(true);
      // A second ballot in the same round is refused by the engine, with its §.
      expect(await emit(sock.get(others[0]!.id)!, 'action', { type: 'election.cast', candidateId: casts[0] })).toMatchObject({
        ok: false,
        code: 'ALREADY_VOTED',
        paragraph: '§ 27, stk. 1',
      });
      await expect.poll(() => panel.getByTestId('election-voted').innerText()).toContain('30 af 30 har stemt');
      await expect.poll(() => gallery.getByTestId('gallery-election-voted').innerText()).toContain('30 har stemt · 30 til stede');
      await panel.getByRole('button', { name: 'Luk runden' }).click();
    }
    const barCount = (page: Page, round: number, c: string) =>
      page.getByTestId(`round-${round}`).locator(`[data-candidate="${c}"] .el-bar-count`).innerText().then((s) => parseInt(s, 10));

    // --- round 1: 10 / 10 / 10 of 30 present: nobody has a majority of those present ---
    await playRound('Åbn runde 1', [ids.X, ids.Y], { c1: 9, c2: 9, c3: 10 });
    await gallery.getByTestId('round-1').getByText(/Ingen fik stemmer fra et flertal af de tilstedeværende/).waitFor();
    for (const c of Object.values(ids)) expect(await barCount(gallery, 1, c)).toBe(10);

    // --- round 2: 12 / 9 / 9: no absolute majority; a tie for the second place → a lot ---
    await playRound('Åbn runde 2', [ids.X, ids.Y], { c1: 11, c2: 8, c3: 9 });
    const pending = chair.getByTestId('lot-pending');
    await pending.getByText('Der skal trækkes lod (§ 27, stk. 1)').waitFor();
    expect(await pending.innerText()).toContain('Stemmelighed om pladsen i 3. afstemning: Yusuf Lund og Zara Dahl');
    const chairCommitment = await pending.getByTestId('lot-commitment').getAttribute('data-full');
    expect(chairCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(await pending.getByTestId('lot-commitment').innerText()).toBe(chairCommitment); // in full on the console
    const galleryPending = gallery.getByTestId('lot-pending');
    await galleryPending.waitFor();
    expect(await galleryPending.getByTestId('lot-commitment').getAttribute('title')).toBe(chairCommitment);
    expect(await barCount(gallery, 2, ids.X)).toBe(12);
    expect(await barCount(gallery, 2, ids.Z)).toBe(9);

    // The chair draws; the gallery shows the winner, the revealed secret and the digest.
    await chair.getByRole('button', { name: 'Træk lod' }).click();
    const drawn = gallery.getByTestId('lot-drawn');
    await drawn.waitFor();
    const winner = (await drawn.getAttribute('data-winner'))!;
    const secret = (await drawn.getByTestId('lot-secret').getAttribute('title'))!;
    const digest = (await drawn.getByTestId('lot-digest').getAttribute('title'))!;
    await expectAccessible(gallery, 'gallery, lot drawn');
    await expectAccessible(chair, 'chair, lot drawn');
    expect(await drawn.getByTestId('lot-drawn-commitment').getAttribute('title')).toBe(chairCommitment);
    // Anyone can check it: the commitment shown before the draw is SHA-256 of the secret,
    // and the draw is the documented hash over the sorted tied ids (shared/elections/lot.ts).
    expect(sha256(secret)).toBe(chairCommitment);
    const tied = [ids.Y, ids.Z].sort();
    expect(digest).toBe(sha256(`${secret}\n${tied.join('\n')}`));
    expect(winner).toBe(tied[parseInt(digest.slice(0, 13), 16) % tied.length]);
    expect(await drawn.innerText()).toContain(`Lod trukket: ${names[winner]}`);
    expect(await drawn.innerText()).toContain('SHA-256(hemmelighed) = forpligtelsen ✓');
    await gallery.getByTestId('finalists').getByText(`Til 3. afstemning: Xenia Holm og ${names[winner]}`).waitFor();

    // --- round 3, binding, between the two finalists: 20 / 10 ---
    await panel.getByRole('button', { name: /Åbn 3\. runde \(bindende\)/ }).waitFor();
    await panel.getByRole('button', { name: /Åbn 3\. runde \(bindende\)/ }).click();
    const finalBallot = seatA.getByRole('group', { name: 'Stem på én kandidat' });
    await expect.poll(() => finalBallot.getByRole('button').count()).toBe(2);
    await panel.getByRole('button', { name: 'Luk runden' }).waitFor();
    await seatA.getByRole('heading', { name: /Runde 3 · bindende — Bindende afstemning/ }).waitFor();
    for (const [i, page] of seats.entries()) {
      const c = i === 0 ? ids.X : winner;
      await page.getByRole('group', { name: 'Stem på én kandidat' }).getByRole('button', { name: new RegExp(`^${names[c]}`) }).click();
      await page.getByText(`✓ Din stemme er afgivet: ${names[c]}`).waitFor();
    }
    const last = [...Array<string>(19).fill(ids.X), ...Array<string>(9).fill(winner)];
    const finalAcks = await Promise.all(last.map((c, i) => emit(sock.get(others[i]!.id)!, 'action', { type: 'election.cast', candidateId: c })));
    for (const a of finalAcks) expect(a.ok, JSON.stringify(a)).toBe(true);
    await expect.poll(() => panel.getByTestId('election-voted').innerText()).toContain('30 af 30 har stemt');
    await panel.getByRole('button', { name: 'Luk runden' }).click();

    await gallery.getByTestId('elected').getByText('Valgt: Xenia Holm').waitFor();
    expect(await barCount(gallery, 3, ids.X)).toBe(20);
    expect(await barCount(gallery, 3, winner)).toBe(10);
    await seatB.getByTestId('elected').getByText('Valgt: Xenia Holm').waitFor();
    for (const [label, page] of [['seat', seatB], ['chair', chair], ['gallery', gallery]] as const) await expectAccessible(page, `${label}, elected`);
    await expect.poll(() => chair.getByTestId('chair-result').innerText()).toContain('Valgt');
    await gallery.screenshot({ path: path.join(SCREENSHOTS, 'election.png') });
    await panel.getByRole('button', { name: 'Afslut valget' }).click();

    // --- § 28: three seats shared by D'Hondt among the parties' lists, A and F in an alliance ---
    await panel.getByLabel('Forholdstalsvalg (§ 28)').check();
    await panel.getByLabel('Valget gælder').fill('Børne- og Ungdomsudvalget');
    await panel.getByLabel('Antal pladser').fill('3');
    await panel.getByRole('button', { name: 'Opret valg' }).click();
    await panel.getByRole('group', { name: 'Lister (§ 28, stk. 2)' }).waitFor();
    await panel.getByLabel('Med i valgforbund: Socialdemokratiet').check();
    await panel.getByLabel('Med i valgforbund: SF – Socialistisk Folkeparti').check();
    await panel.getByRole('button', { name: 'Slå afkrydsede sammen til valgforbund' }).click();
    await panel.getByRole('rowheader', { name: /Valgforbund A \+ F/ }).waitFor();
    await panel.getByRole('button', { name: 'Gem lister' }).click();
    await expect.poll(() => panel.getByTestId('lists-saved').innerText()).toContain('Listerne er gemt');

    // § 28, stk. 5: the chair declares a unanimous list; a member demands an election.
    await panel.getByRole('button', { name: 'Erklær enstemmig liste valgt (§ 28, stk. 5)' }).click();
    await seatB.getByRole('button', { name: 'Kræv valg' }).click();
    await seatB.getByText('Du har fremsat kravet.').waitFor();
    await expect.poll(() => panel.getByTestId('unanimous').innerText()).toContain(`Krav om valg: 1 — ${pB.name}`);

    await panel.getByRole('button', { name: 'Fordel pladserne (d’Hondt, § 28, stk. 1)' }).click();
    const picks = gallery.getByTestId('picks-table');
    await picks.waitFor();
    // Present: Ø 12, A 10 + F 1 in alliance, C 7 → picks by quotients 12, 11, 7.
    const rows = picks.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-quotient'))))).toEqual([12, 11, 7]);
    const rowTexts = await rows.allInnerTexts();
    expect(rowTexts[0]).toMatch(/^1\s+Enhedslisten\s+12/);
    expect(rowTexts[1]).toMatch(/^2\s+Valgforbund A \+ F\s+11/);
    expect(rowTexts[2]).toMatch(/^3\s+Det Konservative Folkeparti\s+7/);
    // Seats per list: the lists that won a seat, with their size (members present).
    const perList = await gallery.getByRole('table', { name: 'Pladser pr. liste' }).locator('tbody tr').allInnerTexts();
    expect(perList.map((r) => r.split('\t').map((x) => x.trim()))).toEqual([
      ['Enhedslisten', '12', '1'],
      ['Valgforbund A + F', '11', '1'],
      ['Det Konservative Folkeparti', '7', '1'],
    ]);
    // The alliance's name    ]);
    await expectAccessible(gallery, 'gallery, picks by quotients');
    await expectAccessible(chair, 'chair, picks by quotients');
    // The alliance's name was made on the chair's console in Danish; on the wall it follows
    // the wall's language (issue #12: list names did not follow a language switch).
    await gallery.getByRole('button', { name: 'Skift sprog til engelsk' }).click();
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/^2\s+Alliance A \+ F\s+11/);
    await gallery.getByRole('table', { name: 'Seats per list' }).getByRole('rowheader', { name: 'Alliance A + F' }).waitFor();
    await gallery.getByRole('button', { name: 'Switch language to Danish' }).click();
    await expect.poll(() => rows.nth(1).innerText()).toMatch(/^2\s+Valgforbund A \+ F\s+11/);

    // The list that holds pick 1 names its person (§ 28, stk. 7).
    const ø = members.find((p) => p.groupId === 'Ø')!;
    await panel.getByLabel('Udpeget Nr. 1').selectOption(ø.id);
    await panel.getByRole('row', { name: /^1 Enhedslisten/ }).getByRole('button', { name: 'Udpeg' }).click();
    await expect.poll(() => rows.first().innerText()).toContain(ø.name);
    await panel.getByRole('button', { name: 'Afslut valget' }).click();

    // --- § 27, stk. 2: a member demands a written ballot; the seat confirms without the choice ---
    await panel.getByLabel('Flertalsvalg (§ 27)').check();
    await panel.getByLabel('Valget gælder').fill('Revisor for fonden');
    await panel.getByLabel('Kandidater (én pr. linje)').fill('Xenia Holm\nYusuf Lund');
    await panel.getByLabel('Udpegning til en post (§ 27, stk. 3)').check();
    await panel.getByRole('button', { name: 'Opret valg' }).click();
    await seatA.getByRole('button', { name: 'Kræv skriftlig (hemmelig) afstemning' }).click();
    await expect.poll(() => panel.getByTestId('election-secrecy').innerText()).toContain(`Skriftlig afstemning krævet af: ${pA.name}`);
    for (const page of seats)
      await page.getByText('Hemmelig afstemning (§ 27, stk. 2): systemet gemmer kun, at du har stemt, og stemmetallene.').waitFor();
    await panel.getByRole('button', { name: 'Åbn runde 1' }).click();
    const secretBallot = seatB.getByRole('group', { name: 'Stem på én kandidat' });
    await secretBallot.getByRole('button', { name: /^Yusuf Lund/ }).click();
    await expect.poll(() => seatB.getByTestId('my-ballot').innerText()).toBe('✓ Din stemme er afgivet');
    await seatB.getByText('Stemmen er hemmelig og vises ikke igen — heller ikke her.').waitFor();
    await expectAccessible(seatB, 'seat, secret ballot cast');
    expect(await secretBallot.getByRole('button', { name: /^Yusuf Lund/ }).getAttribute('aria-pressed')).toBeNull();
    expect(await seatB.getByTestId('feedback').innerText()).not.toContain('Yusuf');
    await seatA.getByRole('group', { name: 'Stem på én kandidat' }).getByRole('button', { name: /^Xenia Holm/ }).click();
    await expect.poll(() => seatA.getByTestId('my-ballot').innerText()).toBe('✓ Din stemme er afgivet');
    const secretAcks = await Promise.all(others.map((p, i) => emit(sock.get(p.id)!, 'action', { type: 'election.cast', candidateId: i < 20 ? 'c1' : 'c2' })));
    for (const a of secretAcks) expect(a.ok, JSON.stringify(a)).toBe(true);
    await expect.poll(() => panel.getByTestId('election-voted').innerText()).toContain('30 af 30 har stemt');
    // The server fills in the counts it kept apart; the console never had them before the close.
    await panel.getByRole('button', { name: 'Luk runden' }).click();
    await gallery.getByTestId('elected').getByText('Valgt: Xenia Holm').waitFor();
    expect(await barCount(gallery, 1, 'c1')).toBe(21);
    expect(await barCount(gallery, 1, 'c2')).toBe(9);
    await gallery.getByText('Skriftlig (hemmelig) afstemning (§ 27, stk. 2)').waitFor();
    await panel.getByRole('button', { name: 'Afslut valget' }).click();

    const st = statSync(path.join(SCREENSHOTS, 'election.png'));
    expect(st.size).toBeGreaterThan(10_000);
    expect(st.mtimeMs).toBeGreaterThanOrEqual(started - 1000);
  }, 180_000);
});
