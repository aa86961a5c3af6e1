import { describe, expect, it } from 'vitest';
import { demoChamber } from '../../server/demo/chamber';
import { applyInPlace, createState, type Action, type ActionBody, type Actor } from '../../shared/index';
import { publicView } from '../../shared/views';
import { DECISION_SHOWN_MS, decisionShown } from '../../client/src/screens/gallery/decision';

// Issue #15, item 5: the wall (and the overlay) show the last decision while it is the
// current item's, and an earlier item's (or one between items) only for DECISION_SHOWN_MS.

function meeting() {
  const demo = demoChamber();
  const s = createState(demo.setup);
  const chair: Actor = { role: 'chair', personId: s.chair.line[0]! };
  let now = Date.UTC(2026, 10, 23, 17, 0);
  const act = (body: ActionBody, at = (now += 1000)) => {
    now = at;
    const r = applyInPlace(s, { ...body, actor: chair } as Action, { now: at });
    if (!r.ok) throw new Error(`${body.type}: ${r.code}`);
  };
  for (const p of demo.setup.persons.filter((p) => p.kind === 'member').slice(0, 30))
    applyInPlace(s, { type: 'presence.checkIn', actor: { role: 'member', personId: p.id, seatId: p.seatId! } } as Action, { now });
  act({ type: 'meeting.open' });
  return { s, act, now: () => now };
}

describe('the decision on the wall', () => {
  it('names its item, stays with its item, and an earlier item’s runs out after DECISION_SHOWN_MS', () => {
    const { s, act, now } = meeting();
    act({ type: 'item.start', itemId: 'i2' });
    act({ type: 'declaration.make', point: 'At cykelstien anlægges.', subject: { kind: 'proposal' }, expected: 'adopted' });
    act({ type: 'declaration.confirm' });
    const at = now();
    const r = publicView(s).lastResult!;
    expect(r).toMatchObject({ itemId: 'i2', number: s.items.i2!.number, title: 'Cykelsti på Nørrebrogade', at });

    // The current item's decision stays however long the item lasts.
    expect(decisionShown(publicView(s), at + 10 * DECISION_SHOWN_MS)?.voteId).toBe(r.voteId);

    // Between items and on the next item: until DECISION_SHOWN_MS after it, not after.
    act({ type: 'item.finish' }, at + 1000);
    expect(decisionShown(publicView(s), at + DECISION_SHOWN_MS - 1)?.voteId).toBe(r.voteId);
    expect(decisionShown(publicView(s), at + DECISION_SHOWN_MS)).toBeNull();
    act({ type: 'item.start', itemId: 'i4' }, at + 2000);
    expect(decisionShown(publicView(s), at + DECISION_SHOWN_MS - 1)?.voteId).toBe(r.voteId);
    expect(decisionShown(publicView(s), at + DECISION_SHOWN_MS)).toBeNull();

    // A closed item: the public view carries neither the current item nor its decision.
    act({ type: 'item.finish' }, at + 3000);
    act({ type: 'item.start', itemId: 'i3' }, at + 4000);
    expect(decisionShown(publicView(s), at + 5000)?.itemId).toBe('i2');
    act({ type: 'declaration.make', point: 'At ejendommen sælges.', subject: { kind: 'proposal' }, expected: 'adopted' }, at + 6000);
    act({ type: 'declaration.confirm' }, at + 7000);
    expect(decisionShown(publicView(s), at + 8000)?.itemId).toBe('i2');
  });
});
