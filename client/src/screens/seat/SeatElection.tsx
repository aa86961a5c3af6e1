import { useState } from 'react';
import { isDisqualified, presentPersons, type Actor, type MeetingState } from '../../../../shared/index';
import type { MajorityElection, ProportionalElection } from '../../../../shared/elections/types';
import { ActionButton, Reason } from '../../components/common';
import { asPublic, majorityExtra, MajorityResults, ProportionalResults, type PubMajority, type PubProportional } from '../../components/elections';
import { useChecker } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { useStore } from '../../store';

/**
 * The election at a seat (§§ 27–28): the ballot of an open round, the demand for a written
 * ballot before round 1 (§ 27, stk. 2), the demand for an election against a unanimous list
 * (§ 28, stk. 5), and the results as they come.
 */
export function SeatElection({ state, personId, actor }: { state: MeetingState; personId: string; actor: Actor }) {
  const e = state.activeElection ? state.elections[state.activeElection] : undefined;
  if (!e) return null;
  return e.kind === 'majority' ? (
    <MajorityBallot key={e.id} state={state} e={e} personId={personId} actor={actor} />
  ) : (
    <ProportionalSeat key={e.id} state={state} e={e} personId={personId} actor={actor} />
  );
}

function MajorityBallot({ state, e, personId, actor }: { state: MeetingState; e: MajorityElection; personId: string; actor: Actor }) {
  const t = useT();
  const can = useChecker(state, actor);
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
  const castRefusal = round ? can({ type: 'election.cast', candidateId: round.candidates[0] ?? '' }) : null;
  const secretRefusal = e.rounds.length === 0 ? can({ type: 'election.demandSecret' }) : null;
  const eligible = presentPersons(state).filter((p) => !isDisqualified(state, e.itemId, p)).length;
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
        <div className="demand">
          <ActionButton
            label={t('demandSecret')}
            refusal={secretRefusal}
            pendingKey="election.demandSecret"
            className="btn-big"
            onPress={() => void act({ type: 'election.demandSecret' }, t('demandSecret'))}
          />
          <p className="demand-count">
            {e.secretDemands.length ? t('secretDemandedBy', { names: e.secretDemands.map((p) => state.persons[p]?.name ?? p).join(', ') }) : t('noSecretDemand')}
            {e.secretDemands.includes(personId) ? ` · ✓ ${t('youDemanded')}` : ''}
          </p>
        </div>
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
          {castRefusal && castRefusal.code !== 'ALREADY_VOTED' ? <Reason refusal={castRefusal} /> : null}
          <p className={`my-vote ${voted ? 'my-vote-set' : ''}`} role="status" aria-live="assertive" data-testid="my-ballot">
            {pendingCast ? t('sending') : voted ? `✓ ${myChoice && !e.secret ? t('ballotCastFor', { name: name(myChoice) }) : t('ballotCast')}` : t('ballotNotCast')}
          </p>
          {voted && e.secret ? <p className="hint">{t('ballotSecretNote')}</p> : null}
          <p className="hint">{t('ballotFinalNote')}</p>
          <p className="hint">{t('votedOf', { voted: round.voted.length, eligible })}</p>
        </>
      ) : null}
      <MajorityResults e={pub} extra={majorityExtra(e)} variant="console" hideOpen />
      {!round && e.rounds.length > 0 && !e.elected && e.status === 'setup' ? <p className="hint">{t('ballotWaiting')}</p> : null}
    </section>
  );
}

function ProportionalSeat({ state, e, personId, actor }: { state: MeetingState; e: ProportionalElection; personId: string; actor: Actor }) {
  const t = useT();
  const can = useChecker(state, actor);
  const pub = asPublic(state, e) as PubProportional;
  const mine = e.lists.find((l) => l.members.includes(personId));
  const demands = e.unanimous?.demands ?? [];
  return (
    <section className="card el-seat" aria-labelledby="election-title" data-testid="seat-election">
      <h2 id="election-title">
        {t('elections')} · {t('election_kind_proportional')}
      </h2>
      <p className="vote-point">
        {e.title} · {t('seatsCount', { n: e.seats })}
      </p>
      {mine ? (
        <p>
          <span className="label">{t('electionList')}:</span> {mine.name}
        </p>
      ) : null}
      {e.unanimous && e.status === 'setup' ? (
        <div className="declaration">
          <p className="statement">{t('unanimousDeclared')}</p>
          <p>{t('unanimousDemands', { n: demands.length })}</p>
          {demands.includes(personId) ? <p className="statement statement-ok">✓ {t('youDemanded')}</p> : null}
          <ActionButton
            label={t('demandElection')}
            refusal={can({ type: 'election.demandVote' })}
            pendingKey="election.demandVote"
            className="btn-big btn-primary"
            onPress={() => void act({ type: 'election.demandVote' }, t('demandElection'))}
          />
        </div>
      ) : null}
      <ProportionalResults e={pub} variant="console" allLists={!e.result} />
    </section>
  );
}
