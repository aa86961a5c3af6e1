import { useState, type FormEvent } from 'react';
import type { Person } from '../../../../shared/types';
import type { Council } from '../../../../shared/term/roster';
import { Field } from '../../components/common';
import { useT } from '../../i18n';
import { rosterEmit } from '../../socket';
import { useStore } from '../../store';
import { SaveOrCancel, VacantSeatSelect } from './RosterFormParts';
import { takeAck, vacantSeats } from './rosterStore';

/**
 * Adding a member or substitute, or editing one: name, official title (§ 19, stk. 4), group
 * and, for a member, the fixed seat (§ 17) among the seats nobody else holds. A new person's
 * personal code comes back once in the answer and goes to `onIssued` for the letter.
 */
export function RosterPersonForm({
  council,
  person,
  onDone,
  onIssued,
}: {
  council: Council;
  person: Person | null;
  onDone: () => void;
  onIssued: (person: Person, code: string) => void;
}) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => s.pending);
  const [name, setName] = useState(person?.name ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [groupId, setGroupId] = useState(person?.groupId ?? council.groups[0]?.id ?? '');
  const [kind, setKind] = useState<Person['kind']>(person?.kind ?? 'member');
  const seats = vacantSeats(council, person?.id);
  const [seatId, setSeatId] = useState(person?.seatId ?? seats[0]?.id ?? '');
  const key = person ? `person.edit:${person.id}` : 'person.add';
  const busy = !!pending[key];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const seat = kind === 'member' ? seatId || null : null;
    if (person) {
      void rosterEmit(key, t('rosterSaveFor', { name: name.trim() }), 'person.edit', { personId: person.id, name, title: title.trim() || null, groupId, seatId: seat }).then((r) => {
        if (takeAck(r)) onDone();
      });
      return;
    }
    void rosterEmit(key, t('rosterAddFor', { name: name.trim() }), 'person.add', { name, groupId, kind, seatId: seat, ...(title.trim() ? { title } : {}) }).then((r) => {
      const codes = takeAck(r);
      const id = (r as { personId?: unknown }).personId;
      if (!codes || typeof id !== 'string') return;
      onIssued({ id, name: name.trim(), groupId, kind, seatId: seat, ...(title.trim() ? { title: title.trim() } : {}) }, codes[id] ?? '');
      onDone();
    });
  };

  const heading = person ? t('rosterEditTitle', { name: person.name }) : t('rosterAddTitle');
  return (
    <form className="roster-form" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      <div className="form-row">
        <Field label={t('rosterName')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoComplete="off" />
        </Field>
        <Field label={t('rosterPersonTitle')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} autoComplete="off" />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('rosterGroup')}>
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {council.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.letter} · {g.name}
              </option>
            ))}
          </select>
        </Field>
        {person ? null : (
          <Field label={t('rosterKind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as Person['kind'])}>
              <option value="member">{t('rosterMember')}</option>
              <option value="substitute">{t('rosterSubstitute')}</option>
            </select>
          </Field>
        )}
        {kind === 'member' ? (
          <VacantSeatSelect label="rosterSeat" seats={seats} value={seatId} onChange={setSeatId} />
        ) : null}
      </div>
      <SaveOrCancel editing={!!person} disabled={!connected || busy || !name.trim()} busy={busy} onCancel={onDone} />
    </form>
  );
}
