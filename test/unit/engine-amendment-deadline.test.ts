// § 25, stk. 3: for items with two readings the council may set a deadline for amendments;
// after it, amendments are refused. The chair enters the deadline (or the set-up carries it).
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0, debating, meeting, smallAgenda, smallChamber } from './helpers/meeting';

describe('§ 25, stk. 3 — amendment deadline', () => {
  it('before the deadline an amendment is accepted; after it, refused and nothing changes', () => {
    const m = debating('i4');
    const deadline = T0 + HOUR;
    m.chair.do({ type: 'item.setAmendmentDeadline', itemId: 'i4', deadline });
    expect(m.state.items.i4!.amendmentDeadline).toBe(deadline);
    const [mem] = m.present();
    m.at(deadline);
    m.as(mem!).do({ type: 'amendment.submit', text: 'Rettidigt' });
    expect(Object.values(m.state.amendments).map((a) => a.text)).toEqual(['Rettidigt']);
    m.at(deadline + 1);
    m.as(mem!).refuse({ type: 'amendment.submit', text: 'For sent' }, 'AMENDMENT_DEADLINE_PASSED', '§ 25, stk. 3');
    const parentId = Object.keys(m.state.amendments)[0]!;
    m.as(mem!).refuse({ type: 'amendment.submit', text: 'Underændring', parentId }, 'AMENDMENT_DEADLINE_PASSED', '§ 25, stk. 3');
  });

  it('accepts an ISO time with its offset, and null lifts the deadline', () => {
    const m = debating('i4');
    m.chair.do({ type: 'item.setAmendmentDeadline', itemId: 'i4', deadline: '2026-11-23T18:30:00+01:00' });
    expect(m.state.items.i4!.amendmentDeadline).toBe(T0 + 30 * MINUTE);
    m.advance(HOUR);
    const [mem] = m.present();
    m.as(mem!).refuse({ type: 'amendment.submit', text: 'For sent' }, 'AMENDMENT_DEADLINE_PASSED', '§ 25, stk. 3');
    m.chair.do({ type: 'item.setAmendmentDeadline', itemId: 'i4', deadline: null });
    expect(m.state.items.i4!.amendmentDeadline).toBeUndefined();
    m.as(mem!).do({ type: 'amendment.submit', text: 'Nu igen' });
  });

  it('only items with two readings take a deadline (§ 25, stk. 3 names them)', () => {
    const m = debating('i2');
    expect(m.state.items.i2!.readings).toBe(1);
    m.chair.refuse({ type: 'item.setAmendmentDeadline', itemId: 'i2', deadline: T0 }, 'DEADLINE_TWO_READINGS_ONLY', '§ 25, stk. 3');
    m.chair.refuse(
      { type: 'agenda.add', item: { id: 'u1', title: 'Lokalplan', text: '', kind: 'proposal', doors: 'open', amendmentDeadline: T0 } },
      'DEADLINE_TWO_READINGS_ONLY',
      '§ 25, stk. 3',
    );
    m.chair.do({ type: 'agenda.add', item: { id: 'u2', title: 'Lokalplan', text: '', kind: 'proposal', doors: 'open', readings: 2, amendmentDeadline: T0 } });
    expect(m.state.items.u2!.amendmentDeadline).toBe(T0);
    m.chair.refuse({ type: 'item.setAmendmentDeadline', itemId: 'zz', deadline: T0 }, 'UNKNOWN_ITEM', '§ 20');
  });

  it('only the acting chair sets it', () => {
    const m = debating('i4');
    const [mem] = m.present().filter((p) => p !== m.state.chair.acting);
    m.as(mem!).refuse({ type: 'item.setAmendmentDeadline', itemId: 'i4', deadline: T0 }, 'NOT_ACTING_CHAIR', '§ 18, stk. 1');
  });

  it('a deadline from the set-up holds from the start', () => {
    const setup = smallChamber(12);
    setup.agenda = smallAgenda().map((i) => (i.id === 'a3' ? { ...i, amendmentDeadline: T0 - MINUTE } : i));
    const m = meeting({ setup, config: { memberCount: 12 } });
    m.checkInAll();
    m.open();
    m.start('a3');
    const [mem] = m.present();
    m.as(mem!).refuse({ type: 'amendment.submit', text: 'For sent' }, 'AMENDMENT_DEADLINE_PASSED', '§ 25, stk. 3');
  });
});
