import { useState } from 'react';
import { presentPersons } from '../../../../shared/engine/selectors';
import type { ActionBody, MeetingState, Refusal } from '../../../../shared/index';
import { ActionButton, Field } from '../../components/common';
import { Section } from '../../components/panels';
import { useT } from '../../i18n';
import { act } from '../../socket';

/**
 * § 18, stk. 2: when neither the chair nor a vice-chair can take the chair, the secretariat
 * appoints a present member to chair for the time being.
 */
export function TemporaryChairPanel({ state, can }: { state: MeetingState; can: (b: ActionBody) => Refusal | null }) {
  const t = useT();
  const [temp, setTemp] = useState('');
  const present = presentPersons(state).filter((p) => state.persons[p]?.kind === 'member');
  // Before a choice, the probe with the first present member says whether anyone may be appointed now.
  const probe = temp || present[0];
  return (
    <Section title={t('appointTemporary')} id="temp-title">
      <div className="form-row">
        <Field label={t('member')}>
          <select value={temp} onChange={(e) => setTemp(e.target.value)}>
            <option value="">—</option>
            {present.map((p) => (
              <option key={p} value={p}>
                {state.persons[p]!.name} ({state.groups[state.persons[p]!.groupId]?.letter})
              </option>
            ))}
          </select>
        </Field>
        <ActionButton
          label={t('appoint')}
          refusal={probe ? can({ type: 'chair.appointTemporary', personId: probe }) : null}
          incomplete={!temp}
          pendingKey="chair.appointTemporary"
          onPress={() => temp && void act({ type: 'chair.appointTemporary', personId: temp }, t('appointTemporary'))}
        />
      </div>
    </Section>
  );
}
