// Procedural motions put to the council: direct referral (§ 26, stk. 2), postponement on a
// member's proposal (§ 18, stk. 5) and reopening a finished item (§ 20, stk. 3), decided by
// a vote or the chair's declaration (§ 24, stk. 4).
import { describe, expect, it } from 'vitest';
import { motionPoint } from '../../shared/engine/motions';
import { buildRecord, recordHtml, votesCsv } from '../../shared/record';
import { publicView } from '../../shared/views';
import { publicViewSchema } from '../../shared/public-schema';
import { debating, type TestMeeting } from './helpers/meeting';

const REFERRAL = { kind: 'referral', committee: 'Teknik- og Miljøudvalget' } as const;
const NEW_INFO = 'Ny vurdering fra Kammeradvokaten';

function motionSubject(m: TestMeeting) {
  return { kind: 'motion', motionId: m.state.pendingMotion! } as const;
}

/** Puts the pending motion to an electronic vote; `fors` vote for and `againsts` against. */
function decideMotion(m: TestMeeting, fors: number, againsts: number) {
  const point = motionPoint(m.state, m.state.motions[m.state.pendingMotion!]!);
  const present = m.present().filter((p) => p !== m.state.chair.acting);
  return m.decide(motionSubject(m), present.slice(0, fors), present.slice(fors, fors + againsts), point);
}

describe('§ 26, stk. 2 — a member moves direct referral', () => {
  it('stops the debate: nobody is given the floor until the council decides', () => {
    const m = debating('i2');
    m.request('m5', 'm6');
    m.as('m3').do({ type: 'motion.propose', motion: REFERRAL });
    const motion = m.state.motions[m.state.pendingMotion!]!;
    expect(motion).toMatchObject({ kind: 'referral', itemId: 'i2', proposer: 'm3', byChair: false, committee: 'Teknik- og Miljøudvalget', status: 'pending' });
    m.chair.refuse({ type: 'floor.give' }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');
    // Nothing else is decided first, and the item is not left meanwhile.
    m.chair.refuse({ type: 'vote.open', point: 'Forslaget', subject: { kind: 'proposal' } }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');
    m.chair.refuse({ type: 'item.finish' }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');
    m.chair.refuse({ type: 'item.postpone' }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');
    m.as('m4').refuse({ type: 'motion.propose', motion: { kind: 'postponement' } }, 'REFERRAL_MOTION_PENDING', '§ 26, stk. 2');
  });

  it('adopted by a vote: the item is referred and the record shows the motion and its result', () => {
    const m = debating('i2');
    m.as('m3').do({ type: 'motion.propose', motion: REFERRAL });
    const id = m.state.pendingMotion!;
    const v = decideMotion(m, 30, 10);
    expect(v.result!.adopted).toBe(true);
    expect(m.state.items.i2).toMatchObject({ status: 'referred', referredTo: 'Teknik- og Miljøudvalget' });
    expect(m.state.currentItem).toBeNull();
    expect(m.state.pendingMotion).toBeNull();
    expect(m.state.motions[id]!.status).toBe('adopted');
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'referral', outcome: 'referred', subject: { kind: 'motion', motionId: id }, counts: { for: 30, against: 10 } });
    const rec = buildRecord(m.state, { audience: 'members' });
    const item = rec.items.find((i) => !i.closed && i.id === 'i2');
    expect(item && !item.closed && item.decisions.at(-1)!.subject).toMatchObject({
      kind: 'motion',
      motion: 'referral',
      committee: 'Teknik- og Miljøudvalget',
      proposer: { id: 'm3' },
    });
  });

  it('rejected: the debate goes on and the floor can be given again', () => {
    const m = debating('i2');
    m.request('m5');
    m.as('m3').do({ type: 'motion.propose', motion: REFERRAL });
    decideMotion(m, 5, 30);
    expect(m.state.items.i2!.status).toBe('active');
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'referral', outcome: 'rejected' });
    expect(m.chair.do({ type: 'floor.give' })).toContainEqual({ type: 'floor.given', personId: 'm5' });
  });

  it('decided by the chair’s declaration when no member demands a vote (§ 24, stk. 4)', () => {
    const m = debating('i2');
    m.as('m3').do({ type: 'motion.propose', motion: REFERRAL });
    m.chair.do({ type: 'declaration.make', point: 'Direkte henvisning', subject: motionSubject(m), expected: 'adopted' });
    expect(publicView(m.state).motion).toMatchObject({ kind: 'referral', deciding: 'declaration' });
    m.chair.do({ type: 'declaration.confirm' });
    expect(m.state.items.i2!.status).toBe('referred');
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'referral', outcome: 'referred', mode: 'declaration' });
  });

  it('the proposer may withdraw it until it is put to the council; nobody else may', () => {
    const m = debating('i2');
    m.as('m3').do({ type: 'motion.propose', motion: REFERRAL });
    m.as('m4').refuse({ type: 'motion.withdraw' }, 'NOT_MOTION_PROPOSER', '§ 18, stk. 4');
    m.openVote(motionSubject(m));
    m.as('m3').refuse({ type: 'motion.withdraw' }, 'MOTION_BEING_DECIDED', '§ 24, stk. 4');
    m.closeVote();
    m.as('m3').refuse({ type: 'motion.withdraw' }, 'NO_MOTION', '§ 18, stk. 4');
  });

  it('refuses a motion with no item under debate, from a disqualified member, or while a vote is open', () => {
    const m = debating('i2');
    m.decide({ kind: 'disqualification', personId: 'm7' }, m.present().slice(1, 40));
    m.as('m7').refuse({ type: 'motion.propose', motion: REFERRAL }, 'DISQUALIFIED', '§ 23');
    m.openVote({ kind: 'proposal' });
    m.as('m3').refuse({ type: 'motion.propose', motion: REFERRAL }, 'VOTE_OPEN', '§ 24, stk. 1');
    m.closeVote();
    m.finish();
    m.as('m3').refuse({ type: 'motion.propose', motion: REFERRAL }, 'NO_CURRENT_ITEM', '§ 20, stk. 1');
  });

  it('the public view shows the pending motion, and hides a closed item’s committee and proposer', () => {
    const m = debating('i2');
    m.as('m3').do({ type: 'motion.propose', motion: REFERRAL });
    const pv = publicView(m.state);
    expect(pv.motion).toMatchObject({ kind: 'referral', closed: false, itemNumber: m.state.items.i2!.number, proposer: 'm3', committee: 'Teknik- og Miljøudvalget', deciding: 'proposed' });
    expect(publicViewSchema.safeParse(pv).success).toBe(true);
    m.as('m3').do({ type: 'motion.withdraw' });
    m.finish();
    m.start('i3');
    m.as('m3').do({ type: 'motion.propose', motion: { kind: 'referral', committee: 'Hemmeligt udvalg' } });
    expect(publicView(m.state).motion).toEqual({
      id: m.state.pendingMotion,
      kind: 'referral',
      closed: true,
      itemNumber: m.state.items.i3!.number,
      itemTitle: null,
      proposer: null,
      committee: null,
      reason: null,
      deciding: 'proposed',
    });
    expect(JSON.stringify(publicView(m.state))).not.toContain('Hemmeligt');
  });
});

describe('§ 18, stk. 5 — postponement on a member’s proposal', () => {
  it('is put to the council and recorded; adopted, the item is postponed', () => {
    const m = debating('i2');
    m.as('m8').do({ type: 'motion.propose', motion: { kind: 'postponement', reason: 'Afventer høringssvar' } });
    expect(m.state.motions[m.state.pendingMotion!]).toMatchObject({ kind: 'postponement', reason: 'Afventer høringssvar' });
    // The debate is not stopped by a postponement motion, only other decisions wait.
    m.request('m5');
    m.speakNext();
    decideMotion(m, 30, 5);
    expect(m.state.items.i2!.status).toBe('postponed');
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'postponement', outcome: 'postponed' });
  });

  it('rejected, the item stays under debate and the rejection is recorded', () => {
    const m = debating('i2');
    m.as('m8').do({ type: 'motion.propose', motion: { kind: 'postponement' } });
    decideMotion(m, 3, 30);
    expect(m.state.items.i2!.status).toBe('active');
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'postponement', outcome: 'rejected' });
  });

  it('the chair’s own postponement still works without the council', () => {
    const m = debating('i2');
    m.chair.do({ type: 'item.postpone' });
    expect(m.state.items.i2!.status).toBe('postponed');
  });
});

describe('§ 20, stk. 3 — reopening a finished item is the council’s decision', () => {
  it('a member proposes with the new information; the council may refuse it', () => {
    const m = debating('i2');
    m.finish();
    m.as('m4').refuse({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'i2', reason: 'ny info' } }, 'REOPEN_NEEDS_NEW_INFO', '§ 20, stk. 3');
    m.as('m4').refuse({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'i5', reason: NEW_INFO } }, 'ITEM_NOT_FINISHED', '§ 20, stk. 3');
    m.as('m4').refuse({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'zz', reason: NEW_INFO } }, 'UNKNOWN_ITEM', '§ 20');
    m.as('m4').do({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'i2', reason: NEW_INFO } });
    // No item is taken up until the council has decided.
    m.chair.refuse({ type: 'item.start', itemId: 'i5' }, 'REOPENING_MOTION_PENDING', '§ 20, stk. 3');
    m.chair.refuse({ type: 'item.reopen', itemId: 'i2', reason: NEW_INFO }, 'REOPENING_MOTION_PENDING', '§ 20, stk. 3');
    const v = decideMotion(m, 10, 30);
    expect(v.result!.adopted).toBe(false);
    expect(m.state.items.i2!.status).toBe('done');
    expect(m.state.currentItem).toBeNull();
    const entry = m.state.record.at(-1)!;
    expect(entry).toMatchObject({ itemId: 'i2', kind: 'reopening', outcome: 'rejected' });
    expect(entry.point).toContain(NEW_INFO);
    const rec = buildRecord(m.state, { audience: 'members' });
    const item = rec.items.find((i) => !i.closed && i.id === 'i2');
    expect(item && !item.closed && item.decisions.at(-1)!.subject).toMatchObject({ kind: 'motion', motion: 'reopening', reason: NEW_INFO });
    // § 29: the record names the motion, its proposer, the stated reason and the result, in both languages.
    const proposer = m.state.persons.m4!.name;
    expect(recordHtml(rec, { lang: 'da' })).toContain(`Forslag fra ${proposer} om genoptagelse (§ 20, stk. 3). Anførte nye oplysninger: ${NEW_INFO}`);
    expect(recordHtml(rec, { lang: 'en' })).toContain(`Motion by ${proposer} to reopen (§ 20(3)). New information stated: ${NEW_INFO}`);
    expect(votesCsv(rec)).toContain('motion:reopening');
  });

  it('adopted, the item is reopened as by the chair’s act', () => {
    const m = debating('i2');
    m.finish();
    m.chair.do({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'i2', reason: NEW_INFO } });
    expect(m.state.motions[m.state.pendingMotion!]).toMatchObject({ byChair: true, proposer: m.state.chair.acting });
    m.chair.do({ type: 'declaration.make', point: 'Genoptagelse', subject: motionSubject(m), expected: 'adopted' });
    m.chair.do({ type: 'declaration.confirm' });
    expect(m.state.currentItem).toBe('i2');
    expect(m.state.items.i2!.status).toBe('active');
    expect(m.state.record.at(-1)).toMatchObject({ itemId: 'i2', kind: 'reopening', outcome: 'adopted', mode: 'declaration' });
    expect(m.state.log.at(-1)!.text).toContain(NEW_INFO);
  });

  it('a member’s demand turns the declaration into a vote', () => {
    const m = debating('i2');
    m.finish();
    m.as('m4').do({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'i2', reason: NEW_INFO } });
    m.chair.do({ type: 'declaration.make', point: 'Genoptagelse', subject: motionSubject(m), expected: 'adopted' });
    m.as('m9').do({ type: 'declaration.demandVote' });
    m.chair.refuse({ type: 'declaration.confirm' }, 'VOTE_DEMANDED', '§ 24, stk. 4');
    decideMotion(m, 30, 10);
    expect(m.state.currentItem).toBe('i2');
  });

  it('is proposed only between items', () => {
    const m = debating('i2');
    m.finish();
    m.start('i5');
    m.as('m4').refuse({ type: 'motion.propose', motion: { kind: 'reopening', itemId: 'i2', reason: NEW_INFO } }, 'ITEM_ACTIVE', '§ 20, stk. 1');
  });
});

describe('deciding a motion', () => {
  it('the meeting is not closed over a pending motion: it is decided or withdrawn first', () => {
    const m = debating('i2');
    m.as('m3').do({ type: 'motion.propose', motion: { kind: 'postponement', reason: 'Sagen mangler en høring.' } });
    m.chair.refuse({ type: 'meeting.close' }, 'POSTPONEMENT_MOTION_PENDING', '§ 18, stk. 5');
    expect(m.state.meeting.status).toBe('open');
    m.as('m3').do({ type: 'motion.withdraw' });
    m.chair.do({ type: 'meeting.close' });
    expect(m.state.meeting.status).toBe('closed');
  });

  it('refuses a vote or declaration on a motion that is not pending', () => {
    const m = debating('i2');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'motion', motionId: 'm999' } }, 'NO_MOTION', '§ 18, stk. 4');
    m.chair.refuse({ type: 'declaration.make', point: 'x', subject: { kind: 'motion', motionId: 'm999' }, expected: 'adopted' }, 'NO_MOTION', '§ 18, stk. 4');
  });

  it('a secretariat terminal cannot propose', () => {
    const m = debating('i2');
    m.secretariat.refuse({ type: 'motion.propose', motion: REFERRAL }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
  });
});
