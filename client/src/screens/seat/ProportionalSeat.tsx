import type { Actor, MeetingState } from '../../../../shared/index';
import type { ProportionalElection } from '../../../../shared/elections/types';
import { asPublic, ProportionalResults, type PubProportional } from '../../components/elections';
import { checkFor } from '../../engine';
import { useT } from '../../i18n';
import { DemandRow } from './DemandRow';

/** § 28: a proportional election at the seat — the member's list, a demand against a unanimous list (stk. 5), the picks. */
export function ProportionalSeat({ state, e, personId, actor }: { state: MeetingState; e: ProportionalElection; personId: string; actor: Actor }) {
  const t = useT();
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
          <DemandRow
            label={t('demandElection')}
            action={{ type: 'election.demandVote' }}
            refusal={checkFor(state, actor, { type: 'election.demandVote' })}
            mine={demands.includes(personId)}
            count={t('unanimousDemands', { n: demands.length })}
            primary
          />
        </div>
      ) : null}
      <ProportionalResults e={pub} variant="console" allLists={!e.result} />
    </section>
  );
}
