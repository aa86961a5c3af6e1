import { useCallback, useEffect, useState } from 'react';
import type { DecisionRecord } from '../../../shared/record/types';
import { LOCAL_REFUSALS, type LocalRefusalCode } from '../../../shared/refusals';
import type { Ack, MeetingState, Refusal } from '../../../shared/index';
import { clockTime, useLang, useT } from '../i18n';
import { tracked } from '../socket';
import { ActionButton, Field } from './common';
import { useConfirm } from './ConfirmDialog';
import { Section } from './panels';

/** Who signs: the chair with their person id and password, or the secretariat's password. */
export type RecordSigner = { role: 'chair'; personId: string; password: string } | { role: 'secretariat'; password: string };

function local(code: LocalRefusalCode): Refusal {
  const [paragraph, da, en] = LOCAL_REFUSALS[code];
  return { ok: false, code, paragraph, message: { da, en } };
}

/** HTTP Basic as the record's routes take it (docs/record.md): UTF-8, as the server decodes it. */
function basic(signer: RecordSigner): string {
  const user = signer.role === 'chair' ? signer.personId : 'secretariat';
  const bytes = new TextEncoder().encode(`${user}:${signer.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

const UNREACHABLE: Refusal = { ok: false, code: 'OFFLINE', paragraph: '—', message: { da: LOCAL_REFUSALS.OFFLINE[1], en: LOCAL_REFUSALS.OFFLINE[2] } };

/** A POST to the record's routes, answered in the shape of a socket ack (the refusal with its §). */
async function post(path: string, body: object): Promise<Ack> {
  try {
    // No credentials of the browser's own: a 401's Basic challenge would open its login prompt.
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit' });
    // A signature or correction is no action on the meeting, so it moves no version (0).
    if (res.ok) return { ok: true, version: 0 };
    return (await res.json()) as Refusal;
  } catch {
    return UNREACHABLE;
  }
}

/** The members' version of the record (null when it cannot be read). */
async function fetchRecord(signer: RecordSigner): Promise<DecisionRecord | null> {
  try {
    const res = await fetch('/record/members.json', { headers: { Authorization: basic(signer) }, cache: 'no-store' });
    return res.ok ? ((await res.json()) as DecisionRecord) : null;
  } catch {
    return null;
  }
}

/**
 * The decision record (§ 29) on the chair's and the secretariat's consoles: its status (a draft,
 * or who signed and when), the signature once the meeting is closed (asked for first: it
 * cannot be taken back), and corrections. The members' version is read with the credentials
 * the console signed in with, so corrections of closed items show in full.
 */
export function RecordPanel({ state, signer }: { state: MeetingState; signer: RecordSigner }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { ask, dialog } = useConfirm();
  const [record, setRecord] = useState<DecisionRecord | null>(null);
  const [failed, setFailed] = useState(false);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [itemId, setItemId] = useState('');
  const status = state.meeting.status;

  // Read again whenever the meeting's status changes and after each signature or correction.
  const [reads, setReads] = useState(0);
  const reload = useCallback(() => setReads((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    void fetchRecord(signer).then((r) => {
      if (!live) return;
      if (r) setRecord(r);
      setFailed(!r);
    });
    return () => {
      live = false;
    };
  }, [signer, status, reads]);
  // The other role signs on its own console, and no socket event says so: while a signature is
  // still missing on a closed meeting, the status is read again now and then.
  const waiting = status === 'closed' && !record?.signed;
  useEffect(() => {
    if (!waiting) return;
    const h = setInterval(reload, 5000);
    return () => clearInterval(h);
  }, [waiting, reload]);

  const credentials = signer.role === 'chair' ? signer : { role: 'secretariat' as const, password: signer.password, ...(name.trim() ? { name: name.trim() } : {}) };
  // The server's own rules for a signature (docs/record.md), read from the record it serves,
  // so the button says why before it is pressed; the server judges again on the press.
  const signRefusal =
    status !== 'closed'
      ? local('MEETING_NOT_CLOSED')
      : record?.signed
        ? local('RECORD_SIGNED')
        : record?.signatures.some((s) => s.role === signer.role)
          ? local('ALREADY_SIGNED')
          : null;

  const sign = () =>
    ask({ title: t('confirmSignTitle'), text: t('confirmSignText'), confirm: t('signRecord') }, () => {
      void tracked('record.sign', t('signRecord'), () => post('/record/sign', credentials)).then(reload);
    });
  const correct = () => {
    const body = { ...credentials, text: text.trim(), ...(itemId ? { itemId } : {}) };
    void tracked('record.correct', t('addCorrection'), () => post('/record/corrections', body)).then((r) => {
      if (r.ok) setText('');
      reload();
    });
  };

  return (
    <Section title={t('recordTitle')} id="record-title">
      <div className="stack" data-testid="record-status" aria-live="polite">
        {failed ? <p className="statement statement-warn">{t('recordUnavailable')}</p> : null}
        {record && !record.anchor ? <p className="statement statement-warn">{t('recordDraft')}</p> : null}
        {record?.signatures.map((s) => (
          <p key={s.role} className="statement">
            {t('recordSignedBy', { name: s.name, role: t(`recordRole_${s.role}`), time: clockTime(s.at, lang) })}
          </p>
        ))}
        {record?.signed ? <p className="statement statement-ok">{t('recordLocked')}</p> : null}
      </div>
      <p>
        <a href={lang === 'en' ? '/record?lang=en' : '/record'} target="_blank" rel="noreferrer">
          {t('recordLink')}
        </a>
      </p>
      {signer.role === 'secretariat' && !signRefusal ? (
        <Field label={t('signerName')}>
          <input value={name} maxLength={120} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </Field>
      ) : null}
      <ActionButton label={t('signRecord')} refusal={signRefusal} pendingKey="record.sign" className="btn-primary" onPress={sign} />

      <h3>{t('corrections')}</h3>
      {record?.corrections.length ? (
        <ul className="plain" data-testid="record-corrections">
          {record.corrections.map((c) => (
            <li key={c.id}>
              {c.itemNumber !== null ? `${t('item', { n: c.itemNumber })}: ` : ''}
              {c.text}
              <div className="hint">{t('correctionBy', { by: c.by, time: clockTime(c.at, lang) })}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('noCorrections')}</p>
      )}
      <Field label={t('correctionText')}>
        <textarea rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Field label={t('correctionItem')}>
        <select value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">{t('correctionWholeMeeting')}</option>
          {state.agenda.map((id) => (
            <option key={id} value={id}>
              {t('item', { n: state.items[id]!.number })} {state.items[id]!.title}
            </option>
          ))}
        </select>
      </Field>
      <ActionButton label={t('addCorrection')} refusal={null} incomplete={!text.trim()} pendingKey="record.correct" onPress={correct} />
      {dialog}
    </Section>
  );
}
