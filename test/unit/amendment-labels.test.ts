import { describe, expect, it } from 'vitest';
import { buildRecord } from '../../shared/record/build';
import { amendmentLabels, amendmentVotingOrder } from '../../shared/engine/selectors';
import { publicView } from '../../shared/views';
import { meeting } from './helpers/meeting';

// § 25: an amendment has one number — the order it was handed in ("1", "1a", "2") — on every
// screen and in the record, whatever order the chair puts them to the vote in (stk. 4).
describe('one numbering of amendments (§ 25)', () => {
  function withAmendments() {
    const m = meeting();
    m.checkInAll(40);
    m.open();
    m.start('i1');
    const sub = (by: string, text: string, parentId?: string) =>
      m.as(by).do({ type: 'amendment.submit', text, ...(parentId ? { parentId } : {}) }).find((e) => e.type === 'amendment.submitted')!
        .amendmentId as string;
    const a1 = sub('m14', 'Cykelstien gøres 3 m bred');
    const a2 = sub('m31', 'Anlæg i 2028');
    const s1 = sub('m24', 'Dog 2,5 m ved busstoppesteder', a1);
    return { m, a1, a2, s1 };
  }

  it('numbers by the order handed in; sub-amendments take their parent number and a letter', () => {
    const { m, a1, a2, s1 } = withAmendments();
    const labels = amendmentLabels(m.state, 'i1');
    expect(labels.get(a1)).toEqual({ label: '1', parentLabel: null });
    expect(labels.get(a2)).toEqual({ label: '2', parentLabel: null });
    expect(labels.get(s1)).toEqual({ label: '1a', parentLabel: '1' });
  });

  it('a new voting order changes no number, and the record, the public view and the selector agree', () => {
    const { m, a1, a2, s1 } = withAmendments();
    m.chair.do({ type: 'amendment.order', order: [a2, a1, s1] });
    expect(amendmentVotingOrder(m.state, 'i1')).toEqual([a2, s1, a1]);
    const labels = amendmentLabels(m.state, 'i1');
    expect([a1, a2, s1].map((id) => labels.get(id)!.label)).toEqual(['1', '2', '1a']);

    m.chair.do({ type: 'vote.open', point: 'Anlæg i 2028', subject: { kind: 'amendment', amendmentId: a2 } });
    const pub = publicView(m.state);
    expect(pub.current && !pub.current.closed ? pub.current.vote?.amendment : undefined).toEqual({ label: '2', proposer: 'm31' });
    const listed = pub.current && !pub.current.closed ? pub.current.amendments.map((a) => [a.id, a.label]) : [];
    expect(Object.fromEntries(listed)).toEqual({ [a1]: '1', [a2]: '2', [s1]: '1a' });

    const record = buildRecord(m.state, { audience: 'public' });
    const item = record.items.find((i) => !i.closed && i.number === m.state.items.i1!.number);
    const recordLabels = item && !item.closed ? Object.fromEntries(item.amendments.map((a) => [a.id, a.label])) : {};
    expect(recordLabels).toEqual({ [a1]: '1', [a2]: '2', [s1]: '1a' });
  });
});
