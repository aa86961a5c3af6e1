import type { Seat } from '../../../../shared/types';
import { Field } from '../../components/common';
import { useT, type StringKey } from '../../i18n';

/** A vacant seat to choose (§ 17: a member holds a fixed seat), or a line saying none is free. */
export function VacantSeatSelect({ label, seats, value, onChange }: { label: StringKey; seats: Seat[]; value: string; onChange: (seatId: string) => void }) {
  const t = useT();
  return (
    <Field label={t(label)}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {seats.length === 0 ? <option value="">{t('rosterNoVacantSeat')}</option> : null}
        {seats.map((s) => (
          <option key={s.id} value={s.id}>
            {t('seatLabel', { label: s.label })}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A roster form's submit (add or save) and cancel buttons. */
export function SaveOrCancel({ editing, disabled, busy, onCancel }: { editing: boolean; disabled: boolean; busy: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="button-row">
      <button type="submit" className="btn btn-primary" disabled={disabled} aria-busy={busy}>
        {editing ? t('rosterSave') : t('rosterAdd')}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
