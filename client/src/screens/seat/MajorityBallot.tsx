import { useState } from 'react';
import { electionVoters } from '../../../../shared/engine/selectors';
import type { Actor, MeetingState } from '../../../../shared/index';
import type { MajorityElection } from '../../../../shared/elections/types';
import { ActionButton, personLabel, Reason } from '../../components/common';
import { asPublic, majorityExtra, MajorityResults, type PubMajority } from '../../components/elections';
import { checkFor } from '../../engine';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { useStore } from '../../store';
import { DemandRow } from './DemandRow';

/** § 27: a majority election at the seat — secrecy, the written-ballot demand, one button per candidate. */
export function MajorityBallot({ state, e, personId, actor }: { state: MeetingState; e: MajorityElection; personId: string; actor: Actor }) {
  const t = useT();
  const pendingCast = useStore((s) => Object.keys(s.pending).some((k) => k.startsWith('election.cast:')));
  // An open ballot's choice, as the server acknowledged it. The member view hides every
  // ballot of an open round, so this screen remembers its own acknowledged press; a secret
  // ballot's choice is never kept anywhere, not even here (§ 27, stk. 2).
  const [mine, setMine] = useState<{ key: string; candidateId: string } | null>(null);
  const pub = asPublic(state, e) as PubMajority;
  const last = e.rounds.at(-1);
  const round = last?.status === 'open' ? last : undefined;
  const key = round ? `${e.id}:${round.number}` : '';
  const myChoice = mine && mine.key === key ? mine.candidateId : null;
  const voted = !!round && round.voted.includes(personId);
  const castRefusal = round ? checkFor(state, actor, { type: 'election.cast', candidateId: round.candidates[0] ?? '' }) : null;
  const secretRefusal = e.rounds.length === 0 ? checkFor(state, actor, { type: 'election.demandSecret' }) : null;
  const name = (id: string) => e.candidates.find((c) => c.id === id)?.name ?? id;
  return (
    <section className={`card el-seat ${round ? 'vote-card' : ''}`} aria-labelledby="election-title" data-testid="seat-election">
      <h2 id="election-title">
        {t('elections')} · {t('election_kind_majority')}
      </h2>
      <p className="vote-point">
        {e.title} {e.appointment ? <span className="tag">{t('electionAppointment')}</span> : null}
      </p>
      {e.secret ? (
        <p className="statement statement-secret" data-testid="secrecy">
          {t('secretBallot')}
        </p>
      ) : (
        <p className="statement" data-testid="secrecy">
          {t('openBallot')}
        </p>
      )}
      {e.rounds.length === 0 ? (
        <DemandRow
          label={t('demandSecret')}
          action={{ type: 'election.demandSecret' }}
          refusal={secretRefusal}
          mine={e.secretDemands.includes(personId)}
          count={e.secretDemands.length ? t('secretDemandedBy', { names: e.secretDemands.map((p) => personLabel(state, p).name).join(', ') }) : t('noSecretDemand')}
        />
      ) : null}
      {round ? (
        <>
          <h3>
            {t('round', { n: round.number })}
            {round.number === 3 ? ` · ${t('roundBinding')}` : ''} — {round.number === 3 ? t('ballotFinal') : t('ballotPrompt')}
          </h3>
          <div className="vote-buttons el-ballot" role="group" aria-label={t('ballotPrompt')}>
            {round.candidates.map((c) => {
              const chosen = myChoice === c;
              return (
                <ActionButton
                  key={c}
                  label={name(c)}
                  refusal={castRefusal}
                  pendingKey={`election.cast:${c}`}
                  className={`btn-vote btn-candidate ${chosen ? 'is-chosen' : ''}`}
                  pressed={e.secret ? undefined : chosen}
                  hideReason
                  onPress={() =>
                    void act({ type: 'election.cast', candidateId: c }, e.secret ? t('yourVote') : t('castLabel', { name: name(c) }), `election.cast:${c}`).then((r) => {
                      if (r.ok && !e.secret) setMine({ key, candidateId: c });
                    })
                  }
                >
                  <span className="vote-label">{name(c)}</span>
                  {chosen ? <span className="vote-chosen">✓ {t('selected')}</span> : null}
                </ActionButton>
              );
            })}
          </div>
          {/* After the ballot the engine refuses another (ALREADY_VOTED): the ✓ below says so. */}
          {castRefusal && castRefusal.code !== 'ALREADY_VOTED' ? <Reason refusal={castRefusal} /> : null}
          <p className={`my-vote ${voted ? 'my-vote-set' : ''}`} role="status" aria-live="assertive" data-testid="my-ballot">
            {pendingCast ? t('sending') : voted ? `✓ ${myChoice && !e.secret ? t('ballotCastFor', { name: name(myChoice) }) : t('ballotCast')}` : t('ballotNotCast')}
          </p>
          {voted && e.secret ? <p className="hint">{t('ballotSecretNote')}</p> : null}
          <p className="hint">{t('ballotFinalNote')}</p>
          <p className="hint">{t('votedOf', { voted: round.voted.length, eligible: electionVoters(state, e.itemId).length })}</p>
        </>
      ) : null}
      <MajorityResults e={pub} extra={majorityExtra(e)} variant="console" hideOpen />
      {!round && e.rounds.length > 0 && !e.elected && e.status === 'setup' ? <p className="hint">{t('ballotWaiting')}</p> : null}
    </section>
  );
}
