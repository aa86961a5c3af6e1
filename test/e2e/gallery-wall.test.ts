import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { emit, Stage } from './stage';
import { pageHeight, smallTexts } from './wall';

// Issue #15, item 5: the gallery on a 1920×1080 wall. The last decision names its item (how
// long an earlier item's stays, DECISION_SHOWN_MS, is tested in test/unit/gallery-decision.test.ts);
// an election with its lot fits the wall without scrolling; no text under 24 px. The chair
// and 30 members act through real sockets; the wall runs in chromium.

const stage = new Stage();
let server: RunningServer;
let gallery: Page;
let chair: Socket;
const seats: Socket[] = [];
const MIN_PX = 24;
const WALL = { width: 1920, height: 1080 };

const act = async (s: Socket, body: Record<string, unknown>) => {
  const r = await emit(s, 'action', body);
  expect(r.ok, `${String(body.type)}: ${JSON.stringify(r)}`).toBe(true);
  return r;
};
/** An item's number: the open items in the set-up's order, the closed ones last (§ 2). */
const numberOf = (itemId: string) => {
  const agenda = server.demo.setup.agenda;
  return [...agenda.filter((i) => i.doors === 'open'), ...agenda.filter((i) => i.doors === 'closed')].findIndex((i) => i.id === itemId) + 1;
};
const resultItem = () => gallery.getByTestId('gallery-result-item');

/** A vote on the item under way: `n` for, the rest of those present against. */
async function vote(point: string, n: number, subject: Record<string, unknown> = { kind: 'proposal' }) {
  await act(chair, { type: 'vote.open', point, subject });
  await Promise.all(seats.map((s, i) => act(s, { type: 'vote.cast', choice: i < n ? 'for' : 'against' })));
  await act(chair, { type: 'vote.close' });
}

/** Nothing on the wall below 24 px, and nothing below its bottom edge. */
async function expectWallFits(what: string) {
  expect(await smallTexts(gallery, MIN_PX), `${what}: text under ${MIN_PX} px`).toEqual([]);
  expect(await pageHeight(gallery), `${what}: the page is taller than the wall`).toBeLessThanOrEqual(WALL.height);
}

beforeAll(async () => {
  server = await stage.start('salen-e2e-gallery-wall', { graceMs: 600_000 });
  const { demo } = server;
  gallery = await stage.newPage(WALL, '/gallery');
  const chairId = demo.setup.chairLine[0]!;
  chair = await stage.openSocket({ role: 'chair', personId: chairId, password: demo.chairPasswords[chairId] });
  const members = demo.setup.persons.filter((p) => p.kind === 'member' && p.seatId).slice(0, 30);
  for (const p of members) {
    const s = await stage.openSocket({ role: 'seat', seatKey: demo.seatKeys[p.seatId!] });
    const r = await emit(s, 'checkIn', { code: demo.codes[p.id] });
    expect(r.ok, `${p.id} check-in: ${JSON.stringify(r)}`).toBe(true);
    seats.push(s);
  }
  await act(chair, { type: 'meeting.open' });
}, 60_000);

afterAll(() => stage.close());

describe('the gallery on a 1920×1080 wall (issue #15, item 5)', () => {
  it('names the item of the last decision, and an earlier item’s decision under its own item', async () => {
    // Item 2: a decision; it stays while item 2 is under way, and names its item.
    await act(chair, { type: 'item.start', itemId: 'i2' });
    const n2 = numberOf('i2');
    await vote('At Borgerrepræsentationen godkender anlæg af cykelstien.', 20);
    await expect.poll(() => resultItem().innerText()).toBe(`Punkt ${n2} Cykelsti på Nørrebrogade`);
    await expectWallFits('a decision on the current item');

    // The next item: item 2's decision is still recent, and says that it is item 2's.
    await act(chair, { type: 'item.finish' });
    await act(chair, { type: 'item.start', itemId: 'i4' });
    await gallery.getByRole('heading', { name: /Budget 2027/ }).waitFor();
    await expect.poll(() => resultItem().innerText()).toBe(`Punkt ${n2} Cykelsti på Nørrebrogade`);

    // A decision on item 4 now; on to item 5: item 4's decision stays, under its own item.
    const n4 = numberOf('i4');
    await vote('At budgetforslaget oversendes til anden behandling.', 25, { kind: 'reading' });
    await expect.poll(() => resultItem().innerText()).toBe(`Punkt ${n4} Budget 2027`);
    // The first reading's decision ends item 4 (§ 21): no item is under way until 5 starts.
    await act(chair, { type: 'item.start', itemId: 'i5' });
    await gallery.getByRole('heading', { name: /Lokalplan for Nordhavn/ }).waitFor();
    await expect.poll(() => resultItem().innerText()).toBe(`Punkt ${n4} Budget 2027`);
    expect(await gallery.locator('main').innerText()).toMatch(/For 25\b/);
    await expectWallFits('an earlier item’s decision');

    // In English too, the item named by its number and title.
    await gallery.getByRole('button', { name: 'Skift sprog til engelsk' }).click();
    await expect.poll(() => resultItem().innerText()).toBe(`Item ${n4} Budget 2027`);
    await gallery.getByRole('button', { name: 'Switch language to Danish' }).click();
    await expect.poll(() => resultItem().innerText()).toBe(`Punkt ${n4} Budget 2027`);
  }, 60_000);

  it('an election that needed a lot fits the wall, without scrolling and with no text under 24 px', async () => {
    await act(chair, { type: 'item.finish' });
    await act(chair, { type: 'item.start', itemId: 'i6' });
    await gallery.getByRole('heading', { name: /Medlemsforslag om grønne tage/ }).waitFor();
    const candidates = [
      { id: 'c1', name: 'Xenia Holm' },
      { id: 'c2', name: 'Yusuf Lund' },
      { id: 'c3', name: 'Zara Dahl' },
    ];
    await act(chair, { type: 'election.create', kind: 'majority', title: 'Formand for Kultur- og Fritidsudvalget', candidates });
    const round = async (votes: Record<string, number>) => {
      await act(chair, { type: 'election.openRound' });
      const casts = Object.entries(votes).flatMap(([c, n]) => Array<string>(n).fill(c));
      expect(casts).toHaveLength(seats.length);
      await Promise.all(casts.map((c, i) => act(seats[i]!, { type: 'election.cast', candidateId: c })));
      await act(chair, { type: 'election.closeRound' });
    };
    await round({ c1: 10, c2: 10, c3: 10 });
    await gallery.getByTestId('round-1').getByText(/Ingen fik stemmer/).waitFor();
    await expectWallFits('round 1');

    // Round 2: 12 / 9 / 9, a tie for the place in round 3: a lot.
    await round({ c1: 12, c2: 9, c3: 9 });
    await gallery.getByTestId('lot-pending').waitFor();
    await expectWallFits('the lot to be drawn');

    await act(chair, { type: 'election.drawLot' });
    const drawn = gallery.getByTestId('lot-drawn');
    await drawn.waitFor();
    const winner = (await drawn.getAttribute('data-winner'))!;
    await expectWallFits('the lot drawn');

    await round({ c1: 20, [winner]: 10 });
    await gallery.getByTestId('elected').getByText('Valgt: Xenia Holm').waitFor();
    // Everything of the account is on the wall at once: three rounds, the lot, the elected.
    for (const n of [1, 2, 3]) await gallery.getByTestId(`round-${n}`).waitFor();
    expect(await gallery.getByTestId('lot-drawn').isVisible()).toBe(true);
    await expectWallFits('the elected, after three rounds and a lot');
    for (const id of ['gallery-election', 'elected', 'lot-drawn', 'round-3']) {
      const box = (await gallery.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, `${id} ends on the wall`).toBeLessThanOrEqual(WALL.height);
    }
  }, 90_000);
});
