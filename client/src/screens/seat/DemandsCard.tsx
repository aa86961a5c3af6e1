import { rollCallNeeded } from '../../../../shared/engine/selectors';
import type { Allowed, MeetingState } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { refusalText, useLang, useT } from '../../i18n';
import { act } from '../../socket';
import { DemandRow } from './DemandRow';

/** The members' demands on the item: roll call (§ 24, stk. 2), division (stk. 5), closure (§ 18, stk. 4). */
export function DemandsCard({ state, personId, allowed }: { state: MeetingState; personId: string; allowed: Allowed }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { rollCall, division, closure } = state.demands;
  return (
    <section className="card demands-card" aria-labelledby="demands-title">
      <h2 id="demands-title">{t('demands')}</h2>
      <DemandRow
        label={t('demandRollCall')}
        action={{ type: 'rollCall.demand' }}
        refusal={allowed['rollCall.demand']}
        mine={rollCall.includes(personId)}
        count={t('demandRollCallCount', { n: rollCall.length, m: rollCallNeeded(state) })}
        countTestId="rollcall-count"
      />
      <DemandRow
        label={t('demandDivision')}
        action={{ type: 'division.demand' }}
        refusal={allowed['division.demand']}
        mine={division.includes(personId)}
        count={t('demandDivisionCount', { n: division.length })}
      />
      <DemandRow
        label={t('demandClosure')}
        action={{ type: 'closure.demand' }}
        refusal={allowed['closure.demand']}
        mine={closure.includes(personId)}
        count={t('demandClosureCount', { n: closure.length, m: state.config.forceVoteMembers })}
      />
      {/* Last in the card, so that its coming never moves a demand button under the finger. */}
      {division.includes(personId) ? (
        <div className="demand">
          <ActionButton
            label={t('withdrawDivision')}
            refusal={allowed['division.withdraw']}
            pendingKey="division.withdraw"
            className="btn-big"
            hideReason
            onPress={() => void act({ type: 'division.withdraw' }, t('withdrawDivision'))}
          />
          {/* The seat's own line, at the seat's text size, as DemandRow gives it. */}
          {allowed['division.withdraw'] ? <p className="demand-state demand-state-refused">{refusalText(allowed['division.withdraw'], lang)}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
