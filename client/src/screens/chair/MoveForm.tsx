import { useState } from 'react';
import type { ActionBody } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/** § 19, stk. 2: move one request to a new place on the list, with the reason (logged). */
export function MoveForm({ personId, places, from, can, onDone }: { personId: string; places: number; from: number; can: Can; onDone: () => void }) {
  const t = useT();
  // One place up is the usual move (to finish an exchange); the head stays where it is.
  const [toIndex, setToIndex] = useState(from === 0 ? 0 : from - 1);
  const [reason, setReason] = useState('');
  const body: ActionBody = { type: 'floor.move', personId, toIndex, reason };
  const refusal = can(body);
  const submit = () => {
    if (refusal) return;
    void act(body, t('moveDo'), 'floor.move').then((r) => r.ok && onDone());
  };
  return (
    <form
      className="form-row"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={t('moveTo')}>
        <select value={toIndex} onChange={(e) => setToIndex(Number(e.target.value))}>
          {Array.from({ length: places }, (_, j) => (
            <option key={j} value={j}>
              {j + 1}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('reason')}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </Field>
      <ActionButton label={t('moveDo')} refusal={refusal} pendingKey="floor.move" className="btn-small" onPress={submit} />
      <button type="button" className="btn btn-small" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}
