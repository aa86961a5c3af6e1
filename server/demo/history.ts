import { makeConfig, type ChamberConfig } from '../../shared/config';
import { meetingStart } from '../../shared/term/lifecycle';
import type { Actor, ItemSetup, MeetingSetup } from '../../shared/types';
import { MeetingService } from '../meeting/service';
import { Term } from '../meeting/term';
import { RecordStore } from '../record/store';
import { playSampleMeeting } from '../record/sample';
import { getMeta, loadSetup, type Credentials, type DB } from '../store/db';
import { demoAgenda } from './chamber';

// The demo shows a council's whole cycle (issue #14): an earlier meeting, about four weeks
// ago, held through the real engine with its own clock set back then (check-ins, the
// opening, items, votes, the budget's first reading, the close), signed by the chair and
// the secretariat and published to the archive (§ 29); today's meeting, live and ready to
// open, carries the budget's second reading (§ 21: the three weeks have passed).

export const HISTORY_DAYS_AGO = 28;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A day `daysAgo` before `now` in the chamber's time zone, `YYYY-MM-DD`. */
export function localDay(now: number, timeZone: string, daysAgo = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
  // Counted on the calendar, so a change to or from summer time in between moves no day.
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return d.toISOString().slice(0, 10);
}

/** The earlier meeting's day and start, for the demo's first meeting (server/store/db.ts saveSetup). */
export function historyWhen(now: number, config: Partial<ChamberConfig>): { date: string; time: string; now: number } {
  const tz = makeConfig(config).timeZone;
  const date = localDay(now, tz, HISTORY_DAYS_AGO);
  // Planned a fortnight before it was held.
  return { date, time: '17:00', now: meetingStart(date, '17:00', tz) - 14 * DAY };
}

/**
 * The earlier meeting's agenda: the demo's, its budget worded for both readings (it moves on
 * to today's meeting as it stands here: the first reading votes only on passing it on, § 21,
 * stk. 3, and the second on the proposal).
 */
export function historyAgenda(): ItemSetup[] {
  return demoAgenda().map((i) =>
    i.id === 'i4'
      ? { ...i, text: 'Forslag til budget for 2027 i to behandlinger: ved 1. behandling stemmes kun om oversendelse til 2. behandling.', proposal: 'At budgetforslaget for 2027 vedtages.' }
      : i,
  );
}

/**
 * The demo's sample meeting (server/record/sample.ts) names members of several parties: it
 * fits a chamber where those parties have enough seats (the full 55, or most `--seats N`).
 */
function sampleFits(setup: MeetingSetup): boolean {
  const members = (g: string) => setup.persons.filter((p) => p.kind === 'member' && p.groupId === g).length;
  const need: Record<string, number> = { Ø: 3, A: 2, C: 2, B: 2, V: 2, F: 1, D: 1 };
  return Object.entries(need).every(([g, n]) => members(g) >= n) && setup.persons.some((p) => p.kind === 'substitute' && p.groupId === 'Ø');
}

/** A smaller chamber's earlier meeting: everyone checks in, the agenda, one vote, the budget's first reading, the close. */
async function playShortMeeting(service: MeetingService, advance: (ms: number) => void) {
  const s = () => service.state;
  const chair: Actor = { role: 'chair', personId: s().chair.line[0]! };
  const act = async (body: Record<string, unknown>, actor: Actor, ms = 60_000) => {
    advance(ms);
    const ack = await service.dispatch(body, actor);
    if (!ack.ok) throw new Error(`demo history: ${String(body.type)} refused: ${ack.code} (${ack.message.en})`);
  };
  const members = Object.values(s().persons).filter((p) => p.kind === 'member' && p.seatId);
  await Promise.all(members.map((p) => act({ type: 'presence.checkIn' }, { role: 'member', personId: p.id, seatId: p.seatId! }, 1000)));
  await act({ type: 'meeting.open' }, chair);
  await act({ type: 'item.start', itemId: 'i1' }, chair);
  await act({ type: 'declaration.make', point: 'At dagsordenen godkendes.', subject: { kind: 'proposal' }, expected: 'adopted' }, chair);
  await act({ type: 'declaration.confirm' }, chair);
  await act({ type: 'item.finish' }, chair);
  await act({ type: 'item.start', itemId: 'i2' }, chair);
  await act({ type: 'vote.open', point: 'At Borgerrepræsentationen godkender anlæg af cykelstien.', subject: { kind: 'proposal' } }, chair);
  await Promise.all(members.map((p, k) => act({ type: 'vote.cast', choice: k % 4 === 3 ? 'against' : 'for' }, { role: 'member', personId: p.id, seatId: p.seatId! }, 1000)));
  await act({ type: 'vote.close' }, chair, 5000);
  await act({ type: 'item.finish' }, chair);
  await act({ type: 'item.start', itemId: 'i4' }, chair);
  await act({ type: 'declaration.make', point: 'At budgetforslaget oversendes til anden behandling.', subject: { kind: 'reading' }, expected: 'adopted' }, chair);
  await act({ type: 'declaration.confirm' }, chair);
  await act({ type: 'meeting.close' }, chair, 120_000);
}

/**
 * Plays the earlier meeting into meeting m1 (the demo's first, set up dated `HISTORY_DAYS_AGO`
 * days back), signs and publishes it, plans today's meeting with the budget's second reading
 * and makes it the live one. The service used here is closed before the server opens its own.
 */
export async function playDemoHistory(db: DB, creds: Credentials, now = Date.now()): Promise<void> {
  const config = makeConfig(getMeta<Partial<ChamberConfig>>(db, 'config') ?? {});
  const tz = config.timeZone;
  const pastDay = localDay(now, tz, HISTORY_DAYS_AGO);
  // The members check in a quarter of an hour before the meeting's start.
  let t = meetingStart(pastDay, '17:00', tz) - 15 * 60_000;
  const clock = () => t;
  const advance = (ms: number) => (t += ms);
  // A fresh demo file: a seeding cut off leaves a demo to delete and start again whatever
  // the disk holds, so its hundred-odd commits need not each wait for it (the live meeting's do: openDb).
  db.pragma('synchronous = OFF');
  const service = new MeetingService(db, clock);
  try {
    if (sampleFits(loadSetup(db)!.setup)) await playSampleMeeting(service, { advance });
    else await playShortMeeting(service, advance);

    // § 29, stk. 1: the chair signs the next morning, the secretariat after; published then (stk. 4).
    const records = new RecordStore(service, clock, service.meetingId);
    const chairId = service.state.chair.line[0]!;
    t += 16 * HOUR;
    const bySecretariat = { role: 'secretariat', password: creds.secretariatPassword, name: 'Borgerrepræsentationens Sekretariat' };
    for (const body of [{ role: 'chair', personId: chairId, password: creds.chairPasswords[chairId] }, bySecretariat]) {
      const r = await records.sign(body);
      if (!r.ok) throw new Error(`demo history: signing refused: ${r.code}`);
      t += 2 * HOUR;
    }
    const term = new Term(service, clock);
    t += DAY;
    const published = term.publish({ meetingId: service.meetingId });
    if (!published.ok) throw new Error(`demo history: publishing refused: ${published.code}`);

    // Today's meeting, planned a week after the earlier one with its agenda sent at once
    // (§ 9: four weekdays' notice), the budget's second reading moved to it (§ 21).
    t += 6 * DAY;
    const agenda = demoAgenda().filter((i) => i.id !== 'i4');
    // Named by its day, so the archive and the lists tell it from the earlier one.
    const day = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: tz }).format(now);
    const planned = term.plan({ title: `Borgerrepræsentationens møde ${day}`, date: localDay(now, tz), time: '17:00', agenda, carry: [{ meetingId: service.meetingId, itemId: 'i4' }] });
    if (!planned.ok) throw new Error(`demo history: planning refused: ${planned.code}`);
    const id = planned.meeting.id;
    const noticed = term.noticeSent({ meetingId: id });
    if (!noticed.ok) throw new Error(`demo history: notice refused: ${noticed.code}`);
    t = now;
    const live = term.activate({ meetingId: id });
    if (!live.ok) throw new Error(`demo history: activation refused: ${live.code}`);
  } finally {
    service.close();
    db.pragma('synchronous = FULL');
  }
}
