import { type Page } from 'playwright-core';
import { type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingState, Person } from '../../shared/types';
import { expectAccessible } from './axe';
import { emit, Stage } from './stage';

// Issue #16, item 2 (§ 26, stk. 2), clicked through in chromium: a member moves direct
// referral at the seat, the chair cannot give the floor while it waits, puts it to a vote,
// the members vote, and the item is referred. Each step is checked in the server's state.

const stage = new Stage();
let chair: Page;
let seat: Page;
let gallery: Page;
let secretariat: Socket;
let others: Map<string, Socket>;
let me: Person;

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const full = async () => ((await emit(secretariat, 'sync')) as unknown as { view: MeetingState }).view;

/** The text a disabled button is described by (its reason), or null. */
async function reasonOf(page: Page, name: string | RegExp): Promise<string | null> {
  const id = await page.getByRole('button', { name }).first().getAttribute('aria-describedby');
  return id ? page.locator(`[id="${id}"]`).innerText() : null;
}

beforeAll(async () => {
  await stage.start('salen-motions', {});
  const scene = await stage.scene(3);
  ({ me, chair, seat, seats: others, secretariat, gallery } = scene);
  const { act } = scene;
  await act({ type: 'item.start', itemId: 'i2' });
  const asker = [...others.values()][0]!;
  expect((await emit(asker, 'action', { type: 'floor.request' })).ok).toBe(true);
});

afterAll(() => stage.close());

describe('§ 26, stk. 2 — a member moves direct referral (issue #16, item 2)', () => {
  it('the seat proposes it behind a confirmation; the chair cannot give the floor; the council votes; the item is referred', async () => {
    // The chair can give the floor before the motion.
    await poll(() => reasonOf(chair, /^Giv ordet/)).toBeNull();

    await seat.getByRole('button', { name: 'Fremsæt et forslag' }).click();
    await seat.getByLabel('Udvalg', { exact: true }).fill('Økonomiudvalget');
    await seat.getByRole('button', { name: 'Foreslå direkte henvisning' }).click();
    // Nothing is sent before the confirmation.
    await seat.getByTestId('seat-motion-confirm').waitFor();
    expect((await full()).pendingMotion).toBeNull();
    await expectAccessible(seat, 'the seat confirming a motion');
    await seat.getByRole('button', { name: 'Bekræft forslaget' }).click();
    await poll(async () => (await full()).pendingMotion).not.toBeNull();
    const s1 = await full();
    const motion = s1.motions[s1.pendingMotion!]!;
    expect(motion).toMatchObject({ kind: 'referral', proposer: me.id, committee: 'Økonomiudvalget', status: 'pending', itemId: 'i2' });
    await seat.getByTestId('feedback').filter({ hasText: '✓' }).waitFor();
    await seat.getByTestId('seat-motion').waitFor();
    await gallery.getByTestId('gallery-motion').filter({ hasText: 'Økonomiudvalget' }).waitFor();

    // § 26, stk. 2: the debate stands still — the console's button says why.
    await chair.getByTestId('chair-motion').waitFor();
    await poll(() => reasonOf(chair, /^Giv ordet/)).toContain('§ 26, stk. 2');
    expect(await chair.getByRole('button', { name: /^Giv ordet/ }).first().isDisabled()).toBe(true);
    await expectAccessible(chair, 'the console with a pending motion');

    await chair.getByRole('button', { name: 'Sæt forslaget til afstemning' }).click();
    await poll(async () => {
      const s = await full();
      return s.activeVote ? s.votes[s.activeVote]!.subject : null;
    }).toEqual({ kind: 'motion', motionId: motion.id });

    await seat.getByRole('button', { name: /^For:/ }).click();
    for (const s of [...others.values()].slice(0, 25)) expect((await emit(s, 'action', { type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    for (const s of [...others.values()].slice(25, 30)) expect((await emit(s, 'action', { type: 'vote.cast', choice: 'against' })).ok).toBe(true);
    await poll(async () => {
      const s = await full();
      return Object.keys(s.votes[s.activeVote!]?.ballots ?? {}).length + (s.votes[s.activeVote!]?.ballotCount ?? 0);
    }).toBe(31);
    await chair.getByRole('button', { name: 'Luk afstemning' }).click();

    await poll(async () => (await full()).items.i2!.status).toBe('referred');
    const s2 = await full();
    expect(s2.items.i2!.referredTo).toBe('Økonomiudvalget');
    expect(s2.pendingMotion).toBeNull();
    expect(s2.record.at(-1)).toMatchObject({ kind: 'referral', outcome: 'referred', subject: { kind: 'motion', motionId: motion.id }, counts: { for: 26, against: 5 } });
    await poll(() => gallery.getByTestId('gallery-motion').count()).toBe(0);
    await poll(() => chair.getByTestId('chair-motion').count()).toBe(0);
  });
});
