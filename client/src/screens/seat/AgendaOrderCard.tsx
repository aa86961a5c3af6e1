import type { Allowed, MeetingState } from '../../../../shared/index';
import { useT } from '../../i18n';
import { DemandRow } from './DemandRow';

/**
 * § 20, stk. 1: the chair sets the order of the agenda unless enough members demand that the
 * council vote on it. A demand on the meeting, not on an item: shown while the meeting runs,
 * with or without an item on the floor.
 */
export function AgendaOrderCard({ state, personId, allowed }: { state: MeetingState; personId: string; allowed: Allowed }) {
  const t = useT();
  if (state.meeting.status === 'closed') return null;
  const demands = state.demands.agendaOrder;
  return (
    <section className="card demands-card" aria-labelledby="agenda-order-title">
      <h2 id="agenda-order-title">{t('agendaOrderTitle')}</h2>
      <DemandRow
        label={t('demandAgendaOrder')}
        action={{ type: 'agenda.demandOrderVote' }}
        refusal={allowed['agenda.demandOrderVote']}
        mine={demands.includes(personId)}
        count={t('demandAgendaOrderCount', { n: demands.length, m: state.config.forceVoteMembers })}
        countTestId="agenda-order-count"
      />
    </section>
  );
}
