import type { MeetingState } from '../../../../../shared/index';
import type { ProportionalElection } from '../../../../../shared/elections/types';
import { ActionButton } from '../../../components/common';
import { asPublic, ProportionalResults, type PubProportional } from '../../../components/elections';
import { useT } from '../../../i18n';
import { act } from '../../../socket';
import type { Can } from '../types';
import { ElectionHead } from './ElectionHead';
import { ListsEditor } from './ListsEditor';
import { NameSeat } from './NameSeat';
import { RenounceForm } from './RenounceForm';

/** § 28: the lists, a unanimous list (stk. 5), the allocation by d'Hondt, the persons named to the seats (stk. 7). */
export function ProportionalConsole({ state, e, can }: { state: MeetingState; e: ProportionalElection; can: Can }) {
  const t = useT();
  const pub = asPublic(state, e) as PubProportional;
  const demands = e.unanimous?.demands ?? [];
  const listName = (id: string) => pub.lists.find((x) => x.id === id)?.name ?? id;
  return (
    <div className="stack">
      <ElectionHead title={e.title} kind="proportional" status={e.status} tags={[t('seatsCount', { n: e.seats })]} />
      {e.status === 'setup' ? (
        <>
          <ListsEditor state={state} e={e} can={can} />
          {e.lists.length ? <RenounceForm e={e} can={can} /> : null}
          <div className="stack">
            {e.unanimous ? (
              <p className="statement" data-testid="unanimous">
                {t('unanimousDeclared')} {t('unanimousDemands', { n: demands.length })}
                {demands.length ? ` — ${demands.map((p) => state.persons[p]?.name ?? p).join(', ')}` : ''}
              </p>
            ) : (
              <ActionButton
                label={t('declareUnanimous')}
                refusal={can({ type: 'election.declareUnanimous' })}
                pendingKey="election.declareUnanimous"
                onPress={() => void act({ type: 'election.declareUnanimous' }, t('declareUnanimous'))}
              />
            )}
            <ActionButton label={t('allocate')} refusal={can({ type: 'election.allocate' })} pendingKey="election.allocate" className="btn-primary" onPress={() => void act({ type: 'election.allocate' }, t('allocate'))} />
          </div>
        </>
      ) : null}
      {e.status === 'allocated' && e.result ? (
        <>
          {e.unanimous ? (
            <p className="hint">
              {t('unanimousDeclared')} {t('unanimousDemands', { n: demands.length })}
            </p>
          ) : null}
          <ProportionalResults e={pub} variant="console" allLists={false} namedCell={(pick) => <NameSeat key={pick.seat} state={state} e={e} pick={pick.seat} group={pick.group} can={can} />} />
          {e.result.lots.length ? (
            <ul className="plain">
              {e.result.lots.map((l, i) => (
                <li key={i} className="el-lot">
                  ⚄ {t('lotPurpose_quotients', { names: l.tied.map(listName).join(', ') })} → <strong>{listName(l.winner)}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          <ActionButton label={t('electionFinish')} refusal={can({ type: 'election.finish' })} pendingKey="election.finish" onPress={() => void act({ type: 'election.finish' }, t('electionFinish'))} />
        </>
      ) : null}
    </div>
  );
}
