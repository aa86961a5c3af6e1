import { useState } from 'react';
import type { Person } from '../../../../shared/types';
import type { Council } from '../../../../shared/term/roster';
import { contrastText } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useLang, useT } from '../../i18n';
import { rosterEmit } from '../../socket';
import { useStore } from '../../store';
import type { PrintDoc } from './PrintView';
import { VacantSeatSelect } from './RosterFormParts';
import { RosterPersonForm } from './RosterPersonForm';
import { refusalOf, takeAck, vacantSeats } from './rosterStore';

/**
 * The council's roster by group (issue #14, item 2): members with their fixed seats (§ 17)
 * and substitutes (§ 8); add or edit a person, a member leaves the council (asked first),
 * a substitute becomes a member in a vacant seat. What the rules refuse (the chair line
 * leaving, § 18, stk. 2) is asked of shared/term/roster.ts and said beside the button.
 */
export function RosterPanel({ council, onPrint }: { council: Council; onPrint: (doc: PrintDoc) => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => s.pending);
  const { ask, dialog } = useConfirm();
  const [editing, setEditing] = useState<string | null>(null);
  const [promoting, setPromoting] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ person: Person; code: string } | null>(null);
  const seatLabel = (id: string | null) => council.chamber.seats.find((s) => s.id === id)?.label ?? id ?? '';
  const nameOf = (p: Person) => (p.title ? `${p.title} ${p.name}` : p.name);

  const leave = (p: Person) =>
    ask({ title: t('rosterLeaveTitle', { name: p.name }), text: t('rosterLeaveText'), confirm: t('rosterLeaveConfirm') }, () => {
      void rosterEmit(`person.leave:${p.id}`, t('rosterLeaveFor', { name: p.name }), 'person.leave', { personId: p.id }).then(takeAck);
    });

  const form = editing ? (
    <RosterPersonForm
      key={editing}
      council={council}
      person={editing === 'new' ? null : (council.persons.find((p) => p.id === editing) ?? null)}
      onDone={() => setEditing(null)}
      onIssued={(person, code) => setIssued({ person, code })}
    />
  ) : null;

  return (
    <section className="card roster" aria-labelledby="roster-title" data-testid="roster">
      <h2 id="roster-title">{t('rosterTitle')}</h2>
      <p className="hint">{t('rosterHelp')}</p>
      <p>
        {t('rosterCounts', {
          members: council.persons.filter((p) => p.kind === 'member').length,
          substitutes: council.persons.filter((p) => p.kind === 'substitute').length,
          vacant: vacantSeats(council).length,
        })}
      </p>
      {issued ? (
        <div className="roster-issued" role="status">
          <p>{t('rosterIssued', { name: issued.person.name })}</p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => onPrint({ kind: 'letters', codes: { [issued.person.id]: issued.code }, persons: [issued.person] })}>
              {t('rosterPrintLetter')}
            </button>
            <button type="button" className="btn" onClick={() => setIssued(null)}>
              {t('rosterForgetCode')}
            </button>
          </div>
        </div>
      ) : null}
      {editing === 'new' ? (
        form
      ) : (
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('rosterAddPerson')}
          </button>
        </div>
      )}
      {council.groups.map((g) => {
        const persons = council.persons.filter((p) => p.groupId === g.id);
        return (
          <div key={g.id} className="roster-group">
            <h3>
              <span className="group-badge" style={{ background: g.color, color: contrastText(g.color) }}>
                {g.letter}
              </span>{' '}
              {g.name}
            </h3>
            {persons.length === 0 ? <p className="hint">{t('rosterGroupEmpty')}</p> : null}
            <ul className="roster-list">
              {persons.map((p) => {
                const leaveRefusal = refusalOf(council, { type: 'person.leave', personId: p.id });
                const noteId = `roster-note-${p.id}`;
                return (
                  <li key={p.id} data-person={p.id}>
                    <div className="roster-row">
                      <span className="roster-name">
                        <strong>{nameOf(p)}</strong>
                        <span className="hint">
                          {' · '}
                          {p.kind === 'member' ? t('rosterSeatOf', { label: seatLabel(p.seatId) }) : t('rosterSubstitute')}
                        </span>
                      </span>
                      <span className="roster-actions">
                        <button type="button" className="btn" aria-label={t('rosterEditFor', { name: p.name })} onClick={() => setEditing(p.id)}>
                          {t('rosterEdit')}
                        </button>
                        {p.kind === 'substitute' ? (
                          <button
                            type="button"
                            className="btn"
                            aria-expanded={promoting === p.id}
                            aria-label={t('rosterPromoteFor', { name: p.name })}
                            onClick={() => setPromoting(promoting === p.id ? null : p.id)}
                          >
                            {t('rosterPromote')}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="btn btn-danger"
                          disabled={!connected || !!leaveRefusal || !!pending[`person.leave:${p.id}`]}
                          aria-describedby={leaveRefusal ? noteId : undefined}
                          aria-label={t('rosterLeaveFor', { name: p.name })}
                          onClick={() => leave(p)}
                        >
                          {t('rosterLeave')}
                        </button>
                      </span>
                    </div>
                    {leaveRefusal ? (
                      <p id={noteId} className="hint">
                        {leaveRefusal.message[lang]} ({leaveRefusal.paragraph})
                      </p>
                    ) : null}
                    {promoting === p.id ? <Promote council={council} person={p} onDone={() => setPromoting(null)} /> : null}
                    {editing === p.id ? form : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {dialog}
    </section>
  );
}

/** § 8: a substitute becomes a member, taking a vacant seat. */
function Promote({ council, person, onDone }: { council: Council; person: Person; onDone: () => void }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => s.pending);
  const seats = vacantSeats(council);
  const [seatId, setSeatId] = useState(seats[0]?.id ?? '');
  const key = `substitute.promote:${person.id}`;
  const go = () =>
    void rosterEmit(key, t('rosterPromoteFor', { name: person.name }), 'substitute.promote', { personId: person.id, seatId }).then((r) => {
      if (takeAck(r)) onDone();
    });
  return (
    <div className="form-row roster-promote">
      <VacantSeatSelect label="rosterPromoteSeat" seats={seats} value={seatId} onChange={setSeatId} />
      <div className="action">
        <button type="button" className="btn btn-primary" disabled={!connected || !seatId || !!pending[key]} aria-busy={!!pending[key]} onClick={go}>
          {t('rosterPromoteConfirm')}
        </button>
      </div>
    </div>
  );
}
