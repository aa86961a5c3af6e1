import type { MeetingState, RecordEntry, Vote } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { subjectText } from './subjects';

/** The item's latest decided vote, newest last in the record. */
function lastVoteOf(state: MeetingState, itemId: string): { entry: RecordEntry; vote: Vote } | null {
  for (let i = state.record.length - 1; i >= 0; i--) {
    const e = state.record[i]!;
    if (e.itemId !== itemId || !e.voteId) continue;
    const vote = state.votes[e.voteId];
    return vote?.result ? { entry: e, vote } : null;
  }
  return null;
}

/**
 * After a vote: the outcome, the member's own vote, and § 29, stk. 2 — the member's vote
 * recorded by name, a button until it is done and a statement after.
 */
export function LastResult({ state, itemId, personId }: { state: MeetingState; itemId: string; personId: string }) {
  const t = useT();
  const last = lastVoteOf(state, itemId);
  if (!last) return null;
  const { entry, vote } = last;
  const mine = vote.ballots[personId];
  const named = vote.result!.named.some((n) => n.personId === personId) || entry.named.some((n) => n.personId === personId);
  return (
    <section className="card" aria-labelledby="last-title">
      <h2 id="last-title">{t('lastResult')}</h2>
      {entry.subject ? <p className="vote-subject">{subjectText(state, t, entry.subject)}</p> : null}
      <p>{entry.point}</p>
      <p className="result-line">
        <strong>{t(`outcome_${entry.outcome}`)}</strong>
        {entry.counts ? ` — ${t('choice_for')} ${entry.counts.for} · ${t('choice_against')} ${entry.counts.against} · ${t('choice_abstain')} ${entry.counts.abstain}` : ''}
      </p>
      {mine ? <p>{t('yourLastVote', { choice: t(`choice_${mine}`) })}</p> : null}
      {mine ? (
        named ? (
          <p className="statement statement-ok" data-testid="name-vote-done">
            ✓ {t('nameVoteDone')}
          </p>
        ) : (
          // The engine's probe state leaves closed votes out (client/src/engine.ts), so it
          // cannot judge this press; the server does, and answers in the feedback line.
          <ActionButton label={t('nameVote')} refusal={null} pendingKey="record.nameVote" onPress={() => void act({ type: 'record.nameVote', voteId: vote.id }, t('nameVote'))} />
        )
      ) : null}
    </section>
  );
}
