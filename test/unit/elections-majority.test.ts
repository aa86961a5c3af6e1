import { describe, expect, it } from 'vitest';
import { majorityElection } from './helpers/election';
import { applyInPlace, type Actor } from '../../shared/index';
import { commitment, drawLot } from '../../shared/elections/lot';

function election(present: number, candidates = ['x', 'y', 'z'], appointment = false) {
  const m = majorityElection(present, candidates, appointment);
  const { ok, as, ids } = m;
  const round = (counts: Record<string, number>) => {
    ok({ type: 'election.openRound' });
    let i = 0;
    for (const [c, n] of Object.entries(counts)) for (let k = 0; k < n; k++) ok({ type: 'election.cast', candidateId: c }, as(ids[i++]!));
    ok({ type: 'election.closeRound' });
  };
  return { ...m, round };
}

describe('§ 27, stk. 1 — majority election', () => {
  it('round 1 elects with votes from a majority of the members present', () => {
    const m = election(30);
    m.round({ x: 16, y: 14 });
    expect(m.e().elected).toBe('x');
    expect(m.s.record.at(-1)).toMatchObject({ kind: 'election', outcome: 'elected' });
  });

  it('round 1 counts against the members present, not the votes cast: 15 of 30 is not enough', () => {
    const m = election(30);
    m.round({ x: 15, y: 5 });
    expect(m.e().elected).toBeNull();
    expect(m.e().status).toBe('setup');
  });

  it('round 2 elects with an absolute majority of the votes cast', () => {
    const m = election(30);
    m.round({ x: 15, y: 5 });
    m.round({ x: 11, y: 9, z: 0 });
    expect(m.e().elected).toBe('x');
  });

  it('round 3 is binding between the two with most votes in round 2', () => {
    const m = election(30);
    m.round({ x: 10, y: 10, z: 10 });
    m.round({ x: 12, y: 10, z: 8 });
    expect(m.e().finalists).toEqual(['x', 'y']);
    m.ok({ type: 'election.openRound' });
    expect(m.e().rounds[2]!.candidates).toEqual(['x', 'y']);
    const r = m.act({ type: 'election.cast', candidateId: 'z' }, m.as(m.ids[0]!));
    expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_CANDIDATE', paragraph: '§ 27, stk. 1' });
    m.ok({ type: 'election.cast', candidateId: 'y' }, m.as(m.ids[0]!));
    m.ok({ type: 'election.closeRound' });
    expect(m.e().elected).toBe('y');
  });

  it('a tie for the two places after round 2 is settled by lot, committed before the draw', () => {
    const m = election(30);
    m.round({ x: 10, y: 10, z: 10 });
    m.round({ x: 12, y: 9, z: 9 });
    const lot = m.e().lot!;
    expect(lot).toMatchObject({ purpose: 'finalists', tied: ['y', 'z'], places: 1 });
    expect(lot.commitment).toBe(commitment(lot.secret));
    const refused = m.act({ type: 'election.openRound' });
    expect(refused).toMatchObject({ ok: false, code: 'LOT_PENDING' });
    m.ok({ type: 'election.drawLot' });
    const drawn = m.e().lots[0]!;
    expect(drawn.winner).toBe(drawLot(lot.secret, ['y', 'z']).winner);
    expect(m.e().finalists).toEqual(['x', drawn.winner]);
  });

  it('a three-way tie for first in round 2 sends two of three to round 3 by lot', () => {
    const m = election(30);
    m.round({ x: 10, y: 10, z: 10 });
    m.round({ x: 10, y: 10, z: 10 });
    expect(m.e().lot).toMatchObject({ tied: ['x', 'y', 'z'], places: 2 });
    m.ok({ type: 'election.drawLot' });
    expect(m.e().finalists).toHaveLength(2);
    expect(new Set(m.e().finalists).size).toBe(2);
  });

  it('a tie in round 3 is settled by lot drawn by the chair; only the chair draws', () => {
    const m = election(30);
    m.round({ x: 10, y: 10, z: 10 });
    m.round({ x: 12, y: 10, z: 8 });
    m.round({ x: 15, y: 15 });
    expect(m.e().lot).toMatchObject({ purpose: 'winner', tied: ['x', 'y'] });
    const before = JSON.stringify(m.s);
    const byMember = m.act({ type: 'election.drawLot' }, m.as(m.ids[0]!));
    expect(byMember).toMatchObject({ ok: false, code: 'NOT_ACTING_CHAIR' });
    expect(JSON.stringify(m.s)).toBe(before);
    m.ok({ type: 'election.drawLot' });
    expect(['x', 'y']).toContain(m.e().elected);
  });

  it('a ballot is cast once per round, only by a member present', () => {
    const m = election(30);
    m.ok({ type: 'election.openRound' });
    m.ok({ type: 'election.cast', candidateId: 'x' }, m.as(m.ids[0]!));
    const before = JSON.stringify(m.s);
    expect(m.act({ type: 'election.cast', candidateId: 'y' }, m.as(m.ids[0]!))).toMatchObject({ ok: false, code: 'ALREADY_VOTED' });
    const absent = { role: 'member', personId: 'm50', seatId: m.s.persons['m50']!.seatId! } as Actor;
    expect(m.act({ type: 'election.cast', candidateId: 'y' }, absent)).toMatchObject({ ok: false, code: 'NOT_CHECKED_IN', paragraph: '§ 16' });
    expect(JSON.stringify(m.s)).toBe(before);
  });
});

describe('§ 27, stk. 2 — written, secret ballot on any member\u2019s demand', () => {
  it('stores who voted and the counts, never a choice; demanded only before the election begins', () => {
    const m = election(30);
    m.ok({ type: 'election.demandSecret' }, m.as(m.ids[1]!));
    expect(m.e().secret).toBe(true);
    m.ok({ type: 'election.openRound' });
    m.ok({ type: 'election.cast', candidateId: 'x' }, m.as(m.ids[0]!));
    // As replayed from the log: the server logs a secret ballot sealed, without its choice.
    const sealed = applyInPlace(m.s, { type: 'election.cast', sealed: true, actor: m.as(m.ids[1]!) }, { now: Date.UTC(2026, 10, 23, 18, 0) });
    expect(sealed.ok).toBe(true);
    expect(m.e().rounds[0]!.ballots).toEqual({});
    expect(m.e().rounds[0]!.voted).toEqual([m.ids[0], m.ids[1]]);
    const before = JSON.stringify(m.s);
    expect(m.act({ type: 'election.closeRound', tally: { x: 5 } })).toMatchObject({ ok: false, code: 'TALLY_MISMATCH', paragraph: '§ 27, stk. 2' });
    expect(JSON.stringify(m.s)).toBe(before);
    m.ok({ type: 'election.closeRound', tally: { x: 1, y: 1 } });
    expect(m.e().rounds[0]!.tally).toEqual({ x: 1, y: 1, z: 0 });
    expect(m.act({ type: 'election.demandSecret' }, m.as(m.ids[2]!))).toMatchObject({ ok: false, code: 'SECRET_AFTER_START' });
  });
});

describe('§ 27, stk. 3 — appointments use the same method', () => {
  it('an appointment runs the same rounds, and cannot be finished before it is decided', () => {
    const m = election(30, ['p', 'q'], true);
    expect(m.e().appointment).toBe(true);
    expect(m.act({ type: 'election.finish' })).toMatchObject({ ok: false, code: 'ELECTION_UNDECIDED', paragraph: '§ 27, stk. 1' });
    m.round({ p: 20, q: 10 });
    expect(m.e().elected).toBe('p');
    m.ok({ type: 'election.finish' });
    expect(m.s.activeElection).toBeNull();
  });
});
