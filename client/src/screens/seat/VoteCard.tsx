import { eligibleVoters } from '../../../../shared/engine/selectors';
import type { Allowed, Choice, MeetingState, Vote } from '../../../../shared/index';
import { ActionButton, personLabel, Reason } from '../../components/common';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { useStore } from '../../store';
import { subjectText } from './subjects';

const CHOICES = ['for', 'against', 'abstain'] as const;

/**
 * The vote in progress (§ 24): what it is on (an amendment by its number and proposer),
 * three large buttons, and the ballot the server confirmed — in text and on the button.
 */
export function VoteCard({ state, vote, personId, myBallot, allowed }: { state: MeetingState; vote: Vote; personId: string; myBallot: Choice | null; allowed: Allowed }) {
  const t = useT();
  const pendingCast = useStore((s) => Object.keys(s.pending).find((k) => k.startsWith('vote.cast:')));
  return (
    <section className="card vote-card" aria-labelledby="vote-title">
      <h2 id="vote-title">
        {t('vote')} · {t(`mode_${vote.mode}`)}
      </h2>
      <p className="vote-subject" data-testid="vote-subject">
        {subjectText(state, t, vote.subject)}
      </p>
      <p className="vote-point">
        <span className="label">{t('votePoint')}:</span> {vote.point}
      </p>
      {vote.mode === 'manual' ? (
        <p className="statement">{t('manualVoteSeat')}</p>
      ) : (
        <>
          <RollCallLine state={state} vote={vote} personId={personId} />
          <div className="vote-buttons" role="group" aria-label={t('vote')}>
            {CHOICES.map((c) => {
              const chosen = myBallot === c;
              return (
                <ActionButton
                  key={c}
                  label={t(`choice_${c}`)}
                  refusal={allowed['vote.cast']}
                  pendingKey={`vote.cast:${c}`}
                  className={`btn-vote btn-vote-${c} ${chosen ? 'is-chosen' : ''}`}
                  pressed={chosen}
                  // Named by choice and subject ("For: …"), starting with the visible words (WCAG 2.5.3).
                  ariaLabel={t('voteButtonName', { choice: `${t(`choice_${c}`)}${chosen ? ` ✓ ${t('selected')}` : ''}`, point: vote.point })}
                  hideReason
                  onPress={() => void act({ type: 'vote.cast', choice: c }, `${t('vote')}: ${t(`choice_${c}`)}`, `vote.cast:${c}`)}
                >
                  <span className="vote-symbol" aria-hidden="true">
                    {t(`choiceSymbol_${c}`)}
                  </span>
                  <span className="vote-label">{t(`choice_${c}`)}</span>
                  {chosen ? <span className="vote-chosen">✓ {t('selected')}</span> : null}
                </ActionButton>
              );
            })}
          </div>
          {/* Once this member's ballot is accepted, the engine's refusal (the roll call has
              moved on: NOT_YOUR_TURN) is no news: the ✓ says the vote is cast. */}
          {myBallot ? null : <Reason refusal={allowed['vote.cast']} />}
          <p className={`my-vote ${myBallot ? 'my-vote-set' : ''}`} role="status" aria-live="assertive" data-testid="my-vote">
            {pendingCast
              ? `${t('sending')} ${t(`choice_${pendingCast.split(':')[1] as Choice}`)}`
              : myBallot
                ? `✓ ${t('yourVoteConfirmed', { choice: t(`choice_${myBallot}`).toUpperCase() })}`
                : t('yourVoteNone')}
          </p>
          {myBallot && !vote.rollCall ? <p className="hint">{t('yourVoteChange')}</p> : null}
          <p className="hint">{t('votedOf', { voted: vote.ballotCount ?? Object.keys(vote.ballots).length, eligible: eligibleVoters(state, vote).length })}</p>
        </>
      )}
    </section>
  );
}

/** A roll call (§ 24, stk. 2): the member's turn, or who votes now and the member's place. */
function RollCallLine({ state, vote, personId }: { state: MeetingState; vote: Vote; personId: string }) {
  const t = useT();
  const rc = vote.rollCall;
  if (!rc) return null;
  const turn = rc.order[rc.index];
  const myIdx = rc.order.indexOf(personId);
  if (turn === personId) {
    return (
      <p className="statement statement-turn" role="alert">
        ▶ {t('yourTurn')}
      </p>
    );
  }
  if (myIdx >= 0 && myIdx < rc.index) return <p className="statement statement-ok">✓ {t('rollCallDone')}</p>;
  return (
    <p className="statement" role="status">
      {/* `notYourTurn` opens with "Navneopråb:" itself; say it once (issue #12). */}
      {turn ? t('notYourTurn', { name: personLabel(state, turn).name, n: myIdx + 1, m: rc.order.length }) : t('rollCall')}
    </p>
  );
}
