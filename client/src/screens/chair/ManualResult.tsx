import { useState } from 'react';
import type { ActionBody, Counts, MeetingState } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { useT } from '../../i18n';
import { act } from '../../socket';
import type { Can } from './types';

const zero: Counts = { for: 0, against: 0, abstain: 0 };

/** § 24, stk. 1: a show of hands is counted, then counted again; the engine compares the two. */
export function ManualResult({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const [counts, setCounts] = useState<Counts>(zero);
  const [check, setCheck] = useState<Counts>(zero);
  const body: ActionBody = { type: 'vote.manualResult', counts, counterCheck: check };
  const row = (label: string, value: Counts, set: (c: Counts) => void, prefix: string) => (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <div className="form-row">
        {(['for', 'against', 'abstain'] as const).map((c) => (
          <label key={c}>
            {t(`choice_${c}`)}
            <input
              id={`${prefix}-${c}`}
              type="number"
              min={0}
              max={state.config.memberCount}
              inputMode="numeric"
              value={value[c]}
              onChange={(e) => set({ ...value, [c]: Math.max(0, Number(e.target.value) || 0) })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="stack">
      <p>{t('manualVote')}</p>
      {row(t('manualCounts'), counts, setCounts, 'count')}
      {row(t('counterCheck'), check, setCheck, 'check')}
      <ActionButton label={t('registerManual')} refusal={can(body)} pendingKey="vote.manualResult" className="btn-primary" onPress={() => void act(body, t('registerManual'))} />
    </div>
  );
}
