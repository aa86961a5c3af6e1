import { useState } from 'react';
import './console.css';
import { isPresent, seatOf } from '../../../shared/engine/selectors';
import type { ActionBody, MeetingState, Refusal } from '../../../shared/index';
import { useT } from '../i18n';
import { act } from '../socket';
import { ActionButton, Field, PersonName } from './common';

/** § 8: a substitute takes an absent member's seat when called in. */
export function SubstitutesPanel({ state, can }: { state: MeetingState; can: (b: ActionBody) => Refusal | null }) {
  const t = useT();
  const members = Object.values(state.persons).filter((p) => p.kind === 'member' && seatOf(state, p.id) === null && !state.substitutes[p.id]);
  const busy = new Set(Object.values(state.substitutes));
  const subs = Object.values(state.persons).filter((p) => p.kind === 'substitute' && !busy.has(p.id));
  const [memberId, setMemberId] = useState('');
  const [substituteId, setSubstituteId] = useState('');
  const body: ActionBody = { type: 'substitute.callIn', memberId, substituteId };
  const refusal = memberId && substituteId ? can(body) : null;
  return (
    <section className="card" aria-labelledby="subs-title" data-testid="substitutes">
      <h2 id="subs-title">{t('substitutes')}</h2>
      {Object.entries(state.substitutes).length ? (
        <ul className="plain">
          {Object.entries(state.substitutes).map(([m, s]) => (
            <li key={m}>
              <PersonName view={state} personId={s} /> {t('substituteFor')} <PersonName view={state} personId={m} />{' '}
              {isPresent(state, s) ? `(${t('present')})` : ''}
              <ActionButton
                label={t('release')}
                refusal={can({ type: 'substitute.release', memberId: m })}
                pendingKey={`substitute.release:${m}`}
                className="btn-small"
                onPress={() => void act({ type: 'substitute.release', memberId: m }, t('release'), `substitute.release:${m}`)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-row">
        <Field label={t('member')}>
          <select value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">—</option>
            {members.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({state.groups[p.groupId]?.letter})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('substitute')}>
          <select value={substituteId} onChange={(e) => setSubstituteId(e.target.value)}>
            <option value="">—</option>
            {subs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({state.groups[p.groupId]?.letter})
              </option>
            ))}
          </select>
        </Field>
        <ActionButton
          label={t('callIn')}
          refusal={!memberId || !substituteId ? null : refusal}
          incomplete={!memberId || !substituteId}
          pendingKey="substitute.callIn"
          onPress={() => {
            if (!memberId || !substituteId) return;
            void act(body, t('callIn')).then((r) => {
              if (r.ok) {
                setMemberId('');
                setSubstituteId('');
              }
            });
          }}
        />
      </div>
    </section>
  );
}
