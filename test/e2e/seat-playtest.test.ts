import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { MeetingState } from '../../shared/types';
import { expectAccessible } from './axe';
import { checkInAt, emit, Stage } from './stage';

// Play-test fixes on the seat (issue #12, item 5), driven in a real browser seat while the
// chair and the other members act on plain sockets:
// - the roll-call line says "Navneopråb" once, and a refusal ("not your turn") goes once
//   the member's ballot is accepted;
// - "Få min stemme ført til protokol ved navn" (§ 29, stk. 2) becomes a statement once done.

const stage = new Stage();
let server: RunningServer;

beforeAll(async () => {
  server = await stage.start('salen-seat-playtest', {});
});

afterAll(() => stage.close());

describe('seat play-test fixes', () => {
  it('roll-call line said once, refusal gone after the ballot, name vote shown as done', async () => {
    const { demo } = server;
    const persons = demo.setup.persons;
    const chairId = demo.setup.chairLine[0]!;
    const members = persons.filter((p) => p.kind === 'member' && p.seatId);
    // Not the first in the set-up order, so the roll call calls someone else before this seat.
    const me = members.filter((p) => p.id !== chairId)[10]!;
    const others = [persons.find((p) => p.id === chairId)!, ...members.filter((p) => p.id !== chairId && p.id !== me.id)].slice(0, 27);

    const seat = await stage.newPage({ width: 1180, height: 820 }, `/seat#key=${encodeURIComponent(demo.seatKeys[me.seatId!]!)}`);
    await checkInAt(seat, demo.codes[me.id]!);
    const sockets = await stage.checkInSeats(others);
    const { act: chairAct } = await stage.chairSocket(chairId);
    const secretariat = await stage.openSocket({ role: 'secretariat', password: demo.secretariatPassword });
    const full = async () => ((await emit(secretariat, 'sync')) as unknown as { view: MeetingState }).view;

    await chairAct({ type: 'meeting.open' });
    const state0 = await full();
    const itemId = state0.agenda.find((id) => state0.items[id]!.proposal) ?? state0.agenda[0]!;
    await chairAct({ type: 'item.start', itemId });

    // --- (b) a roll call where the browser seat is not first ---
    await chairAct({ type: 'vote.open', point: 'Forslaget vedtages.', subject: { kind: 'proposal' }, mode: 'rollCall' });
    const order = (await full()).votes[(await full()).activeVote!]!.rollCall!.order;
    const myIdx = order.indexOf(me.id);
    expect(myIdx).toBeGreaterThan(0);
    const card = seat.locator('.vote-card');
    {
      const line = seat.getByText(/stemmer nu\. Du er nr\./);
      await line.waitFor();
      await expectAccessible(seat, 'seat, roll call: another member votes');
      const text = await line.innerText();
      expect(text.match(/Navneopråb/g)?.length ?? 0, text).toBe(1);
      expect(text).toContain(`Du er nr. ${myIdx + 1} af ${order.length}`);
      // Before the turn, the seat says why it may not vote yet.
      await expect.poll(() => card.locator('.reason').count()).toBe(1);
      for (const pid of order.slice(0, myIdx)) {
        const r = await emit(sockets.get(pid)!, 'action', { type: 'vote.cast', choice: 'for' });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
    }
    await seat.getByText('Det er din tur til at stemme').waitFor();
    await seat.getByRole('button', { name: /^For/ }).click();
    await seat.getByText('Din stemme ved navneopråbet er afgivet.').waitFor();
    await seat.getByText('Registreret af systemet: FOR').waitFor();
    // The next member is called: the engine refuses this seat again (NOT_YOUR_TURN), but the
    // member has voted, so no refusal stays under the ✓.
    const after = await full();
    expect(after.votes[after.activeVote!]!.rollCall!.index).toBe(myIdx + 1);
    await seat.waitForTimeout(300);
    expect(await card.locator('.reason').count()).toBe(0);
    expect(await card.innerText()).not.toContain('ikke din tur');
    // The rest vote and the chair closes.
    for (const pid of order.slice(myIdx + 1)) {
      const r = await emit(sockets.get(pid)!, 'action', { type: 'vote.cast', choice: 'against' });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    await chairAct({ type: 'vote.close' });

    // --- (a) an electronic vote, then § 29, stk. 2: record my vote by name ---
    await chairAct({ type: 'vote.open', point: 'Sagen sendes til udvalget.', subject: { kind: 'proposal' }, mode: 'electronic' });
    await seat.getByRole('button', { name: /^Imod/ }).click();
    await seat.getByText('Registreret af systemet: IMOD').waitFor();
    await chairAct({ type: 'vote.close' });
    const nameVote = seat.getByRole('button', { name: /Få min stemme ført til protokol ved navn/ });
    await nameVote.waitFor();
    await expectAccessible(seat, 'seat, closed vote: name my vote');
    await nameVote.click();
    await seat.getByText('Din stemme er ført til protokol ved navn (§ 29, stk. 2).').waitFor();
    await expect.poll(() => nameVote.count()).toBe(0);
    // The engine recorded it (§ 29, stk. 2), and the record entry every console sees says so.
    const live = Object.values(server.service.state.votes).find((v) => v.point === 'Sagen sendes til udvalget.')!;
    expect(live.result!.named).toEqual([{ personId: me.id, choice: 'against' }]);
    const closed = await full();
    expect(closed.record.find((e) => e.voteId === live.id)!.named).toEqual([{ personId: me.id, choice: 'against' }]);
    // After a reload the seat still says it is done, and offers no button.
    await seat.reload();
    await seat.getByText('Din stemme er ført til protokol ved navn (§ 29, stk. 2).').waitFor();
    await expectAccessible(seat, 'seat, my vote named');
    expect(await nameVote.count()).toBe(0);
  }, 120_000);
});
