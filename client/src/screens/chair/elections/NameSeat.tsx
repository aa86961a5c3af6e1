import { useState } from 'react';
import type { ActionBody, MeetingState } from '../../../../../shared/index';
import type { ProportionalElection } from '../../../../../shared/elections/types';
import { ActionButton } from '../../../components/common';
import { useT } from '../../../i18n';
import { act } from '../../../socket';
import type { Can } from '../types';

/** § 28, stk. 7: the list that won a pick names the person from its members. */
export function NameSeat({ state, e, pick, group, can }: { state: MeetingState; e: ProportionalElection; pick: number; group: string; can: Can }) {
  const t = useT();
  const list = e.lists.find((l) => l.id === group);
  const named = e.named[pick];
  const [personId, setPersonId] = useState('');
  const chosen = personId || named || '';
  const body: ActionBody = { type: 'election.nameSeat', pick, personId: chosen };
  const label = `${t('nameSeat')} ${t('pickNo')} ${pick}`;
  return (
    <div className="form-row el-name-seat">
      <select aria-label={`${t('namedPerson')} ${t('pickNo')} ${pick}`} value={chosen} onChange={(ev) => setPersonId(ev.target.value)}>
        <option value="">—</option>
        {(list?.members ?? []).map((p) => (
          <option key={p} value={p}>
            {state.persons[p]?.name ?? p}
          </option>
        ))}
      </select>
      <ActionButton
        label={t('nameSeat')}
        refusal={chosen ? can(body) : null}
        incomplete={!chosen || chosen === named}
        pendingKey={`election.nameSeat:${pick}`}
        className="btn-small"
        onPress={() => void act(body, label, `election.nameSeat:${pick}`)}
      />
      {named ? <span className="el-named">✓ {state.persons[named]?.name ?? named}</span> : null}
    </div>
  );
}
