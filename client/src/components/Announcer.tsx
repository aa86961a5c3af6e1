import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Counts, MeetingState, PublicView } from '../../../shared/index';
import { useT, type StringKey } from '../i18n';
import { useStore } from '../store';

type View = PublicView | MeetingState;

function nameOf(v: View, personId: string): string {
  return ('persons' in v ? v.persons[personId]?.name : v.members.find((m) => m.id === personId)?.name) ?? personId;
}

/** What a screen reader is told about: who has the floor, the open vote, the latest result. */
interface Facts {
  speaking: string | null;
  vote: { id: string; point: string } | null;
  result: { id: string; point: string; outcome: string; counts: Counts | null } | null;
}

function factsOf(v: View | null): Facts | null {
  if (!v) return null;
  if ('items' in v) {
    const item = v.currentItem ? v.items[v.currentItem] : null;
    const active = v.activeVote ? v.votes[v.activeVote] : null;
    const last = Object.values(v.votes)
      .filter((x) => x.status === 'closed' && x.result)
      .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0))
      .at(-1);
    return {
      speaking: item?.debate.speaking?.personId ?? null,
      vote: active && active.status === 'open' ? { id: active.id, point: active.point } : null,
      result: last?.result ? { id: last.id, point: last.point, outcome: last.result.adopted ? 'adopted' : 'rejected', counts: last.result } : null,
    };
  }
  const cur = v.current && !v.current.closed ? v.current : null;
  const r = v.lastResult;
  return {
    speaking: cur?.speaking?.personId ?? null,
    vote: cur?.vote ? { id: cur.vote.id, point: cur.vote.point } : null,
    result: r ? { id: r.voteId, point: r.point, outcome: r.outcome, counts: r.counts } : null,
  };
}

type Announcement =
  | { kind: 'floor'; personId: string }
  | { kind: 'vote'; point: string }
  | { kind: 'result'; point: string; outcome: string; counts: Counts | null };

/** The newest of the three events between two views, or null when none happened. */
function eventBetween(prev: Facts, next: Facts): Announcement | null {
  if (next.result && next.result.id !== prev.result?.id) return { kind: 'result', ...next.result };
  if (next.vote && next.vote.id !== prev.vote?.id) return { kind: 'vote', point: next.vote.point };
  if (next.speaking && next.speaking !== prev.speaking) return { kind: 'floor', personId: next.speaking };
  return null;
}

/**
 * The screen's one live region (WCAG 4.1.3 Status Messages): its text changes only when the
 * floor is given, a vote opens or a result comes, so a screen reader says those and nothing
 * else of the many updates a meeting pushes. What the screen showed when it connected is
 * not news and is not announced.
 */
export function Announcer() {
  const t = useT();
  const view = useStore((s) => s.view);
  const [said, setSaid] = useState<{ n: number; a: Announcement } | null>(null);
  useEffect(() => {
    let prev = factsOf(useStore.getState().view);
    return useStore.subscribe((s) => {
      const next = factsOf(s.view);
      const a = prev && next ? eventBetween(prev, next) : null;
      prev = next ?? prev;
      if (a) setSaid((old) => ({ n: (old?.n ?? 0) + 1, a }));
    });
  }, []);
  let text = '';
  if (said && view) {
    const a = said.a;
    if (a.kind === 'floor') text = t('announceFloor', { name: nameOf(view, a.personId) });
    else if (a.kind === 'vote') text = t('announceVoteOpen', { point: a.point });
    else {
      const outcome = t(`outcome_${a.outcome}` as StringKey);
      text = a.counts
        ? t('announceResult', { point: a.point, outcome, for: a.counts.for, against: a.counts.against, abstain: a.counts.abstain })
        : t('announceResultNoCounts', { point: a.point, outcome });
    }
  }
  // In <body>, outside the screen's <main>: the page's visible text stays what it shows.
  return createPortal(
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>,
    document.body,
  );
}
