import { useState } from 'react';
import type { MeetingState } from '../../../../shared/index';
import { Field } from '../../components/common';
import { useT } from '../../i18n';
import { rotateSeatKey } from '../../socket';
import { useStore } from '../../store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NewSeatLink } from './NewSeatLink';
import { seatLink, type PrintDoc } from './PrintView';
import { seatPerson } from './seatPerson';

/**
 * Tablets: give a seat a new key (a lost tablet, a link that got out). Irreversible, so a
 * confirmation dialog first; the new link is shown once, to be opened on the seat's tablet.
 */
export function TabletsPanel({ state, onPrint }: { state: MeetingState; onPrint: (doc: PrintDoc) => void }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const [seatId, setSeatId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [issued, setIssued] = useState<{ seatId: string; key: string } | null>(null);
  const pending = useStore((s) => !!s.pending[`seat.rotateKey:${seatId}`]);
  const seats = state.chamber.seats;
  const labelOf = (id: string) => seats.find((s) => s.id === id)?.label ?? id;
  const nameAt = (id: string) => {
    const p = seatPerson(state, id);
    return p ? (state.persons[p]?.name ?? p) : t('tabletNobody');
  };
  const rotate = async () => {
    setConfirming(false);
    const id = seatId;
    setIssued(null);
    const r = await rotateSeatKey(id, t('rotateKeyFor', { seat: labelOf(id) }));
    const key = r.ok ? (r as { key?: unknown }).key : null;
    if (typeof key === 'string' && key) setIssued({ seatId: id, key });
  };
  return (
    <section className="card tablets" aria-labelledby="tablets-title" data-testid="tablets">
      <h2 id="tablets-title">{t('tabletsTitle')}</h2>
      <p className="hint">{t('tabletsHelp')}</p>
      <div className="form-row">
        <Field label={t('tabletSeat')}>
          <select
            value={seatId}
            onChange={(e) => {
              setSeatId(e.target.value);
              setIssued(null);
            }}
          >
            <option value="">—</option>
            {seats.map((seat) => (
              <option key={seat.id} value={seat.id}>
                {t('seatLabel', { label: seat.label })} — {nameAt(seat.id)}
              </option>
            ))}
          </select>
        </Field>
        <div className="action">
          <button type="button" className="btn btn-danger" disabled={!seatId || !connected || pending} aria-busy={pending} onClick={() => setConfirming(true)}>
            {t('rotateKey')}
            {pending ? <span className="pending-note"> — {t('sending')}</span> : null}
          </button>
        </div>
      </div>
      {confirming && seatId ? (
        <ConfirmDialog
          title={t('rotateKeyConfirmTitle', { seat: labelOf(seatId), name: nameAt(seatId) })}
          text={t('rotateKeyConfirmText')}
          confirm={t('rotateKeyConfirm')}
          onConfirm={() => void rotate()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {issued ? (
        <NewSeatLink
          seatLabel={labelOf(issued.seatId)}
          link={seatLink(issued.key)}
          onPrint={() => onPrint({ kind: 'sheet', keys: { [issued.seatId]: issued.key } })}
          onHide={() => setIssued(null)}
        />
      ) : null}
    </section>
  );
}
