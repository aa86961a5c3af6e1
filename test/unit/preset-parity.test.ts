// Issue #16, item 8: the paragraphs whose rule is the same in every council, run against each
// preset (shared/presets.ts) in a demo chamber of the preset's size. Every number a test uses
// is derived from the preset's configuration (never Copenhagen's 55 written in), so the same
// test states the rule for 55 and for 31 members; engine-speech-kinds.test.ts and
// engine-debate.test.ts do the same for the debate, and test the differences on their own.
import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { quorumNeeded, rollCallNeeded } from '../../shared/engine/selectors';
import { PRESETS } from '../../shared/presets';
import { publicView } from '../../shared/views';
import { debating, meeting, type MeetingOptions } from './helpers/meeting';

const CASES = Object.values(PRESETS).map((p) => {
  const opts: MeetingOptions = { setup: demoChamber({ seatCount: p.config.memberCount }).setup, config: p.config };
  return [p.id, p.config, opts] as const;
});

describe.each(CASES)('the rules every council shares — %s', (_id, config, opts) => {
  const n = config.memberCount;
  const quorum = Math.ceil(n * config.quorumShare);

  it('§ 15: a decision needs at least half of the members present; one fewer is refused', () => {
    const m = debating('i2', { ...opts, present: quorum - 1 });
    expect(m.members).toHaveLength(n);
    expect(quorumNeeded(m.state)).toBe(quorum);
    m.chair.refuse({ type: 'vote.open', point: 'Indstillingen', subject: { kind: 'proposal' } }, 'NO_QUORUM', '§ 15');
    m.checkIn(m.members[quorum - 1]!);
    expect(m.openVote({ kind: 'proposal' }).status).toBe('open');
  });

  it('§ 24, stk. 2: a third of the members present force a roll call; one fewer does not', () => {
    for (const [extra, mode] of [
      [-1, 'electronic'],
      [0, 'rollCall'],
    ] as const) {
      const m = debating('i2', { ...opts, present: n });
      const needed = rollCallNeeded(m.state);
      expect(needed).toBe(Math.ceil(n * config.rollCallShare));
      for (const p of m.members.slice(0, needed + extra)) m.as(p).do({ type: 'rollCall.demand' });
      expect(m.openVote({ kind: 'proposal' }).mode).toBe(mode);
    }
  });

  it('§ 24, stk. 3: adopted by a majority of the votes cast; a tie is rejected; abstentions do not count', () => {
    const m = debating('i2', { ...opts, present: n });
    const [a, b, c, d, e] = m.members;
    m.openVote({ kind: 'proposal' });
    m.cast({ [a!]: 'for', [b!]: 'for', [c!]: 'against', [d!]: 'abstain', [e!]: 'abstain' });
    expect(m.closeVote().result).toMatchObject({ for: 2, against: 1, abstain: 2, adopted: true });
    m.openVote({ kind: 'proposal' });
    m.cast({ [a!]: 'for', [b!]: 'against' });
    expect(m.closeVote().result).toMatchObject({ for: 1, against: 1, adopted: false });
  });

  it('§ 16: only a member present at their seat votes; checking out takes the ballot back', () => {
    const m = debating('i2', { ...opts, present: quorum + 1 });
    const absent = m.members[n - 1]!;
    const leaving = m.members[0]!;
    m.openVote({ kind: 'proposal' });
    m.as(absent).refuse({ type: 'vote.cast', choice: 'for' }, 'NOT_CHECKED_IN', '§ 16');
    m.cast({ [leaving]: 'for' });
    m.checkOut(leaving);
    expect(m.closeVote().result).toMatchObject({ for: 0 });
  });

  it('§ 19, stk. 2: the first speaker of each group goes before any group’s second', () => {
    const m = debating('i2', { ...opts, present: n });
    const groups = [...new Set(m.members.map((p) => m.groupOf(p)))].filter((g) => m.group(g).length >= 2).slice(0, 2);
    const [g1, g2] = groups as [string, string];
    const [a1, a2] = m.group(g1);
    const [b1] = m.group(g2);
    m.request(a1!, a2!, b1!);
    expect([m.speakNext(), m.speakNext(), m.speakNext()]).toEqual([a1, b1, a2]);
  });

  it('§§ 2–3: a closed item shows nothing but its number on the public view', () => {
    const m = meeting(opts);
    const closed = m.state.agenda.map((id) => m.state.items[id]!).find((i) => i.doors === 'closed')!;
    m.checkInAll(quorum);
    m.open();
    m.start(closed.id);
    const view = JSON.stringify(publicView(m.state));
    expect(view).not.toContain(closed.title);
    expect(publicView(m.state).current).toMatchObject({ closed: true, number: closed.number });
  });
});
