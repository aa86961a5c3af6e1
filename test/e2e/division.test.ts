import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingState, Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, Stage } from './stage';

// Issue #16, item 1 (§ 24, stk. 5): a member demands division at the seat, the chair words
// two parts on the console, each part is put to the vote and decided on its own, the gallery
// names the part, and the record shows both parts with their results. Every step is checked
// in the server's state or its record, not only on the screen.

const PARTS = ['At cykelstien anlægges langs havnen.', 'At der plantes træer langs stien.'];

const stage = new Stage();
let server: RunningServer;
let chair: Page;
let seat: Page;
let gallery: Page;
let secretariat: Socket;
let me: Person;
let seats: Map<string, Socket>;

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const full = async () => ((await emit(secretariat, 'sync')) as unknown as { view: MeetingState }).view;
const panel = () => chair.getByRole('region', { name: 'Deling af afstemningstemaet (§ 24, stk. 5)' });

/** The other members vote: the first `fors` for, the rest against; each ballot must be accepted. */
async function voteAll(fors: number) {
  let i = 0;
  for (const s of seats.values()) {
    const r = await emit(s, 'action', { type: 'vote.cast', choice: i++ < fors ? 'for' : 'against' });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
}

beforeAll(async () => {
  server = await stage.start('salen-division', {});
  const scene = await stage.scene(2);
  ({ me, chair, seat, seats, secretariat, gallery } = scene);
  const { act } = scene;
  await act({ type: 'item.start', itemId: 'i2' });
});

afterAll(() => stage.close());

describe('division of the point (§ 24, stk. 5)', () => {
  it('a member demands division at the seat, sees it stand, and may withdraw it', async () => {
    const demand = seat.getByRole('button', { name: 'Kræv deling af afstemningstemaet', exact: true });
    await demand.click();
    await poll(async () => (await full()).demands.division).toEqual([me.id]);
    await seat.getByText('✓ Du har fremsat kravet.').waitFor();
    // Withdrawn, and the point is whole again; then demanded anew.
    await seat.getByRole('button', { name: 'Træk mit krav om deling tilbage' }).click();
    await poll(async () => (await full()).demands.division).toEqual([]);
    await demand.click();
    await poll(async () => (await full()).demands.division).toEqual([me.id]);
  });

  it('the chair sees the demand, and words two parts', async () => {
    await poll(() => panel().getByTestId('chair-division-demanded').innerText()).toContain(me.name);
    await panel().getByLabel('Del 1', { exact: true }).fill(PARTS[0]!);
    await panel().getByLabel('Del 2', { exact: true }).fill(PARTS[1]!);
    await panel().getByRole('button', { name: 'Gem delene' }).click();
    await poll(async () => (await full()).division).toEqual({ itemId: 'i2', parts: PARTS, decided: 0 });
    await poll(() => panel().getByTestId('chair-division-parts').innerText()).toContain('næste');
    await expectAccessible(chair, 'the console with the division panel');
    await poll(() => seat.getByTestId('seat-division-parts').innerText()).toContain(`Del 2 af 2: ${PARTS[1]}`);
    await expectAccessible(seat, 'the seat with its demand for division');
  });

  it('each part is voted on its own, in order; the seat and the gallery name the part', async () => {
    await panel().getByRole('button', { name: 'Sæt del 1 under afstemning' }).click();
    await poll(async () => {
      const s = await full();
      return s.activeVote ? s.votes[s.activeVote]!.subject : null;
    }).toEqual({ kind: 'proposal', part: PARTS[0] });
    await poll(() => seat.getByTestId('vote-subject').innerText()).toContain('Del 1 af 2');
    // The demand can no longer be withdrawn, and the seat says why.
    const withdraw = seat.getByRole('button', { name: 'Træk mit krav om deling tilbage' });
    await poll(() => withdraw.isDisabled()).toBe(true);
    expect(await seat.locator('.demand', { has: withdraw }).innerText()).toContain('§ 24, stk. 5: Afstemningen om delene er begyndt');
    await expectAccessible(seat, 'the seat voting on a part');
    await poll(() => gallery.getByTestId('gallery-vote-part').innerText()).toContain('Del 1 af 2');
    await expectAccessible(gallery, 'the gallery naming the part voted on');
    await voteAll(30);
    await chair.getByRole('button', { name: 'Luk afstemning' }).click();
    await poll(async () => (await full()).division?.decided).toBe(1);

    await panel().getByRole('button', { name: 'Sæt del 2 under afstemning' }).click();
    await poll(() => gallery.getByTestId('gallery-vote-part').innerText()).toContain('Del 2 af 2');
    await voteAll(5);
    await chair.getByRole('button', { name: 'Luk afstemning' }).click();
    await poll(async () => (await full()).division?.decided).toBe(2);
    await poll(() => panel().getByTestId('chair-division-parts').innerText()).toMatch(/Vedtaget[\s\S]*Forkastet/);
    await expectAccessible(chair, 'the console with both parts decided');
  });

  it('the record shows each part with its result', async () => {
    const json = (await (await fetch(`${server.url}/record.json`)).json()) as {
      items: { id?: string; decisions?: { subject: { kind: string; part?: string } | null; outcome: string; counts: { for: number } | null }[] }[];
    };
    const item = json.items.find((i) => i.id === 'i2')!;
    const parts = item.decisions!.filter((d) => d.subject?.kind === 'proposal').map((d) => [d.subject!.part, d.outcome]);
    expect(parts).toEqual([
      [PARTS[0], 'adopted'],
      [PARTS[1], 'rejected'],
    ]);
    const html = await (await fetch(`${server.url}/record`)).text();
    expect(html).toContain(`Forslaget, del: ${PARTS[0]}`);
    expect(html).toContain(`Forslaget, del: ${PARTS[1]}`);
  });
});
