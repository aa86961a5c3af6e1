import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Ack, Refusal } from '../../../../shared/index';
import { LOCAL_REFUSALS } from '../../../../shared/refusals';
import type { MeetingDetails } from '../../../../shared/term/lifecycle';
import { Field, Reason } from '../../components/common';
import { useT } from '../../i18n';
import { tracked } from '../../socket';

const UNREACHABLE: Refusal = { ok: false, code: 'OFFLINE', paragraph: '—', message: { da: LOCAL_REFUSALS.OFFLINE[1], en: LOCAL_REFUSALS.OFFLINE[2] } };

/** `POST /record/sign?meeting=ID` (docs/record.md), answered in the shape of a socket ack. */
async function signMeeting(meetingId: string, password: string, name: string): Promise<Ack> {
  try {
    const res = await fetch(`/record/sign?meeting=${encodeURIComponent(meetingId)}`, {
      method: 'POST',
      // A wrong password answers 401 with a Basic challenge: without credentials, the browser
      // hands it to this dialog instead of raising its own sign-in prompt (fetch spec, 401 step).
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'secretariat', password, ...(name.trim() ? { name: name.trim() } : {}) }),
    });
    if (res.ok) return { ok: true, version: 0 };
    return (await res.json()) as Refusal;
  } catch {
    return UNREACHABLE;
  }
}

/**
 * § 29: the secretariat signs a closed meeting's decision record — not only the live one's.
 * The password is asked again here (a signature cannot be taken back, and the console may
 * have been left open); the name is the signer's, as on the record.
 */
export function MeetingSignDialog({ meeting, onClose }: { meeting: MeetingDetails; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    const r = await tracked(`record.sign:${meeting.id}`, t('meetingSignLabel', { title: meeting.title }), () => signMeeting(meeting.id, password, name));
    setBusy(false);
    if (r.ok) onClose();
    else setRefusal(r as Refusal);
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="sign-meeting-title"
      aria-describedby="sign-meeting-text"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} className="stack">
        <h2 id="sign-meeting-title">{t('meetingSignTitle', { title: meeting.title })}</h2>
        <p id="sign-meeting-text" className="statement statement-warn">
          {t('meetingSignText')}
        </p>
        <Field label={t('signerName')}>
          <input value={name} maxLength={120} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('meetingSignPassword')}>
          <input type="password" value={password} autoComplete="current-password" required onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Reason refusal={refusal} />
        <div className="button-row">
          <button type="submit" className="btn btn-danger btn-big" disabled={!password || busy} aria-busy={busy}>
            {t('signRecord')}
            {busy ? <span className="pending-note"> — {t('sending')}</span> : null}
          </button>
          <button type="button" className="btn btn-big" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
