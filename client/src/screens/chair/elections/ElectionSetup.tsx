import { useState } from 'react';
import type { ActionBody } from '../../../../../shared/index';
import { ActionButton, Field } from '../../../components/common';
import { useT } from '../../../i18n';
import { act } from '../../../socket';
import type { Can } from '../types';

// The rules (an item under handling, no election or vote running) are judged on this stand-in
// until the form is filled in, so the reason shows before the chair types.
const standIn: ActionBody = { type: 'election.create', kind: 'majority', title: 'probe', candidates: [{ id: 'c1', name: 'probe' }] };

/** A new election under the current item: § 27 majority (candidates) or § 28 proportional (seats). */
export function ElectionSetup({ can }: { can: Can }) {
  const t = useT();
  const [kind, setKind] = useState<'majority' | 'proportional'>('majority');
  const [title, setTitle] = useState('');
  const [cands, setCands] = useState('');
  const [seats, setSeats] = useState(3);
  const [appointment, setAppointment] = useState(false);
  const names = cands
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const body: ActionBody =
    kind === 'majority'
      ? { type: 'election.create', kind, title: title.trim(), candidates: names.map((name, i) => ({ id: `c${i + 1}`, name })), appointment }
      : { type: 'election.create', kind, title: title.trim(), seats };
  const incomplete = !title.trim() || (kind === 'majority' ? names.length === 0 : !(seats >= 1));
  const refusal = can(incomplete ? standIn : body);
  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend>{t('electionKind')}</legend>
        {(['majority', 'proportional'] as const).map((k) => (
          <label key={k} className="radio">
            <span>
              <input type="radio" name="election-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`election_kind_${k}`)}
            </span>
            <span className="hint">{t(`electionKindHelp_${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('electionTitle')}>
        <input value={title} onChange={(ev) => setTitle(ev.target.value)} maxLength={300} />
      </Field>
      {kind === 'majority' ? (
        <>
          <Field label={t('electionCandidates')}>
            <textarea rows={4} value={cands} onChange={(ev) => setCands(ev.target.value)} />
          </Field>
          <label className="check">
            <span>
              <input type="checkbox" checked={appointment} onChange={(ev) => setAppointment(ev.target.checked)} /> {t('electionAppointment')}
            </span>
          </label>
        </>
      ) : (
        <Field label={t('electionSeats')}>
          <input type="number" min={1} max={100} inputMode="numeric" value={seats} onChange={(ev) => setSeats(Math.max(0, Math.floor(Number(ev.target.value) || 0)))} />
        </Field>
      )}
      <ActionButton
        label={t('electionCreate')}
        refusal={refusal}
        incomplete={incomplete}
        pendingKey="election.create"
        className="btn-primary"
        onPress={() => {
          if (incomplete || refusal) return;
          void act(body, t('electionCreate')).then((r) => {
            if (r.ok) {
              setTitle('');
              setCands('');
            }
          });
        }}
      />
    </div>
  );
}
