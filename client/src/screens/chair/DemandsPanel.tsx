import { rollCallDemanded, rollCallNeeded } from '../../../../shared/engine/selectors';
import type { MeetingState } from '../../../../shared/index';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';

/** The members' demands as they arrive: roll call (§ 24, stk. 2), closure (§ 18, stk. 4), division (§ 24, stk. 5), agenda order (§ 20). */
export function DemandsPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const d = state.demands;
  const names = (ids: string[]) => ids.map((id) => state.persons[id]?.name ?? id).join(', ');
  const rollCall = rollCallDemanded(state);
  return (
    <Section title={t('demands')} id="demands-title">
      <ul className="plain demands" aria-live="polite" data-testid="chair-demands">
        <li className={rollCall ? 'demand-reached' : ''}>
          {t('demandRollCall')}: <strong>{d.rollCall.length}</strong> / {rollCallNeeded(state)}
          {rollCall ? ' ✓' : ''}
          {d.rollCall.length ? <div className="hint">{names(d.rollCall)}</div> : null}
        </li>
        <li>
          {t('demandClosure')}: <strong>{d.closure.length}</strong> / {state.config.forceVoteMembers}
          {d.closure.length ? <div className="hint">{names(d.closure)}</div> : null}
        </li>
        <li>
          {t('demandDivision')}: <strong>{d.division.length}</strong>
          {d.division.length ? <div className="hint">{names(d.division)}</div> : null}
        </li>
        <li>
          {t('subject_agendaOrder')}: <strong>{d.agendaOrder.length}</strong> / {state.config.forceVoteMembers}
        </li>
      </ul>
    </Section>
  );
}
