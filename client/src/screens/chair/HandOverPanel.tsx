import { useState } from 'react';
import { isPresent } from '../../../../shared/engine/selectors';
import type { ActionBody, MeetingState } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

/** § 18, stk. 2: the chair hands the chair to a vice-chair (or the temporary chair). */
export function HandOverPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const candidates = [...state.chair.line, ...(state.chair.temporary ? [state.chair.temporary] : [])].filter((p) => p !== state.chair.acting);
  const [to, setTo] = useState('');
  const target = to || candidates[0] || '';
  const body: ActionBody = { type: 'chair.handOver', to: target };
  return (
    <Section title={t('handOver')} id="handover-title">
      <div className="form-row">
        <Field label={t('handOverTo')}>
          <select value={target} onChange={(e) => setTo(e.target.value)}>
            {candidates.map((p) => (
              <option key={p} value={p}>
                {state.persons[p]?.name ?? p} {isPresent(state, p) ? '' : `(${t('absent')})`}
              </option>
            ))}
          </select>
        </Field>
        <ActionButton label={t('handOver')} refusal={target ? can(body) : null} incomplete={!target} pendingKey="chair.handOver" onPress={() => void act(body, t('handOver'))} />
      </div>
    </Section>
  );
}
