import { demoChamber } from '../../../server/demo/chamber';
import { applyInPlace, createState, type Action, type ActionBody, type Actor, type Refusal } from '../../../shared/index';
import type { MajorityElection } from '../../../shared/elections/types';

/**
 * A meeting of the demo chamber with `present` members checked in, item 6 running and a
 * majority election on it (§ 27): the engine driven directly, with a clock and draws that are
 * the same on every run.
 */
export function majorityElection(present: number, candidates = ['x', 'y', 'z'], appointment = false) {
  const demo = demoChamber({ seatCount: 55 });
  const s = createState(demo.setup);
  const chair: Actor = { role: 'chair', personId: s.chair.line[0]! };
  let now = Date.UTC(2026, 10, 23, 17, 0);
  let draw = 0;
  const act = (body: ActionBody | Omit<Action, 'actor'>, actor: Actor = chair) =>
    applyInPlace(s, { ...body, actor } as Action, { now: (now += 1000), random: `secret-${++draw}` });
  const ok = (body: ActionBody | Omit<Action, 'actor'>, actor?: Actor) => {
    const r = act(body, actor);
    if (!r.ok) throw new Error(`${body.type}: ${(r as Refusal).code}`);
  };
  const ids = demo.setup.persons.filter((p) => p.kind === 'member').map((p) => p.id).slice(0, present);
  const as = (id: string): Actor => ({ role: 'member', personId: id, seatId: s.persons[id]!.seatId! });
  for (const id of ids) ok({ type: 'presence.checkIn' }, as(id));
  ok({ type: 'meeting.open' });
  ok({ type: 'item.start', itemId: 'i6' });
  ok({ type: 'election.create', kind: 'majority', title: 'Valg', candidates: candidates.map((c) => ({ id: c, name: c.toUpperCase() })), appointment });
  const e = () => s.elections[s.activeElection!] as MajorityElection;
  return { s, act, ok, as, ids, e, chair };
}
