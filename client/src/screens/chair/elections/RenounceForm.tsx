import { useState } from 'react';
import type { ActionBody } from '../../../../../shared/index';
import type { ProportionalElection } from '../../../../../shared/elections/types';
import { ActionButton, Field } from '../../../components/common';
import { useT } from '../../../i18n';
import { act } from '../../../socket';
import type { Can } from '../types';

/** § 28, stk. 2: a list renounces seats it would win. */
export function RenounceForm({ e, can }: { e: ProportionalElection; can: Can }) {
  const t = useT();
  const [listId, setListId] = useState('');
  const [seats, setSeats] = useState(1);
  const target = listId || e.lists[0]?.id || '';
  const body: ActionBody = { type: 'election.renounce', listId: target, seats };
  return (
    <fieldset className="fieldset">
      <legend>{t('renounce')}</legend>
      <div className="form-row">
        <Field label={t('electionList')}>
          <select value={target} onChange={(ev) => setListId(ev.target.value)}>
            {e.lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {e.renounced[l.id] ? ` (${t('listRenounced')}: ${e.renounced[l.id]})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('listSeats')}>
          <input type="number" className="input-small" min={1} max={100} inputMode="numeric" value={seats} onChange={(ev) => setSeats(Math.max(1, Math.floor(Number(ev.target.value) || 1)))} />
        </Field>
        <ActionButton label={t('renounceDo')} refusal={target ? can(body) : null} incomplete={!target} pendingKey="election.renounce" onPress={() => void act(body, t('renounceDo'))} />
      </div>
    </fieldset>
  );
}
