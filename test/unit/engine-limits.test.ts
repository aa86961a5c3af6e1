import { describe, expect, it } from 'vitest';
import { projectedSpeakers } from '../../shared/engine/speakers';
import { debating } from './helpers/meeting';

describe('§ 16 — the floor never goes to an empty seat', () => {
  it('a member whose terminal is silent is passed over in the projected list, and back in place when present', () => {
    const m = debating('i2');
    const [a, b, c] = [m.group('Ø')[0]!, m.group('A')[1]!, m.group('C')[0]!];
    m.request(a, b, c);
    expect(projectedSpeakers(m.state).map((p) => p.personId)).toEqual([a, b, c]);
    m.system.do({ type: 'seat.offline', seatId: m.state.persons[a]!.seatId! });
    expect(projectedSpeakers(m.state).map((p) => p.personId)).toEqual([b, c]);
    m.chair.do({ type: 'floor.give' });
    expect(m.state.items.i2!.debate.speaking?.personId).toBe(b);
    m.chair.do({ type: 'floor.end' });
    m.system.do({ type: 'seat.online', seatId: m.state.persons[a]!.seatId! });
    expect(projectedSpeakers(m.state).map((p) => p.personId)).toEqual([a, c]);
  });
});

describe('§ 15 — no decision without a quorum, at the close too', () => {
  it('a vote cannot be closed once fewer than half of the members are present', () => {
    const m = debating('i2', { present: 28 });
    m.openVote({ kind: 'proposal' });
    m.cast({ [m.present()[0]!]: 'for' });
    m.checkOut(m.present()[1]!);
    m.chair.refuse({ type: 'vote.close' }, 'NO_QUORUM', '§ 15');
    m.checkIn(m.members.find((id) => !m.present().includes(id))!);
    m.chair.do({ type: 'vote.close' });
    expect(m.lastVote().result?.for).toBe(1);
  });
});

describe('§ 7 and § 29 — after the meeting is closed only the record goes on', () => {
  it('refuses chair and member business after the close, but takes a dissent', () => {
    const m = debating('i2', { present: 30 });
    const v = m.decide({ kind: 'proposal' }, m.present().slice(0, 20), m.present().slice(20, 25));
    m.finish();
    m.chair.do({ type: 'meeting.close' });
    m.chair.refuse({ type: 'item.start', itemId: 'i5' }, 'MEETING_CLOSED', '§ 7');
    m.chair.refuse({ type: 'item.setDoors', itemId: 'i5', doors: 'closed', reason: 'x' }, 'MEETING_CLOSED', '§ 7');
    m.as(m.present()[0]!).refuse({ type: 'floor.request' }, 'MEETING_CLOSED', '§ 7');
    const entry = m.state.record.find((e) => e.voteId === v.id)!;
    m.as(m.present()[21]!).do({ type: 'record.dissent', entryId: entry.id, text: 'Vi stemte imod af hensyn til budgettet.' });
    expect(m.state.record.find((e) => e.id === entry.id)!.dissents).toHaveLength(1);
  });
});
