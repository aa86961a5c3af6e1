import type { MeetingState } from '../../../../../shared/index';
import { asPublic, ElectionResults, majorityExtra } from '../../../components/elections';
import { Section } from '../../../components/panels';
import { useT } from '../../../i18n';
import type { Can } from '../types';
import { ElectionSetup } from './ElectionSetup';
import { MajorityConsole } from './MajorityConsole';
import { ProportionalConsole } from './ProportionalConsole';

/**
 * The chair's "Valg" panel (§§ 27–28): set up an election under the current item, run its
 * rounds or its allocation, draw the lots, finish. Every button asks the shared engine, as
 * the rest of the console does.
 */
export function ElectionPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const active = state.activeElection ? state.elections[state.activeElection] : undefined;
  const earlier = Object.values(state.elections).filter((e) => e.itemId === state.currentItem && e.id !== state.activeElection);
  return (
    <Section title={t('elections')} id="elections-title" className={active ? 'card-vote card-election' : 'card-election'}>
      {active?.kind === 'majority' ? <MajorityConsole key={active.id} state={state} e={active} can={can} /> : null}
      {active?.kind === 'proportional' ? <ProportionalConsole key={active.id} state={state} e={active} can={can} /> : null}
      {!active ? <ElectionSetup can={can} /> : null}
      {earlier.length ? (
        <details className="el-earlier">
          <summary>
            {t('electionEarlier')}: {earlier.length}
          </summary>
          {earlier.map((e) => (
            <div key={e.id} className="stack">
              <p className="el-title">
                {e.title} <span className="tag">{t(`election_kind_${e.kind}`)}</span>
              </p>
              <ElectionResults e={asPublic(state, e)} extra={majorityExtra(e)} variant="console" />
            </div>
          ))}
        </details>
      ) : null}
    </Section>
  );
}
