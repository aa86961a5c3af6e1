// Meeting, agenda and chair: §§ 1, 2, 7, 18 (stk. 2, 5), 20 and 26 of the standing orders.
import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { createState } from '../../shared/engine/state';
import { debating, meeting } from './helpers/meeting';

describe('§ 18, stk. 1 — the chair opens, suspends, resumes and closes the meeting', () => {
  it('opens once, records the time, and refuses a second opening', () => {
    const m = meeting();
    expect(m.state.meeting.status).toBe('planned');
    const ev = m.chair.do({ type: 'meeting.open' });
    expect(ev).toContainEqual({ type: 'meeting.opened' });
    expect(m.state.meeting).toMatchObject({ status: 'open', openedAt: m.now });
    m.chair.refuse({ type: 'meeting.open' }, 'MEETING_ALREADY_OPEN', '§ 18, stk. 1');
  });

  it('refuses business before the meeting is opened', () => {
    const m = meeting();
    m.checkInAll(30);
    m.chair.refuse({ type: 'item.start', itemId: 'i1' }, 'MEETING_NOT_OPEN', '§ 15');
    m.chair.refuse({ type: 'meeting.suspend' }, 'MEETING_NOT_OPEN', '§ 15');
  });

  it('suspends (no debate meanwhile) and resumes', () => {
    const m = debating('i2');
    m.chair.do({ type: 'meeting.suspend' });
    expect(m.state.meeting.status).toBe('suspended');
    m.as('m2').refuse({ type: 'floor.request' }, 'MEETING_NOT_OPEN', '§ 15');
    m.chair.refuse({ type: 'vote.open', point: 'x', subject: { kind: 'proposal' } }, 'MEETING_NOT_OPEN', '§ 15');
    m.chair.refuse({ type: 'meeting.suspend' }, 'MEETING_NOT_OPEN', '§ 15');
    m.chair.do({ type: 'meeting.resume' });
    expect(m.state.meeting.status).toBe('open');
    m.chair.refuse({ type: 'meeting.resume' }, 'MEETING_NOT_SUSPENDED', '§ 18, stk. 1');
    m.as('m2').do({ type: 'floor.request' });
  });

  it('neither suspends nor closes during a vote', () => {
    const m = debating('i2');
    m.openVote({ kind: 'proposal' });
    m.chair.refuse({ type: 'meeting.suspend' }, 'VOTE_OPEN', '§ 24, stk. 1');
    m.chair.refuse({ type: 'meeting.close' }, 'VOTE_OPEN', '§ 24, stk. 1');
  });

  it('closes: the absent members are named, and nothing reopens it', () => {
    const m = meeting();
    m.checkInAll(50);
    m.open();
    const ev = m.chair.do({ type: 'meeting.close' });
    expect(m.state.meeting).toMatchObject({ status: 'closed', closedAt: m.now });
    expect(ev[0]).toMatchObject({ type: 'meeting.closed', absent: ['m51', 'm52', 'm53', 'm54', 'm55'] });
    m.chair.refuse({ type: 'meeting.open' }, 'MEETING_CLOSED', '§ 7');
    m.chair.refuse({ type: 'meeting.close' }, 'MEETING_CLOSED', '§ 7');
    m.as('m51').refuse({ type: 'presence.checkIn' }, 'MEETING_CLOSED', '§ 7');
    m.chair.refuse({ type: 'item.start', itemId: 'i1' }, 'MEETING_CLOSED', '§ 7');
  });
});

describe('§ 1 — the chair may clear the gallery (the public display goes blank)', () => {
  it('blanks and restores the public display; only the chair may', () => {
    const m = debating('i1');
    m.chair.do({ type: 'gallery.blank', blank: true });
    expect(m.state.meeting.galleryBlank).toBe(true);
    m.as('m2').refuse({ type: 'gallery.blank', blank: false }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.chair.do({ type: 'gallery.blank', blank: false });
    expect(m.state.meeting.galleryBlank).toBe(false);
  });
});

describe('§ 7 — the meeting normally ends no later than 23:00', () => {
  const at19 = Date.UTC(2026, 10, 23, 18, 0); // 19:00 in Copenhagen (CET, UTC+1)
  const at2259 = Date.UTC(2026, 10, 23, 21, 59);
  const at2301 = Date.UTC(2026, 10, 23, 22, 1);

  it('warns once, with the first action after 23:00 Copenhagen time', () => {
    const m = meeting({ now: at19 });
    m.checkInAll(30);
    m.open();
    m.start('i1');
    m.at(at2259);
    expect(m.as('m2').do({ type: 'floor.request' })).not.toContainEqual({ type: 'meeting.lateWarning' });
    m.at(at2301);
    expect(m.as('m3').do({ type: 'floor.request' })).toContainEqual({ type: 'meeting.lateWarning' });
    expect(m.state.meeting.lateWarned).toBe(true);
    expect(m.as('m4').do({ type: 'floor.request' })).not.toContainEqual({ type: 'meeting.lateWarning' });
    expect(m.eventsOf('meeting.lateWarning')).toHaveLength(1);
  });

  it('the system tick carries the warning when nobody acts; before 23:00 nothing is due', () => {
    const m = meeting({ now: at19 });
    m.checkInAll(30);
    m.open();
    m.at(at2259);
    m.system.refuse({ type: 'clock.tick' }, 'NOTHING_DUE', '§ 7');
    m.at(at2301);
    expect(m.system.do({ type: 'clock.tick' })).toEqual([{ type: 'meeting.lateWarning' }]);
    m.system.refuse({ type: 'clock.tick' }, 'NOTHING_DUE', '§ 7');
    m.chair.refuse({ type: 'clock.tick' }, 'NOT_SYSTEM', '—');
  });

  it('uses summer time in summer (19:00 CEST is 17:00 UTC)', () => {
    const m = meeting({ now: Date.UTC(2026, 5, 10, 17, 0) });
    m.checkInAll(30);
    m.open();
    m.at(Date.UTC(2026, 5, 10, 20, 59));
    m.system.refuse({ type: 'clock.tick' }, 'NOTHING_DUE', '§ 7');
    m.at(Date.UTC(2026, 5, 10, 21, 0));
    expect(m.system.do({ type: 'clock.tick' })).toEqual([{ type: 'meeting.lateWarning' }]);
  });
});

describe('§ 2, stk. 6 — closed items go last on the agenda', () => {
  it('places closed items last when the meeting is created, numbering in that order', () => {
    const m = meeting();
    expect(m.state.agenda).toEqual(['i1', 'i2', 'i4', 'i5', 'i6', 'i3']);
    expect(m.state.agenda.map((id) => m.state.items[id]!.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('agenda.add puts an open item before the closed ones and a closed item last', () => {
    const m = meeting();
    m.chair.do({ type: 'agenda.add', item: { id: 'u1', title: 'Hastesag', text: '', kind: 'other', doors: 'open' } });
    expect(m.state.agenda).toEqual(['i1', 'i2', 'i4', 'i5', 'i6', 'u1', 'i3']);
    m.chair.do({
      type: 'agenda.add',
      item: { id: 'u2', title: 'Udbud', text: '', kind: 'other', doors: 'closed', closedReason: 'Udbud (§ 2, stk. 2)' },
    });
    expect(m.state.agenda).toEqual(['i1', 'i2', 'i4', 'i5', 'i6', 'u1', 'i3', 'u2']);
    expect(m.state.items.u2).toMatchObject({ number: 8, status: 'pending', doors: 'closed' });
  });

  it('agenda.add on an agenda with no closed item appends', () => {
    const setup = demoChamber().setup;
    setup.agenda = setup.agenda.filter((i) => i.doors === 'open');
    const m = meeting({ setup });
    m.chair.do({ type: 'agenda.add', item: { id: 'u1', title: 'Hastesag', text: '', kind: 'other', doors: 'open' } });
    expect(m.state.agenda.at(-1)).toBe('u1');
  });

  it('refuses a duplicate item id', () => {
    const m = meeting();
    m.chair.refuse({ type: 'agenda.add', item: { id: 'i1', title: 'x', text: '', kind: 'other', doors: 'open' } }, 'DUPLICATE_ITEM', '§ 9');
  });
});

describe('§ 2, stk. 4 — a closed item carries a written reason', () => {
  it('refuses a closed item without a reason, or with only blanks', () => {
    const m = meeting();
    const item = { id: 'u1', title: 'Personsag', text: '', kind: 'other' as const, doors: 'closed' as const };
    m.chair.refuse({ type: 'agenda.add', item }, 'CLOSED_REASON_REQUIRED', '§ 2, stk. 4');
    m.chair.refuse({ type: 'agenda.add', item: { ...item, closedReason: '   ' } }, 'CLOSED_REASON_REQUIRED', '§ 2, stk. 4');
    m.chair.do({ type: 'agenda.add', item: { ...item, closedReason: 'Personsag' } });
  });

  it('§ 20, stk. 2: moving an item behind closed doors needs a reason; opening it does not', () => {
    const m = meeting();
    m.chair.refuse({ type: 'item.setDoors', itemId: 'i2', doors: 'closed' }, 'CLOSED_REASON_REQUIRED', '§ 2, stk. 4');
    m.chair.do({ type: 'item.setDoors', itemId: 'i2', doors: 'closed', reason: 'Køb af fast ejendom' });
    expect(m.state.items.i2).toMatchObject({ doors: 'closed', closedReason: 'Køb af fast ejendom' });
    m.chair.do({ type: 'item.setDoors', itemId: 'i3', doors: 'open' });
    expect(m.state.items.i3!.doors).toBe('open');
    expect(m.state.items.i3!.closedReason).toBeUndefined();
    m.chair.refuse({ type: 'item.setDoors', itemId: 'nope', doors: 'open' }, 'UNKNOWN_ITEM', '§ 20');
  });
});

describe('§ 20, stk. 1 — the chair sets the order of the items', () => {
  it('reorders with a permutation of the agenda only', () => {
    const m = meeting();
    m.chair.refuse({ type: 'agenda.reorder', order: ['i1', 'i2'] }, 'BAD_ORDER', '§ 20, stk. 1');
    m.chair.refuse({ type: 'agenda.reorder', order: ['i1', 'i1', 'i4', 'i5', 'i6', 'i3'] }, 'BAD_ORDER', '§ 20, stk. 1');
    m.chair.refuse({ type: 'agenda.reorder', order: ['i1', 'i2', 'i4', 'i5', 'i6', 'x'] }, 'BAD_ORDER', '§ 20, stk. 1');
    m.chair.do({ type: 'agenda.reorder', order: ['i2', 'i1', 'i5', 'i4', 'i6', 'i3'] });
    expect(m.state.agenda).toEqual(['i2', 'i1', 'i5', 'i4', 'i6', 'i3']);
  });

  it('§ 2, stk. 6: a closed item before an open one needs the chair’s reason, which is logged', () => {
    const m = meeting();
    const order = ['i3', 'i1', 'i2', 'i4', 'i5', 'i6'];
    m.chair.refuse({ type: 'agenda.reorder', order }, 'CLOSED_NOT_LAST', '§ 2, stk. 6');
    m.chair.refuse({ type: 'agenda.reorder', order, reason: '  ' }, 'CLOSED_NOT_LAST', '§ 2, stk. 6');
    m.chair.do({ type: 'agenda.reorder', order, reason: 'Direktøren skal gå kl. 18' });
    expect(m.state.agenda).toEqual(order);
    expect(m.state.log.at(-1)!.text).toContain('Direktøren skal gå kl. 18');
  });

  it('only the acting chair sets the order', () => {
    const m = meeting();
    m.checkInAll(30);
    m.chairAs('m1').refuse({ type: 'agenda.reorder', order: [...m.state.agenda] }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.as('m1').refuse({ type: 'agenda.reorder', order: [...m.state.agenda] }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
  });
});

describe('§ 20, stk. 1 — six members may demand that the council decides the order', () => {
  const wanted = ['i5', 'i1', 'i2', 'i4', 'i6', 'i3'];

  it('five demands leave the order to the chair; the sixth blocks a direct reorder', () => {
    const m = meeting();
    m.checkInAll(55);
    m.open();
    for (const p of ['m2', 'm3', 'm14', 'm15', 'm24']) m.as(p).do({ type: 'agenda.demandOrderVote' });
    m.as('m2').refuse({ type: 'agenda.demandOrderVote' }, 'ALREADY_DEMANDED', '§ 20, stk. 1');
    m.chair.do({ type: 'agenda.reorder', order: ['i2', 'i1', 'i4', 'i5', 'i6', 'i3'] });
    const ev = m.as('m31').do({ type: 'agenda.demandOrderVote' });
    expect(ev).toContainEqual({ type: 'demand', kind: 'agendaOrder', count: 6 });
    m.chair.refuse({ type: 'agenda.reorder', order: wanted }, 'ORDER_VOTE_DEMANDED', '§ 20, stk. 1');
  });

  it('the agendaOrder vote decides; adopted, the order applies and the demands lapse', () => {
    const m = meeting();
    const all = m.checkInAll(55);
    m.open();
    for (const p of all.slice(0, 6)) m.as(p).do({ type: 'agenda.demandOrderVote' });
    m.chair.refuse(
      { type: 'vote.open', point: 'Rækkefølge', subject: { kind: 'agendaOrder', order: ['i5', 'i1'] } },
      'BAD_ORDER',
      '§ 20, stk. 1',
    );
    const v = m.decide({ kind: 'agendaOrder', order: wanted }, all.slice(0, 30), all.slice(30, 40));
    expect(v.result).toMatchObject({ adopted: true, for: 30, against: 10 });
    expect(m.state.agenda).toEqual(wanted);
    expect(m.state.demands.agendaOrder).toEqual([]);
    m.chair.do({ type: 'agenda.reorder', order: ['i1', 'i5', 'i2', 'i4', 'i6', 'i3'] });
  });

  it('rejected, the agenda stays as it was', () => {
    const m = meeting();
    const all = m.checkInAll(55);
    m.open();
    for (const p of all.slice(0, 6)) m.as(p).do({ type: 'agenda.demandOrderVote' });
    const before = [...m.state.agenda];
    const v = m.decide({ kind: 'agendaOrder', order: wanted }, all.slice(0, 10), all.slice(10, 40));
    expect(v.result!.adopted).toBe(false);
    expect(m.state.agenda).toEqual(before);
    expect(m.state.demands.agendaOrder).toEqual([]);
  });
});

describe('§ 20 — items are taken one at a time', () => {
  it('starts a pending item; refuses another while one is active, unknown or finished items', () => {
    const m = debating('i2');
    expect(m.state.currentItem).toBe('i2');
    expect(m.item.status).toBe('active');
    m.chair.refuse({ type: 'item.start', itemId: 'i1' }, 'ITEM_ACTIVE', '§ 20, stk. 1');
    m.finish();
    expect(m.state.items.i2!.status).toBe('done');
    expect(m.state.currentItem).toBeNull();
    m.chair.refuse({ type: 'item.start', itemId: 'nope' }, 'UNKNOWN_ITEM', '§ 20');
    m.chair.refuse({ type: 'item.start', itemId: 'i2' }, 'ITEM_NOT_PENDING', '§ 20, stk. 3');
    m.chair.refuse({ type: 'item.finish' }, 'NO_CURRENT_ITEM', '§ 20, stk. 1');
    m.start('i1');
  });

  it('the chair may depart from the agenda order (§ 20, stk. 1)', () => {
    const m = meeting();
    m.checkInAll(30);
    m.open();
    m.start('i6');
    expect(m.state.currentItem).toBe('i6');
  });

  it('does not finish an item during a vote or a pending declaration', () => {
    const m = debating('i2');
    m.openVote({ kind: 'proposal' });
    m.chair.refuse({ type: 'item.finish' }, 'VOTE_OPEN', '§ 24, stk. 1');
    m.closeVote();
    m.chair.do({ type: 'declaration.make', point: 'Udsættelse', subject: { kind: 'postpone' }, expected: 'rejected' });
    m.chair.refuse({ type: 'item.finish' }, 'DECLARATION_PENDING', '§ 24, stk. 4');
  });
});

describe('§ 18, stk. 5 — the debate on an item may be postponed', () => {
  it('on the chair’s or a member’s proposal: recorded, and the item can be taken up later', () => {
    const m = debating('i2');
    m.request('m2', 'm14');
    m.chair.refuse({ type: 'item.postpone', proposedBy: 'ghost' }, 'UNKNOWN_PERSON', '§ 17');
    m.chair.do({ type: 'item.postpone', proposedBy: 'm14' });
    expect(m.state.items.i2!.status).toBe('postponed');
    expect(m.state.currentItem).toBeNull();
    const entry = m.state.record.at(-1)!;
    expect(entry).toMatchObject({ kind: 'postponement', itemId: 'i2', outcome: 'postponed' });
    expect(entry.point).toContain(m.state.persons.m14!.name);
    m.start('i2');
    expect(m.state.items.i2!.status).toBe('active');
  });

  it('by a council vote on a postponement', () => {
    const m = debating('i5');
    const all = m.members;
    const v = m.decide({ kind: 'postpone' }, all.slice(0, 30));
    expect(v.result!.adopted).toBe(true);
    expect(m.state.items.i5!.status).toBe('postponed');
    expect(m.state.currentItem).toBeNull();
  });

  it('refuses without an item, during a vote, or with a declaration pending', () => {
    const m = meeting();
    m.checkInAll(30);
    m.open();
    m.chair.refuse({ type: 'item.postpone' }, 'NO_CURRENT_ITEM', '§ 20, stk. 1');
    m.start('i2');
    m.openVote({ kind: 'proposal' });
    m.chair.refuse({ type: 'item.postpone' }, 'VOTE_OPEN', '§ 24, stk. 1');
    m.closeVote();
    m.chair.do({ type: 'declaration.make', point: 'Lukning', subject: { kind: 'closure' }, expected: 'adopted' });
    m.chair.refuse({ type: 'item.postpone' }, 'DECLARATION_PENDING', '§ 24, stk. 4');
  });
});

describe('§ 26 — referral to a committee', () => {
  it('without a demand for a vote, the chair refers the item', () => {
    const m = debating('i5');
    const ev = m.chair.do({ type: 'item.refer', committee: 'Teknik- og Miljøudvalget' });
    expect(ev).toContainEqual({ type: 'declaration.made', subject: 'referral' });
    expect(m.state.declaration).toMatchObject({ subject: { kind: 'referral', committee: 'Teknik- og Miljøudvalget' }, demands: [] });
    m.chair.refuse({ type: 'item.refer', committee: 'Økonomiudvalget' }, 'DECLARATION_PENDING', '§ 24, stk. 4');
    m.chair.do({ type: 'declaration.confirm' });
    expect(m.state.items.i5).toMatchObject({ status: 'referred', referredTo: 'Teknik- og Miljøudvalget' });
    expect(m.state.currentItem).toBeNull();
    expect(m.state.record.at(-1)).toMatchObject({ kind: 'referral', outcome: 'referred', mode: 'declaration' });
  });

  it('a member’s demand forces a vote; the council decides', () => {
    const m = debating('i5');
    const all = m.members;
    m.chair.do({ type: 'item.refer', committee: 'Teknik- og Miljøudvalget' });
    m.as('m40').do({ type: 'declaration.demandVote' });
    m.chair.refuse({ type: 'declaration.confirm' }, 'VOTE_DEMANDED', '§ 24, stk. 4');
    m.chair.refuse({ type: 'vote.open', point: 'Forslaget', subject: { kind: 'proposal' } }, 'DECLARATION_PENDING', '§ 24, stk. 4');
    m.openVote({ kind: 'referral', committee: 'Teknik- og Miljøudvalget' }, 'Henvisning');
    expect(m.state.declaration).toBeNull();
    for (const p of all.slice(0, 20)) m.as(p).do({ type: 'vote.cast', choice: 'for' });
    for (const p of all.slice(20, 45)) m.as(p).do({ type: 'vote.cast', choice: 'against' });
    const v = m.closeVote();
    expect(v.result).toMatchObject({ adopted: false, for: 20, against: 25 });
    expect(m.state.items.i5!.status).toBe('active');
    const v2 = m.decide({ kind: 'referral', committee: 'Økonomiudvalget' }, all.slice(0, 40));
    expect(v2.result!.adopted).toBe(true);
    expect(m.state.items.i5).toMatchObject({ status: 'referred', referredTo: 'Økonomiudvalget' });
  });
});

describe('§ 20, stk. 3 — a finished item is reopened only on decisive new information', () => {
  it('refuses without new information, refuses items not finished, reopens with a stated reason', () => {
    const m = debating('i2');
    m.finish();
    m.chair.refuse({ type: 'item.reopen', itemId: 'i2', reason: '' }, 'REOPEN_NEEDS_NEW_INFO', '§ 20, stk. 3');
    m.chair.refuse({ type: 'item.reopen', itemId: 'i2', reason: 'ny info' }, 'REOPEN_NEEDS_NEW_INFO', '§ 20, stk. 3');
    m.chair.refuse({ type: 'item.reopen', itemId: 'i1', reason: 'Ny vurdering fra Kammeradvokaten' }, 'ITEM_NOT_FINISHED', '§ 20, stk. 3');
    m.chair.refuse({ type: 'item.reopen', itemId: 'zz', reason: 'Ny vurdering fra Kammeradvokaten' }, 'UNKNOWN_ITEM', '§ 20');
    m.chair.do({ type: 'item.reopen', itemId: 'i2', reason: 'Ny vurdering fra Kammeradvokaten' });
    expect(m.state.currentItem).toBe('i2');
    expect(m.item.status).toBe('active');
    expect(m.state.log.at(-1)!.text).toContain('Kammeradvokaten');
  });

  it('does not reopen while another item is active', () => {
    const m = debating('i2');
    m.finish();
    m.start('i1');
    m.chair.refuse({ type: 'item.reopen', itemId: 'i2', reason: 'Ny vurdering fra Kammeradvokaten' }, 'ITEM_ACTIVE', '§ 20, stk. 1');
  });
});

describe('§ 18, stk. 2 — the chair, the vice-chairs and a temporary chair', () => {
  // Demo chamber: chair m13 (A), 1st vice m1 (Ø), 2nd vice m23 (C).
  const [CHAIR, VICE1, VICE2] = ['m13', 'm1', 'm23'] as const;

  it('the demo chair line is chair, 1st and 2nd vice-chair', () => {
    const m = meeting();
    expect(m.chairLine).toEqual([CHAIR, VICE1, VICE2]);
    expect(m.state.chair.acting).toBe(CHAIR);
  });

  it('only the acting chair may use chair actions', () => {
    const m = debating('i2');
    m.request('m2');
    m.chairAs(VICE1).refuse({ type: 'floor.give' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.chairAs('m40').refuse({ type: 'vote.open', point: 'x', subject: { kind: 'proposal' } }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.as('m2').refuse({ type: 'floor.give' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.secretariat.refuse({ type: 'meeting.close' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.system.refuse({ type: 'item.finish' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.chairAs(CHAIR).do({ type: 'floor.give' });
  });

  it('hands over to a present vice-chair, who then holds the chair’s powers alone', () => {
    const m = debating('i2');
    m.chair.refuse({ type: 'chair.handOver', to: 'm40' }, 'NOT_IN_CHAIR_LINE', '§ 18, stk. 2');
    m.chair.do({ type: 'chair.handOver', to: VICE1 });
    expect(m.state.chair.acting).toBe(VICE1);
    m.chairAs(CHAIR).refuse({ type: 'item.finish' }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
    m.chairAs(VICE1).do({ type: 'item.finish' });
  });

  it('does not hand over to an absent vice-chair', () => {
    const m = meeting();
    m.checkIn(CHAIR, VICE1, ...m.members.slice(30));
    m.open();
    m.chair.refuse({ type: 'chair.handOver', to: VICE2 }, 'CHAIR_NOT_PRESENT', '§ 18, stk. 2');
  });

  it('the 1st vice-chair assumes the chair when the chair is absent, not when present', () => {
    const m = meeting();
    m.checkIn(...m.members.filter((p) => p !== CHAIR));
    m.chairAs(VICE2).refuse({ type: 'chair.assume' }, 'CHAIR_PRESENT_BEFORE', '§ 18, stk. 2');
    m.chairAs('m40').refuse({ type: 'chair.assume' }, 'NOT_IN_CHAIR_LINE', '§ 18, stk. 2');
    m.chairAs(VICE1).do({ type: 'chair.assume' });
    expect(m.state.chair.acting).toBe(VICE1);
    m.open();
    // The chair arrives: the 1st vice may not take it back, the chair may.
    m.checkIn(CHAIR);
    m.chair.do({ type: 'chair.handOver', to: VICE2 });
    m.chairAs(VICE1).refuse({ type: 'chair.assume' }, 'CHAIR_PRESENT_BEFORE', '§ 18, stk. 2');
    m.chairAs(CHAIR).do({ type: 'chair.assume' });
    expect(m.state.chair.acting).toBe(CHAIR);
  });

  it('a vice-chair who is absent cannot assume the chair', () => {
    const m = meeting();
    m.checkIn(...m.members.slice(30));
    m.chairAs(VICE1).refuse({ type: 'chair.assume' }, 'CHAIR_NOT_PRESENT', '§ 18, stk. 2');
  });

  it('the 2nd vice-chair assumes only when chair and 1st vice are both absent', () => {
    const m = meeting();
    m.checkIn(VICE1, VICE2, ...m.members.slice(30));
    m.chairAs(VICE2).refuse({ type: 'chair.assume' }, 'CHAIR_PRESENT_BEFORE', '§ 18, stk. 2');
    m.checkOut(VICE1);
    m.chairAs(VICE2).do({ type: 'chair.assume' });
    expect(m.state.chair.acting).toBe(VICE2);
  });

  it('a temporary chair is appointed by the secretariat only when none of the line is present', () => {
    const m = meeting();
    const others = m.members.filter((p) => ![CHAIR, VICE1, VICE2].includes(p as never));
    m.checkIn(VICE2, ...others);
    m.secretariat.refuse({ type: 'chair.appointTemporary', personId: 'm40' }, 'CHAIR_LINE_PRESENT', '§ 18, stk. 2');
    m.checkOut(VICE2);
    m.chair.refuse({ type: 'chair.appointTemporary', personId: 'm40' }, 'NOT_SECRETARIAT', '§ 8');
    m.as('m40').refuse({ type: 'chair.appointTemporary', personId: 'm40' }, 'NOT_SECRETARIAT', '§ 8');
    m.secretariat.refuse({ type: 'chair.appointTemporary', personId: 'sub1' }, 'UNKNOWN_PERSON', '§ 17');
    m.secretariat.refuse({ type: 'chair.appointTemporary', personId: CHAIR }, 'CHAIR_NOT_PRESENT', '§ 18, stk. 2');
    m.secretariat.do({ type: 'chair.appointTemporary', personId: 'm40' });
    expect(m.state.chair).toMatchObject({ acting: 'm40', temporary: 'm40' });
    m.open();
    expect(m.state.meeting.status).toBe('open');
    // The 1st vice-chair arrives and takes over from the temporary chair.
    m.checkIn(VICE1);
    m.chairAs(VICE1).do({ type: 'chair.assume' });
    expect(m.state.chair.acting).toBe(VICE1);
  });
});

describe('createState — the meeting as it starts', () => {
  it('is planned, version 0, nothing present, the chair line’s first acting', () => {
    const s = createState(demoChamber().setup);
    expect(s).toMatchObject({ version: 0, presence: {}, currentItem: null, activeVote: null });
    expect(s.chair.acting).toBe('m13');
    expect(Object.keys(s.persons)).toHaveLength(59);
  });

  it('takes the config partial (speaking time merged with defaults)', () => {
    const s = createState(demoChamber().setup, { speakingTime: { firstSeconds: 200, laterSeconds: 60 }, memberCount: 55 });
    expect(s.config.speakingTime).toEqual({ firstSeconds: 200, laterSeconds: 60 });
    expect(s.config.quorumShare).toBe(0.5);
  });
});
