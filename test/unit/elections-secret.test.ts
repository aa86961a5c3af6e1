import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { majorityElection } from './helpers/election';
import { fromLog } from '../../server/store/db';
import { applyInPlace, createState, parseActionBody, type Action, type Actor } from '../../shared/index';
import type { MajorityElection } from '../../shared/elections/types';
import { buildRecord, recordHtml } from '../../shared/record/index';
import { chairView, memberView, publicView } from '../../shared/views';

// § 27, stk. 2 (issue #11, item 5): a secret ballot always names a candidate, is logged
// sealed (who voted, never for whom), and a round whose counts were lost is void.

function secretElection(present = 30) {
  const m = majorityElection(present, ['x', 'y']);
  m.ok({ type: 'election.demandSecret' }, m.as(m.ids[1]!));
  return m;
}

describe('§ 27, stk. 2 — a secret ballot cannot be jammed', () => {
  it('refuses a member\u2019s cast without a candidate (or with an unknown one), in a secret round and an open one; nothing changes', () => {
    const m = secretElection();
    m.ok({ type: 'election.openRound' });
    const before = JSON.stringify(m.s);
    expect(m.act({ type: 'election.cast' } as never, m.as(m.ids[0]!))).toMatchObject({ ok: false, code: 'UNKNOWN_CANDIDATE', paragraph: '§ 27, stk. 1' });
    expect(m.act({ type: 'election.cast', candidateId: 'nobody' }, m.as(m.ids[0]!))).toMatchObject({ ok: false, code: 'UNKNOWN_CANDIDATE' });
    expect(JSON.stringify(m.s)).toBe(before);
    expect(m.e().rounds[0]!.voted).toEqual([]);
    // The round still closes: every ballot counted is a ballot cast.
    m.ok({ type: 'election.cast', candidateId: 'x' }, m.as(m.ids[0]!));
    m.ok({ type: 'election.closeRound', tally: { x: 1 } });
    expect(m.e().rounds[0]!.status).toBe('closed');
  });

  it('the schema refuses a client body without candidateId, and one that claims to be sealed', () => {
    expect(parseActionBody({ type: 'election.cast' }).ok).toBe(false);
    expect(parseActionBody({ type: 'election.cast', sealed: true }).ok).toBe(false);
    expect(parseActionBody({ type: 'election.cast', candidateId: 'x', sealed: true }).ok).toBe(false);
    expect(parseActionBody({ type: 'election.cast', candidateId: '' }).ok).toBe(false);
    expect(parseActionBody({ type: 'election.cast', candidateId: 'x' })).toEqual({ ok: true, body: { type: 'election.cast', candidateId: 'x' } });
    // The void is the server's own: no client body can carry another reason either.
    expect(parseActionBody({ type: 'election.voidRound', reason: 'whim' }).ok).toBe(false);
  });

  it('replays the sealed form of a secret ballot: counted in `voted`, no choice anywhere', () => {
    const m = secretElection();
    m.ok({ type: 'election.openRound' });
    m.ok({ type: 'election.cast', sealed: true } as Omit<Action, 'actor'>, m.as(m.ids[0]!));
    m.ok({ type: 'election.cast', sealed: true } as Omit<Action, 'actor'>, m.as(m.ids[1]!));
    expect(m.e().rounds[0]!.voted).toEqual([m.ids[0], m.ids[1]]);
    expect(m.e().rounds[0]!.ballots).toEqual({});
    const before = JSON.stringify(m.s);
    expect(m.act({ type: 'election.cast', sealed: true } as Omit<Action, 'actor'>, m.as(m.ids[0]!))).toMatchObject({ ok: false, code: 'ALREADY_VOTED' });
    expect(JSON.stringify(m.s)).toBe(before);
    m.ok({ type: 'election.closeRound', tally: { x: 2 } });
    expect(m.e().elected).toBeNull(); // 2 of 30 present is no majority
  });

  it('a sealed ballot is refused in an open (not secret) election', () => {
    const demo = demoChamber({ seatCount: 55 });
    const s = createState(demo.setup);
    const chair: Actor = { role: 'chair', personId: s.chair.line[0]! };
    const ids = demo.setup.persons.filter((p) => p.kind === 'member')
      .map((p) => p.id).slice(0, 30);
    const as = (id: string): Actor => ({ role: 'member', personId: id, seatId: s.persons[id]!.seatId! });
    let now = 1;
    const act = (a: Action) => applyInPlace(s, a, { now: ++now, random: 'r' });
    for (const id of ids) act({ type: 'presence.checkIn', actor: as(id) });
    act({ type: 'meeting.open', actor: chair });
    act({ type: 'item.start', itemId: 'i6', actor: chair });
    act({ type: 'election.create', kind: 'majority', title: 'Åbent', candidates: [{ id: 'x', name: 'X' }], actor: chair });
    expect(act({ type: 'election.openRound', actor: chair }).ok).toBe(true);
    const before = JSON.stringify(s);
    expect(act({ type: 'election.cast', sealed: true, actor: as(ids[0]!) })).toMatchObject({ ok: false, code: 'UNKNOWN_CANDIDATE' });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('reads a log from before `sealed` (a secret ballot stored as { type, actor }) as sealed', () => {
    const actor = { role: 'member', personId: 'm1', seatId: 's1' } as const;
    expect(fromLog({ type: 'election.cast', actor } as never)).toEqual({ type: 'election.cast', sealed: true, actor });
    expect(fromLog({ type: 'election.cast', candidateId: 'x', actor })).toEqual({ type: 'election.cast', candidateId: 'x', actor });
  });
});

describe('§ 27, stk. 2 — a secret round whose counts were lost is void, recorded and held again', () => {
  it('only the system voids; the round goes, the fact stays; the chair opens the same round again', () => {
    const m = secretElection();
    m.ok({ type: 'election.openRound' });
    m.ok({ type: 'election.cast', sealed: true } as Omit<Action, 'actor'>, m.as(m.ids[0]!));
    m.ok({ type: 'election.cast', sealed: true } as Omit<Action, 'actor'>, m.as(m.ids[2]!));
    const before = JSON.stringify(m.s);
    expect(m.act({ type: 'election.voidRound', reason: 'restart' })).toMatchObject({ ok: false, code: 'NOT_SYSTEM' });
    expect(m.act({ type: 'election.voidRound', reason: 'restart' }, m.as(m.ids[0]!))).toMatchObject({ ok: false, code: 'NOT_SYSTEM' });
    expect(JSON.stringify(m.s)).toBe(before);

    const r = m.act({ type: 'election.voidRound', reason: 'restart' }, { role: 'system' });
    expect(r).toMatchObject({ ok: true, events: [{ type: 'election.roundVoided', round: 1, reason: 'restart' }] });
    expect(m.e().rounds).toEqual([]);
    expect(m.e().voided).toEqual([{ number: 1, voted: 2, at: expect.any(Number), reason: 'restart' }]);
    expect(m.e().status).toBe('setup');
    // Nothing left to void now.
    const after = JSON.stringify(m.s);
    expect(m.act({ type: 'election.voidRound', reason: 'restart' }, { role: 'system' })).toMatchObject({ ok: false, code: 'NO_ROUND_OPEN' });
    expect(JSON.stringify(m.s)).toBe(after);

    // Held again as round 1; members who voted in the void round vote again.
    m.ok({ type: 'election.openRound' });
    expect(m.e().rounds[0]!.number).toBe(1);
    for (const id of m.ids.slice(0, 20)) m.ok({ type: 'election.cast', sealed: true } as Omit<Action, 'actor'>, m.as(id));
    m.ok({ type: 'election.closeRound', tally: { x: 16, y: 4 } });
    expect(m.e().elected).toBe('x');
    expect(m.e().voided).toHaveLength(1);

    // Every view shows the void (no choice was ever there to hide).
    for (const v of [chairView(m.s), memberView(m.s)]) expect((v.elections[m.e().id] as MajorityElection).voided).toHaveLength(1);
    expect(publicView(m.s).elections.find((x) => x.id === m.e().id)).toMatchObject({ voided: [{ number: 1, voted: 2, reason: 'restart' }] });

    // The decision record names the void round next to the round held again, in both languages.
    const rec = buildRecord(m.s, { audience: 'public' });
    const item = rec.items.find((i) => !i.closed && i.id === 'i6');
    const d = item && !item.closed ? item.decisions.find((x) => x.kind === 'election') : undefined;
    expect(d?.election?.voided).toEqual([{ number: 1, voted: 2, reason: 'restart', at: expect.any(Number), time: expect.stringMatching(/^\d\d:\d\d$/) }]);
    expect(d?.election?.rounds).toEqual([{ number: 1, tally: [{ name: 'X', votes: 16 }, { name: 'Y', votes: 4 }] }]);
    const da = recordHtml(rec, { lang: 'da' });
    const en = recordHtml(rec, { lang: 'en' });
    expect(da).toMatch(/1\. afstemning:<\/span> annulleret kl\. \d\d\.\d\d, fordi serveren genstartede, mens runden var åben \(2 havde stemt/);
    expect(en).toMatch(/Round 1:<\/span> void at \d\d:\d\d: the server restarted while the round was open \(2 had voted/);
  });
});
