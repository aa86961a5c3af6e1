import { electionVoters } from '../../../../../shared/engine/selectors';
import type { ActionBody, MeetingState } from '../../../../../shared/index';
import type { MajorityElection } from '../../../../../shared/elections/types';
import { ActionButton, MissingVoters } from '../../../components/common';
import { asPublic, candidateName, majorityExtra, MajorityResults, type PubMajority } from '../../../components/elections';
import { useT } from '../../../i18n';
import { act } from '../../../socket';
import type { Can } from '../types';
import { ElectionHead } from './ElectionHead';

/** § 27: open or secret ballot, the rounds (the third binding), the lots, the finish. */
export function MajorityConsole({ state, e, can }: { state: MeetingState; e: MajorityElection; can: Can }) {
  const t = useT();
  const pub = asPublic(state, e) as PubMajority;
  const round = e.rounds.at(-1)?.status === 'open' ? e.rounds.at(-1) : undefined;
  // Who may vote: the engine's rule (§ 16 present, § 23 not disqualified), as the ballots are accepted by.
  const eligible = electionVoters(state, e.itemId);
  const missing = round ? eligible.filter((p) => !round.voted.includes(p)) : [];
  const names = (ids: string[]) => ids.map((p) => state.persons[p]?.name ?? p).join(', ');
  // A secret round's counts are kept apart by the server and filled in at the close; the
  // engine is asked with counts that add up, so it judges everything else.
  const closeProbe: ActionBody =
    e.secret && round ? { type: 'election.closeRound', tally: { [round.candidates[0] ?? 'x']: round.voted.length } } : { type: 'election.closeRound' };
  const next = e.rounds.length + 1;
  const openLabel = next === 3 && e.finalists ? t('roundOpenFinal', { names: e.finalists.map((c) => candidateName(pub, c)).join(' · ') }) : t('roundOpen', { n: next });
  const voided = e.voided ?? [];
  return (
    <div className="stack">
      <ElectionHead title={e.title} kind="majority" status={e.status} tags={e.appointment ? [t('electionAppointment')] : []} />
      <p className="hint">{e.candidates.map((c) => c.name).join(' · ')}</p>
      {e.secret ? (
        <p className="statement statement-warn" data-testid="election-secrecy">
          {t('secretBallotShort')} — {t('secretDemandedBy', { names: names(e.secretDemands) })}
        </p>
      ) : (
        <p className="statement" data-testid="election-secrecy">
          {t('openBallotShort')} — {t('noSecretDemand')}
        </p>
      )}
      {voided.map((v, i) => {
        const held = e.rounds.some((r) => r.number === v.number);
        return (
          <p key={i} className={held ? 'statement' : 'statement statement-warn'} data-testid="election-voided" title={t('roundVoidedWhy')}>
            {held ? t('roundVoidedHeld', { n: v.number, voted: v.voted }) : t('roundVoided', { n: v.number })}
          </p>
        );
      })}
      {voided.some((v) => !e.rounds.some((r) => r.number === v.number)) ? <p className="hint">{t('roundVoidedWhy')}</p> : null}
      {round ? (
        <div className="stack" aria-live="polite">
          <p className="big-count" data-testid="election-voted">
            {t('round', { n: round.number })}: {t('votedOf', { voted: eligible.length - missing.length, eligible: eligible.length })}
          </p>
          <MissingVoters view={state} missing={missing} testId="election-missing" />
          <ActionButton label={t('roundClose')} refusal={can(closeProbe)} pendingKey="election.closeRound" className="btn-primary" onPress={() => void act({ type: 'election.closeRound' }, t('roundClose'))} />
        </div>
      ) : null}
      <MajorityResults e={pub} extra={majorityExtra(e)} variant="console" />
      <div className="button-row">
        {e.status === 'lot' ? (
          <ActionButton label={t('lotDraw')} refusal={can({ type: 'election.drawLot' })} pendingKey="election.drawLot" className="btn-primary" onPress={() => void act({ type: 'election.drawLot' }, t('lotDraw'))} />
        ) : null}
        {!round && (e.status === 'setup' || e.status === 'voting') && e.rounds.length < 3 ? (
          <ActionButton label={openLabel} refusal={can({ type: 'election.openRound' })} pendingKey="election.openRound" className="btn-primary" onPress={() => void act({ type: 'election.openRound' }, openLabel)} />
        ) : null}
        {e.status === 'decided' ? (
          <ActionButton label={t('electionFinish')} refusal={can({ type: 'election.finish' })} pendingKey="election.finish" onPress={() => void act({ type: 'election.finish' }, t('electionFinish'))} />
        ) : null}
      </div>
    </div>
  );
}
