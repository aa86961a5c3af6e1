// The question the chair's console asks before finishing an item (issue #14, item 4): has the
// item's proposal been put — voted on, declared, referred, postponed — or not?
import { describe, expect, it } from 'vitest';
import { proposalUndecided } from '../../shared/engine/undecided';
import { debating } from './helpers/meeting';

describe('proposalUndecided', () => {
  it('is true for a running item whose proposal nothing has decided, false once a vote on it closes', () => {
    const m = debating('i2');
    expect(proposalUndecided(m.state, 'i2')).toBe(true);
    m.decide({ kind: 'proposal' }, m.present().slice(0, 30));
    expect(proposalUndecided(m.state, 'i2')).toBe(false);
  });

  it('a vote on something else (closure of the debate) leaves the proposal undecided', () => {
    const m = debating('i2');
    m.decide({ kind: 'closure' }, m.present().slice(0, 30));
    expect(m.state.record.some((e) => e.itemId === 'i2')).toBe(true);
    expect(proposalUndecided(m.state, 'i2')).toBe(true);
  });

  it('a declaration confirmed on the proposal decides it', () => {
    const m = debating('i2');
    m.chair.do({ type: 'declaration.make', point: 'At forslaget vedtages.', subject: { kind: 'proposal' }, expected: 'adopted' });
    m.chair.do({ type: 'declaration.confirm' });
    expect(proposalUndecided(m.state, 'i2')).toBe(false);
  });

  it('is false for an item without a proposal, and for an unknown item', () => {
    const m = debating('i2');
    m.chair.do({ type: 'agenda.add', item: { id: 'r1', title: 'Meddelelser', text: '', kind: 'report', doors: 'open' } });
    expect(proposalUndecided(m.state, 'r1')).toBe(false);
    expect(proposalUndecided(m.state, 'nope')).toBe(false);
  });
});
