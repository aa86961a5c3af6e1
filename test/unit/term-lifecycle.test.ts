import { describe, expect, it } from 'vitest';
import {
  activationRefusal,
  extraordinaryDemandMet,
  meetingStart,
  noticeShort,
  publicationRefusal,
  secondReadingFrom,
  TERM_REFUSALS,
  urgentWithoutReason,
  validDate,
  weekdaysOfNotice,
} from '../../shared/term/lifecycle';
import { defaultConfig } from '../../shared/config';
import { DAY, HOUR, smallChamber, T0, TestMeeting } from './helpers/meeting';

// Issue #14, item 1: the rules of a meeting's life around the engine, pure.
describe('the council term’s rules (shared/term/lifecycle.ts)', () => {
  it('every refusal names its paragraph and reads in both languages', () => {
    for (const [code, [paragraph, da, en]] of Object.entries(TERM_REFUSALS)) {
      expect(paragraph, code).toMatch(/^(§ \d+(, stk\. \d+)?|—)$/);
      expect(da.length && en.length, code).toBeGreaterThan(0);
    }
  });

  it('one meeting live at a time: the live one gives way once closed, or when nothing happened in it', () => {
    const planned = { status: 'planned' as const, live: false };
    expect(activationRefusal(planned, { status: 'open', events: 10 })?.code).toBe('MEETING_LIVE_BUSY');
    expect(activationRefusal(planned, { status: 'planned', events: 3 })?.code).toBe('MEETING_LIVE_BUSY');
    expect(activationRefusal(planned, { status: 'planned', events: 0 })).toBeNull();
    expect(activationRefusal(planned, { status: 'closed', events: 90 })).toBeNull();
    expect(activationRefusal(planned, { status: 'published', events: 90 })).toBeNull();
    expect(activationRefusal({ status: 'closed', live: false }, null)?.code).toBe('MEETING_NOT_PLANNED');
    expect(activationRefusal({ status: 'planned', live: true }, null)?.code).toBe('MEETING_ALREADY_LIVE');
  });

  it('§ 29, stk. 4: published once signed, and once only', () => {
    expect(publicationRefusal('closed')?.code).toBe('RECORD_NOT_SIGNED');
    expect(publicationRefusal('open')?.paragraph).toBe('§ 29, stk. 4');
    expect(publicationRefusal('signed')).toBeNull();
    expect(publicationRefusal('published')?.code).toBe('ALREADY_PUBLISHED');
  });

  it('§ 9: four weekdays of notice, weekends not counted; short notice makes every new item urgent', () => {
    const tz = 'Europe/Copenhagen';
    // Sent Monday 30 Nov 2026 at noon: Tue–Fri are four weekdays before Monday 7 Dec.
    const monday = Date.UTC(2026, 10, 30, 11);
    expect(weekdaysOfNotice(monday, '2026-12-07', tz)).toBe(4);
    expect(noticeShort(monday, '2026-12-07', tz)).toBe(false);
    expect(noticeShort(monday, '2026-12-04', tz)).toBe(true);
    // Sent Thursday: Fri, Mon, Tue, Wed before the next Thursday.
    expect(weekdaysOfNotice(Date.UTC(2026, 11, 3, 9), '2026-12-10', tz)).toBe(4);
    expect(noticeShort(null, '2027-01-01', tz)).toBe(true);
    const agenda = [
      { id: 'a', title: 'A', text: '', kind: 'proposal' as const, doors: 'open' as const },
      { id: 'b', title: 'B', text: '', kind: 'proposal' as const, doors: 'open' as const, urgentReason: 'Frist.' },
      { id: 'c', title: 'C', text: '', kind: 'budget' as const, doors: 'open' as const, carriedFrom: { meetingId: 'm1', itemId: 'c' } },
    ];
    expect(urgentWithoutReason(agenda, true).map((i) => i.id)).toEqual(['a']);
    expect(urgentWithoutReason(agenda, false)).toEqual([]);
  });

  it('§ 4, stk. 5: a third of the members, each counted once', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
    expect(extraordinaryDemandMet(ids(19), 55)).toBe(true);
    expect(extraordinaryDemandMet(ids(18), 55)).toBe(false);
    expect(extraordinaryDemandMet([...ids(18), 'm0'], 55)).toBe(false);
    expect(extraordinaryDemandMet(ids(11), 31)).toBe(true);
  });

  it('dates: valid calendar days only; a meeting starts at its local time in the chamber’s zone', () => {
    expect(validDate('2027-02-28', '17:00')).toBe(true);
    expect(validDate('2027-02-29', '17:00')).toBe(false);
    expect(validDate('2027-02-28', '24:00')).toBe(false);
    expect(validDate('28-02-2027', '17:00')).toBe(false);
    expect(new Date(meetingStart('2027-01-14', '17:00', 'Europe/Copenhagen')).toISOString()).toBe('2027-01-14T16:00:00.000Z');
    expect(new Date(meetingStart('2027-06-14', '17:00', 'Europe/Copenhagen')).toISOString()).toBe('2027-06-14T15:00:00.000Z');
  });

  it('§ 21, stk. 2: 24 hours between readings, three weeks for the budget', () => {
    expect(secondReadingFrom(T0, 'proposal', defaultConfig) - T0).toBe(24 * HOUR);
    expect(secondReadingFrom(T0, 'budget', defaultConfig) - T0).toBe(21 * DAY);
  });

  it('an item moved from an earlier meeting awaits its second reading, refused before the gap (§ 21, stk. 2)', () => {
    const setup = smallChamber();
    setup.agenda = [{ id: 'b', title: 'Budget', text: '', kind: 'budget', doors: 'open', firstReadingHeldAt: T0 - 20 * DAY, carriedFrom: { meetingId: 'm1', itemId: 'b' } }];
    const m = new TestMeeting({ setup });
    expect(m.state.items.b).toMatchObject({ status: 'awaitingSecondReading', readings: 2, reading: 1, firstReadingAt: T0 - 20 * DAY });
    m.checkInAll();
    m.chair.do({ type: 'meeting.open' });
    m.chair.refuse({ type: 'item.start', itemId: 'b' }, 'READING_GAP', '§ 21, stk. 2');
    m.advance(DAY);
    m.chair.do({ type: 'item.start', itemId: 'b' });
    expect(m.state.items.b).toMatchObject({ status: 'active', reading: 2 });
  });
});
