import { useState } from 'react';
import type { MeetingState } from '../../../../shared/index';
import { Field } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useT } from '../../i18n';
import { resetAllCodes, resetPersonCode, rotateAllSeatKeys } from '../../socket';
import { useStore } from '../../store';
import type { PrintDoc } from './PrintView';

const record = (v: unknown): Record<string, string> | null =>
  v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string') ? (v as Record<string, string>) : null;

/**
 * Provisioning the chamber: new keys for every seat (a QR sheet to set the tablets up), a new
 * personal code for one person or for all (letters). Each asks first, since the old keys or
 * codes stop working at once; the answer goes straight to the print view and nowhere else.
 */
export function ProvisioningPanel({ state, onPrint }: { state: MeetingState; onPrint: (doc: PrintDoc) => void }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => s.pending);
  const { ask, dialog } = useConfirm();
  const [personId, setPersonId] = useState('');
  const persons = Object.values(state.persons);
  const nameOf = (id: string) => state.persons[id]?.name ?? id;

  const allKeys = () =>
    ask({ title: t('rotateAllTitle', { n: state.chamber.seats.length }), text: t('rotateAllText'), confirm: t('rotateAllConfirm') }, () => {
      void rotateAllSeatKeys(t('rotateAllKeys')).then((r) => {
        const keys = r.ok ? record((r as { keys?: unknown }).keys) : null;
        if (keys) onPrint({ kind: 'sheet', keys });
      });
    });
  const oneCode = () =>
    ask({ title: t('resetCodeTitle', { name: nameOf(personId) }), text: t('resetCodeText'), confirm: t('resetCodeConfirm') }, () => {
      const id = personId;
      void resetPersonCode(id, t('resetCodeFor', { name: nameOf(id) })).then((r) => {
        const code = r.ok ? (r as { code?: unknown }).code : null;
        if (typeof code === 'string') onPrint({ kind: 'letters', codes: { [id]: code } });
      });
    });
  const allCodes = () =>
    ask({ title: t('resetAllTitle', { n: persons.length }), text: t('resetAllText'), confirm: t('resetAllConfirm') }, () => {
      void resetAllCodes(t('resetAllCodes')).then((r) => {
        const codes = r.ok ? record((r as { codes?: unknown }).codes) : null;
        if (codes) onPrint({ kind: 'letters', codes });
      });
    });

  const busy = (key: string) => !!pending[key];
  return (
    <section className="card provisioning" aria-labelledby="provisioning-title" data-testid="provisioning">
      <h2 id="provisioning-title">{t('provisioningTitle')}</h2>
      <p className="hint">{t('provisioningHelp')}</p>
      <div className="button-row">
        <button type="button" className="btn btn-danger" disabled={!connected || busy('seat.rotateAllKeys')} aria-busy={busy('seat.rotateAllKeys')} onClick={allKeys}>
          {t('rotateAllKeys')}
        </button>
        <button type="button" className="btn btn-danger" disabled={!connected || busy('person.resetAllCodes')} aria-busy={busy('person.resetAllCodes')} onClick={allCodes}>
          {t('resetAllCodes')}
        </button>
      </div>
      <div className="form-row">
        <Field label={t('resetCodePerson')}>
          <select value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">—</option>
            {persons.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="action">
          <button
            type="button"
            className="btn btn-danger"
            disabled={!personId || !connected || busy(`person.resetCode:${personId}`)}
            aria-busy={busy(`person.resetCode:${personId}`)}
            onClick={oneCode}
          >
            {t('resetCode')}
          </button>
        </div>
      </div>
      {dialog}
    </section>
  );
}
