// The speech index and speaking time (issue #15, item 4): § 19 speeches with their start and
// end, items under debate and votes, and §§ 2–3: a closed item only as its number in public.
import { describe, expect, it } from 'vitest';
import { styledName } from '../../shared/names';
import { buildRecord } from '../../shared/record/build';
import { recordHtml } from '../../shared/record/html';
import { formatDuration, speakingStats } from '../../shared/record/speaking';
import { buildTimeline, chapters, chaptersVtt, timelineJson, vttTime } from '../../shared/record/timeline';
import { MINUTE, SECOND, T0, meeting, type TestMeeting } from './helpers/meeting';

// Demo chamber: Ø m1–m12, A m13–m22, C m23–m30; independents m54, m55 (LG). Agenda numbers
// (closed items last, § 2, stk. 6): i1 1, i2 2, i4 3, i5 4, i6 5, i3 (closed) 6.

/** Gives the floor to the head of the list, lets `ms` pass, then ends it the way `end` says. */
function speech(m: TestMeeting, ms: number, end: 'chair' | 'yield' | 'none' = 'chair'): string {
  const who = m.chair.do({ type: 'floor.give' }).find((e) => e.type === 'floor.given')!.personId as string;
  m.advance(ms);
  if (end === 'chair') m.chair.do({ type: 'floor.end' });
  if (end === 'yield') m.as(who).do({ type: 'floor.yield' });
  return who;
}

/**
 * Opens at T0; item 2 from T0+1 min: m2 (Ø) 90 s, m14 (A) 60 s (yields), m2 again 30 s, a vote
 * of 20 s; then the closed item 6: m24 (C) 45 s and a vote; then item 3 (i4), where the
 * independent m54 speaks 15 s and the chair ends the speech; item 3 is still under debate.
 */
function played() {
  const m = meeting();
  m.checkInAll();
  m.open();
  m.advance(MINUTE).start('i2');
  m.request('m2', 'm14');
  m.advance(MINUTE);
  speech(m, 90 * SECOND);
  speech(m, 60 * SECOND, 'yield');
  m.request('m2');
  speech(m, 30 * SECOND);
  m.advance(10 * SECOND);
  m.openVote({ kind: 'proposal' }, 'Cykelstien anlægges');
  m.cast({ m1: 'for', m2: 'for', m14: 'against' });
  m.advance(20 * SECOND);
  m.closeVote();
  m.advance(SECOND).finish();
  m.advance(MINUTE).start('i3');
  m.request('m24');
  speech(m, 45 * SECOND);
  m.openVote({ kind: 'proposal' }, 'Ejendommen sælges');
  m.cast({ m1: 'for' });
  m.advance(5 * SECOND);
  m.closeVote();
  m.finish();
  m.advance(MINUTE).start('i4');
  m.request('m54');
  speech(m, 15 * SECOND);
  return m;
}

describe('§ 19 — every speech with its start, end, speaker, group and first or later', () => {
  it('the timeline holds the item’s periods, its speeches in order and the vote’s opening and close', () => {
    const m = played();
    const t = buildTimeline(m.state, 'members');
    expect(t.openedAt).toBe(T0);
    expect(t.items.map((i) => i.number)).toEqual([2, 6, 3]);
    const i2 = t.items[0]!;
    if (i2.closed) throw new Error('item 2 is open');
    const start = T0 + MINUTE;
    expect(i2.periods).toEqual([{ start, end: start + MINUTE + 190 * SECOND + 20 * SECOND + SECOND }]);
    expect(i2.speeches.map((s) => [s.person.id, s.person.group, s.first, s.start - start, s.end! - s.start])).toEqual([
      ['m2', 'Ø', true, MINUTE, 90 * SECOND],
      ['m14', 'A', true, MINUTE + 90 * SECOND, 60 * SECOND],
      ['m2', 'Ø', false, MINUTE + 150 * SECOND, 30 * SECOND],
    ]);
    expect(i2.votes).toHaveLength(1);
    const v = i2.votes[0]!;
    expect(v.closedAt! - v.openedAt).toBe(20 * SECOND);
    expect(v.result).toEqual({ adopted: true, for: 2, against: 1, abstain: 0 });
    // The independent is a group of one (§ 19, stk. 2).
    const i4 = t.items[2]!;
    if (i4.closed) throw new Error('item 3 is open');
    expect(i4.speeches[0]!.groupKey).toBe('solo:m54');
    expect(i4.periods[0]!.end).toBeNull();
  });

  it('a speech ends when the item is left or the meeting closes, and its time is kept', () => {
    const m = played();
    m.request('m55');
    m.chair.do({ type: 'floor.give' });
    m.advance(7 * SECOND);
    m.chair.do({ type: 'meeting.close' });
    const item = m.state.items.i4!;
    expect(item.debate.speaking).toBeNull();
    expect(item.speeches.at(-1)).toMatchObject({ personId: 'm55', endedAt: m.now });
    expect(item.periods).toEqual([{ from: m.state.meeting.closedAt! - 22 * SECOND, to: m.state.meeting.closedAt }]);
  });

  it('§ 21: a second reading starts a new speaker list, and the first reading’s speeches are kept', () => {
    const m = meeting({ config: { budgetReadingGapDays: 0 } });
    m.checkInAll();
    m.open();
    m.start('i4');
    m.request('m1');
    speech(m, 20 * SECOND);
    m.decide({ kind: 'reading' }, m.members.slice(0, 30));
    expect(m.state.items.i4!.status).toBe('awaitingSecondReading');
    m.advance(MINUTE).start('i4');
    expect(m.item.debate.spoken).toEqual([]);
    m.request('m1');
    speech(m, 10 * SECOND);
    expect(m.item.speeches.map((x) => [x.personId, x.reading, x.first])).toEqual([
      ['m1', 1, true],
      ['m1', 2, true],
    ]);
    const t = buildTimeline(m.state, 'public');
    expect(t.items).toHaveLength(1);
    expect(t.items[0]!.periods).toHaveLength(2);
    expect(speakingStats(m.state, { audience: 'public' }).meeting.byPerson).toEqual([
      expect.objectContaining({ ms: 30 * SECOND, speeches: 2 }),
    ]);
  });

  it('a reopened item (§ 20, stk. 3) gets a second period', () => {
    const m = played();
    m.finish();
    m.advance(MINUTE);
    m.chair.do({ type: 'item.reopen', itemId: 'i2', reason: 'Nye oplysninger fra forvaltningen' });
    const t = buildTimeline(m.state, 'public');
    const i2 = t.items.find((i) => i.number === 2)!;
    expect(i2.periods).toHaveLength(2);
    expect(i2.periods[1]).toEqual({ start: m.now, end: null });
  });
});

describe('§ 19 — speaking time per member and group, per item and meeting', () => {
  it('members’ statistics count every item; the groups and speakers are ordered by time', () => {
    const m = played();
    const st = speakingStats(m.state, { audience: 'members' });
    expect(st.meeting.ms).toBe((90 + 60 + 30 + 45 + 15) * SECOND);
    expect(st.meeting.speeches).toBe(5);
    expect(st.meeting.byPerson.map((p) => [p.person.id, p.ms, p.speeches])).toEqual([
      ['m2', 120 * SECOND, 2],
      ['m14', 60 * SECOND, 1],
      ['m24', 45 * SECOND, 1],
      ['m54', 15 * SECOND, 1],
    ]);
    expect(st.meeting.byGroup.map((g) => [g.key, g.group, g.ms])).toEqual([
      ['group:Ø', 'Ø', 120 * SECOND],
      ['group:A', 'A', 60 * SECOND],
      ['group:C', 'C', 45 * SECOND],
      ['solo:m54', 'LG', 15 * SECOND],
    ]);
    expect(st.meeting.byGroup[3]!.person?.id).toBe('m54');
    expect(st.items.map((i) => [i.number, i.ms, i.closed])).toEqual([
      [2, 180 * SECOND, false],
      [3, 15 * SECOND, false],
      [6, 45 * SECOND, true],
    ]);
  });

  it('§§ 2–3: the public statistics leave the closed item out, totals included', () => {
    const m = played();
    const st = speakingStats(m.state, { audience: 'public' });
    expect(st.meeting.ms).toBe((90 + 60 + 30 + 15) * SECOND);
    expect(st.items.map((i) => i.number)).toEqual([2, 3]);
    expect(st.meeting.byPerson.some((p) => p.person.id === 'm24')).toBe(false);
  });

  it('a speech going on counts up to the console’s clock, and not at all without one', () => {
    const m = played();
    m.request('m13');
    m.chair.do({ type: 'floor.give' });
    m.advance(12 * SECOND);
    const live = speakingStats(m.state, { audience: 'members', now: m.now });
    expect(live.ongoing).toBe(true);
    expect(live.items.find((i) => i.number === 3)!.ms).toBe(27 * SECOND);
    const record = speakingStats(m.state, { audience: 'members' });
    expect(record.items.find((i) => i.number === 3)!.ms).toBe(15 * SECOND);
  });

  it('the record carries the statistics in JSON and as a section of the HTML in both languages', () => {
    const m = played();
    const pub = buildRecord(m.state, { audience: 'public' });
    expect(pub.speaking?.meeting.ms).toBe(195 * SECOND);
    const da = recordHtml(pub, { lang: 'da' });
    expect(da).toContain('Taletid (§ 19)');
    expect(da).toContain(`${formatDuration(120 * SECOND)}`);
    expect(da).toContain('Lukkede punkter tælles ikke med');
    expect(da).not.toContain(m.state.persons.m24!.name);
    const en = recordHtml(buildRecord(m.state, { audience: 'members' }), { lang: 'en' });
    expect(en).toContain('Speaking time (§ 19)');
    expect(en).toContain(m.state.persons.m24!.name);
    expect(formatDuration(3 * 3600 * SECOND + 62 * SECOND)).toBe('3:01:02');
  });
});

describe('§§ 2–3 — the public timeline shows a closed item only as its number', () => {
  it('no title, speaker, vote or decision of the closed item in the public timeline or chapters', () => {
    const m = played();
    const pub = buildTimeline(m.state, 'public');
    expect(pub.items[1]).toEqual({ closed: true, number: 6, periods: [{ start: expect.any(Number), end: expect.any(Number) }] });
    const text = JSON.stringify(timelineJson(pub)) + chapters(pub, 'da', m.now).map((c) => c.text).join('\n');
    for (const secret of ['Salg af ejendommen', 'Ejendommen sælges', m.state.persons.m24!.name, 'i3']) expect(text).not.toContain(secret);
    expect(chapters(pub, 'da', m.now).some((c) => c.text === 'Punkt 6: Lukket punkt')).toBe(true);
    expect(chapters(pub, 'en', m.now).some((c) => c.text === 'Item 6: Closed item')).toBe(true);
    // The members' timeline has it in full.
    const members = JSON.stringify(buildTimeline(m.state, 'members'));
    expect(members).toContain('Ejendommen sælges');
    expect(members).toContain('m24');
  });
});

describe('WebVTT chapters', () => {
  it('in order, without overlap, each stretch named by the innermost speech, vote or item', () => {
    const m = played();
    const list = chapters(buildTimeline(m.state, 'public'), 'da', m.now);
    for (let i = 0; i < list.length; i++) {
      expect(list[i]!.end).toBeGreaterThan(list[i]!.start);
      if (i) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
    }
    // § 19, stk. 4: m2 is one of the demo's mayors, named with the title.
    const name = styledName(m.state.persons.m2!);
    expect(list.map((c) => c.text)).toEqual([
      'Borgerrepræsentationens møde',
      'Punkt 2: Cykelsti på Nørrebrogade',
      `Punkt 2: ${name} (Ø) – 1. indlæg`,
      `Punkt 2: ${styledName(m.state.persons.m14!)} (A) – 1. indlæg`,
      `Punkt 2: ${name} (Ø) – senere indlæg`,
      'Punkt 2: Cykelsti på Nørrebrogade',
      'Punkt 2: Afstemning: Cykelstien anlægges – vedtaget (2 for, 1 imod, 0 hverken for eller imod)',
      'Punkt 2: Cykelsti på Nørrebrogade',
      'Borgerrepræsentationens møde',
      'Punkt 6: Lukket punkt',
      'Borgerrepræsentationens møde',
      // Given the floor as the item started, speaking until now: the speech is the item's only stretch.
      `Punkt 3: ${styledName(m.state.persons.m54!)} (LG) – 1. indlæg`,
    ]);
    expect(list[0]!.start).toBe(T0);
    expect(list.at(-1)!.end).toBe(m.now);
  });

  it('the file: a WEBVTT header and HH:MM:SS.mmm cues from the opening or from the video’s start', () => {
    const m = played();
    const list = chapters(buildTimeline(m.state, 'public'), 'en', m.now);
    const vtt = chaptersVtt(list, T0);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain(`00:00:00.000 --> 00:01:00.000\nBorgerrepræsentationens møde\n\n`);
    expect(vtt).toContain(`00:02:00.000 --> 00:03:30.000\nItem 2: ${styledName(m.state.persons.m2!)} (Ø) – first speech\n\n`);
    // A video started 2.5 minutes after the opening: earlier cues are dropped, one is clipped.
    const late = chaptersVtt(list, T0 + 150 * SECOND);
    const first = late.split('\n\n')[1]!;
    expect(first).toBe(`00:00:00.000 --> 00:01:00.000\nItem 2: ${styledName(m.state.persons.m2!)} (Ø) – first speech`);
    expect(late).not.toContain('Borgerrepræsentationens møde\n\n00:00:00');
    expect(vttTime(100 * 3600 * SECOND + 1)).toBe('100:00:00.001');
  });

  it('cue text cannot break the file: no blank line, no arrow', () => {
    const vtt = chaptersVtt([{ start: 0, end: 1000, text: 'A --> B\n\nC & <D>' }], 0);
    expect(vtt).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA --&gt; B C &amp; &lt;D&gt;\n\n');
  });

  it('a meeting not yet opened has a header and no cues', () => {
    const m = meeting();
    expect(chaptersVtt(chapters(buildTimeline(m.state, 'public'), 'da', T0), T0)).toBe('WEBVTT\n\n');
  });
});
