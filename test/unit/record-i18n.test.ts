import { describe, expect, it } from 'vitest';
import { buildRecord } from '../../shared/record/build';
import { recordHtml } from '../../shared/record/html';
import { majorityElection } from './helpers/election';

// Issue #12, item 5: the Danish record said "round 3" (the engine's detail of an election
// decided in round 3, written in the log as it is). The record's words follow its language.

/** A majority election (§ 27, stk. 1) decided in its third round, and the record built from it. */
function decidedInRound3() {
  const m = majorityElection(30);
  const round = (counts: Record<string, number>) => {
    m.ok({ type: 'election.openRound' });
    let i = 0;
    for (const [c, n] of Object.entries(counts)) for (let k = 0; k < n; k++) m.ok({ type: 'election.cast', candidateId: c }, m.as(m.ids[i++]!));
    m.ok({ type: 'election.closeRound' });
  };
  round({ x: 10, y: 10, z: 10 });
  round({ x: 12, y: 10, z: 8 });
  round({ x: 16, y: 14 });
  expect(m.e().elected).toBe('x');
  expect(m.e().rounds).toHaveLength(3);
  return { m, record: buildRecord(m.s, { audience: 'members' }) };
}

/** The visible text of the record's HTML (no style sheet, no tags). */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the record in Danish says nothing in English about election rounds', () => {
  it('Danish: "runde 3" and "3. afstemning", never "round"; English keeps "round 3"', () => {
    const { m, record } = decidedInRound3();
    // The engine's entry carries the language-neutral detail; the record turns it into words.
    const entry = m.s.record.find((e) => e.kind === 'election')!;
    expect(entry.detail).toBe('round 3');

    const da = textOf(recordHtml(record, { lang: 'da' }));
    expect(da).not.toMatch(/\bround\b/i);
    expect(da).toContain('runde 3');
    expect(da).toContain('3. afstemning');

    const en = textOf(recordHtml(record, { lang: 'en' }));
    expect(en).toContain('round 3');
    expect(en).not.toContain('runde');
  });
});
