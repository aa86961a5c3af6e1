import type { Choice, PublicResult } from '../../../../shared/index';
import { CHOICE_COLORS, CHOICE_TEXT } from '../../components/common';
import { useT } from '../../i18n';
import type { OpenCurrent } from './OverlayItem';

const CHOICES: Choice[] = ['for', 'against', 'abstain'];

/** A vote under way (how many have voted, never how, § 24) or the current item's result as a bar. */
export function OverlayVote({ cur, result }: { cur: OpenCurrent; result: PublicResult | null }) {
  const t = useT();
  const vote = cur.vote;
  if (vote) {
    const share = vote.eligible ? (100 * vote.voted) / vote.eligible : 0;
    return (
      <section className="overlay-vote" data-testid="overlay-vote" aria-label={t('voteInProgress')}>
        <div className="overlay-vote-head">{t('voteInProgress')}</div>
        <div className="overlay-vote-point">{vote.point}</div>
        {vote.mode === 'manual' ? (
          <div className="overlay-vote-count">{t('manualVote')}</div>
        ) : (
          <>
            <div className="overlay-bar" aria-hidden="true">
              <span className="overlay-bar-voted" style={{ width: `${share}%` }} />
            </div>
            <div className="overlay-vote-count" data-testid="overlay-voted">
              {t('votedOf', { voted: vote.voted, eligible: vote.eligible })}
            </div>
          </>
        )}
      </section>
    );
  }
  if (!result) return null;
  const c = result.counts;
  const cast = c ? c.for + c.against + c.abstain : 0;
  return (
    <section className="overlay-vote overlay-result" data-testid="overlay-result" aria-label={t('overlayVoteResult')}>
      <div className="overlay-vote-head">
        <span className={`overlay-outcome ${result.adopted ? 'is-adopted' : 'is-rejected'}`} data-testid="overlay-outcome">
          {t(`outcome_${result.outcome}` as 'outcome_adopted')}
        </span>
      </div>
      <div className="overlay-vote-point">{result.point}</div>
      {c ? (
        <>
          <div className="overlay-bar overlay-bar-result" role="img" aria-label={t('overlayVoteBar', { for: c.for, against: c.against, abstain: c.abstain })}>
            {CHOICES.map((k) =>
              c[k] > 0 ? <span key={k} className="overlay-bar-part" style={{ width: `${(100 * c[k]) / cast}%`, background: CHOICE_COLORS[k] }} /> : null,
            )}
          </div>
          <div className="overlay-counts" data-testid="overlay-counts">
            {CHOICES.map((k) => (
              <span key={k} className="overlay-count" data-choice={k} style={{ background: CHOICE_COLORS[k], color: CHOICE_TEXT[k] }}>
                {t(`choice_${k}`)} {c[k]}
              </span>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
