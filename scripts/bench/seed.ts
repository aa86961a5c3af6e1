import { MeetingService } from '../../server/meeting/service';
import { openDb, saveSetup } from '../../server/store/db';
import { SeatAccess } from '../../server/store/seat-access';
import type { Actor } from '../../shared/types';
import type { ActionAck, AckRefusal } from '../../shared/protocol';
import { benchChamber, type BenchChamber } from './chamber';

/**
 * A database for the benchmark: the chamber's set-up, every member checked in at their own
 * seat, the meeting open and item 2 started — written through the real MeetingService.
 */
export async function seedMeeting(dbPath: string, seats: number): Promise<BenchChamber & { sessions: Record<string, string> }> {
  const chamber = benchChamber(seats);
  const db = openDb(dbPath);
  saveSetup(db, chamber.setup, { memberCount: chamber.members.length }, chamber);
  const svc = new MeetingService(db);
  const acks = await Promise.all(
    chamber.members.map((m) => svc.dispatch({ type: 'presence.checkIn' }, { role: 'member', personId: m.id, seatId: m.seatId! })),
  );
  const bad = acks.find((a): a is AckRefusal => !a.ok);
  if (bad) throw new Error(`seed check-in refused: ${JSON.stringify(bad)}`);
  const chair: Actor = { role: 'chair', personId: chamber.setup.chairLine[0]! };
  for (const body of [{ type: 'meeting.open' }, { type: 'item.start', itemId: 'i2' }]) {
    const a = await svc.dispatch(body, chair);
    if (!a.ok) throw new Error(`seed ${body.type} refused: ${a.code}`);
  }
  // Each member's tablet holds its session, as after a check-in on the tablet (issue #11).
  const access = new SeatAccess(db);
  const sessions = Object.fromEntries(chamber.members.map((m) => [m.id, access.start(m.seatId!, m.id).token]));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ...chamber, sessions };
}

/**
 * A log of exactly `events` accepted actions, through the real MeetingService: check-ins,
 * then votes (open, every member casts, a fifth change their mind, close), with floor
 * requests and withdrawals between votes.
 */
export async function buildLog(dbPath: string, events: number, seats = 55): Promise<{ events: number; votes: number }> {
  const chamber = benchChamber(seats);
  const db = openDb(dbPath);
  db.pragma('synchronous = OFF'); // building only; the replay reads the finished file
  saveSetup(db, chamber.setup, { memberCount: chamber.members.length }, chamber);
  const svc = new MeetingService(db);
  const chair: Actor = { role: 'chair', personId: chamber.setup.chairLine[0]! };
  const member = (i: number): Actor => {
    const m = chamber.members[i % chamber.members.length]!;
    return { role: 'member', personId: m.id, seatId: m.seatId! };
  };
  let n = 0;
  let votes = 0;
  const batch: Promise<ActionAck>[] = [];
  const send = (body: Record<string, unknown>, actor: Actor) => {
    if (n >= events) return false;
    n++;
    batch.push(svc.dispatch(body, actor));
    return true;
  };
  const drain = async () => {
    const acks = await Promise.all(batch.splice(0));
    const bad = acks.find((a): a is AckRefusal => !a.ok);
    if (bad) throw new Error(`log build refused: ${bad.code}`);
  };
  chamber.members.forEach((_m, i) => send({ type: 'presence.checkIn' }, member(i)));
  send({ type: 'meeting.open' }, chair);
  send({ type: 'item.start', itemId: 'i2' }, chair);
  await drain();
  const choices = ['for', 'against', 'abstain'];
  const M = chamber.members.length;
  const changes = (round: number) => Math.ceil((M - (round % 5)) / 5);
  for (let round = 0; ; round++) {
    // Some debate between votes: three members ask for the floor, and withdraw again.
    const debate = round % 4 === 0 ? 6 : 0;
    const size = debate + 1 + M + changes(round) + 1;
    if (n + size > events) break;
    if (debate) {
      for (let k = 0; k < 3; k++) send({ type: 'floor.request' }, member(round + k));
      for (let k = 0; k < 3; k++) send({ type: 'floor.withdraw' }, member(round + k));
    }
    send({ type: 'vote.open', point: `Afstemning ${round + 1}`, subject: { kind: 'proposal' } }, chair);
    votes++;
    for (let i = 0; i < M; i++) send({ type: 'vote.cast', choice: choices[(i + round) % 3] }, member(i));
    for (let i = round % 5; i < M; i += 5) send({ type: 'vote.cast', choice: choices[(i + round + 1) % 3] }, member(i));
    send({ type: 'vote.close' }, chair);
    await drain();
  }
  // The rest: requests for the floor and withdrawals, so the log holds exactly `events`.
  for (let k = 0; n < events; k++) send({ type: k % 2 === 0 ? 'floor.request' : 'floor.withdraw' }, member(Math.floor(k / 2)));
  await drain();
  const count = (db.prepare('SELECT COUNT(*) AS c FROM events').get() as { c: number }).c;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { events: count, votes };
}
