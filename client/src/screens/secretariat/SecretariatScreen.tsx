import { useEffect, useMemo, useRef, useState } from 'react';
import './secretariat.css';
import { presentPersons, type Actor, type MeetingState } from '../../../../shared/index';
import { ActionButton, FeedbackLine, Field, LoadingScreen } from '../../components/common';
import { ConsoleHeader, PresencePanel, Section, SignInForm, SubstitutesPanel, useChecker, useSignInError } from '../../components/panels';
import { useT } from '../../i18n';
import { act, connect, disconnect, rotateSeatKey } from '../../socket';
import { useStore } from '../../store';

/** The secretariat (§ 8, § 18 stk. 2): presence, substitutes, a temporary chair. */
export function SecretariatScreen() {
  const t = useT();
  const [password, setPassword] = useState<string | null>(null);
  const authError = useStore((s) => s.authError);
  const signInError = useSignInError(password !== null);
  const role = useStore((s) => s.role);
  const view = useStore((s) => s.view);
  useEffect(() => {
    document.title = 'Salen — ' + t('secretariatTitle');
    if (password === null) return;
    connect({ role: 'secretariat', password });
    return () => disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [password]);

  if (password === null || authError) {
    return (
      <SignInForm
        title={t('secretariatTitle')}
        help={t('secretariatSignInHelp')}
        withPersonId={false}
        error={signInError}
        onSubmit={(_p, pw) => setPassword(pw)}
      />
    );
  }
  if (role !== 'chair' || !view) {
    return <LoadingScreen title={t('secretariatTitle')} />;
  }
  return <SecretariatConsole state={view as MeetingState} onSignOut={() => setPassword(null)} />;
}

function SecretariatConsole({ state, onSignOut }: { state: MeetingState; onSignOut: () => void }) {
  const t = useT();
  const actor: Actor = useMemo(() => ({ role: 'secretariat', id: 'secretariat' }), []);
  const can = useChecker(state, actor);
  const [temp, setTemp] = useState('');
  const present = presentPersons(state).filter((p) => state.persons[p]?.kind === 'member');
  return (
    <div className="screen console">
      <ConsoleHeader title={t('secretariatTitle')} state={state} onSignOut={onSignOut} />
      <div className="console-feedback">
        <FeedbackLine />
      </div>
      <main className="console-grid console-grid-2">
        <div className="col">
          <SubstitutesPanel state={state} can={can} />
          <Section title={t('appointTemporary')} id="temp-title">
            <div className="form-row">
              <Field label={t('member')}>
                <select value={temp} onChange={(e) => setTemp(e.target.value)}>
                  <option value="">—</option>
                  {present.map((p) => (
                    <option key={p} value={p}>
                      {state.persons[p]!.name} ({state.groups[state.persons[p]!.groupId]?.letter})
                    </option>
                  ))}
                </select>
              </Field>
              <ActionButton
                label={t('appoint')}
                refusal={temp || present[0] ? can({ type: 'chair.appointTemporary', personId: temp || present[0]! }) : null}
                incomplete={!temp}
                pendingKey="chair.appointTemporary"
                onPress={() => temp && void act({ type: 'chair.appointTemporary', personId: temp }, t('appointTemporary'))}
              />
            </div>
          </Section>
        </div>
        <div className="col col-wide">
          <PresencePanel state={state} can={can} withOrderCalls={false} />
          <TabletsPanel state={state} />
        </div>
      </main>
    </div>
  );
}

/** Who sits at a seat now, or whose seat it is (a substitute called in counts, § 8). */
function seatPerson(state: MeetingState, seatId: string): string | null {
  const occ = state.presence[seatId]?.personId;
  if (occ) return occ;
  const owner = Object.values(state.persons).find((p) => p.seatId === seatId);
  return owner ? (state.substitutes[owner.id] ?? owner.id) : null;
}

/**
 * Tablets: give a seat a new key (a lost tablet, a link that got out). Irreversible, so a
 * confirmation dialog first; the new link is shown once, to be opened on the seat's tablet.
 */
function TabletsPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const [seatId, setSeatId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [issued, setIssued] = useState<{ seatId: string; link: string } | null>(null);
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
    if (typeof key === 'string' && key) setIssued({ seatId: id, link: `${location.origin}/seat#key=${encodeURIComponent(key)}` });
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
      {issued ? <NewSeatLink seatLabel={labelOf(issued.seatId)} link={issued.link} onHide={() => setIssued(null)} /> : null}
    </section>
  );
}

/** A modal question before something irreversible: the native dialog (focus kept inside, Esc cancels). */
function ConfirmDialog(props: { title: string; text: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text" className="statement statement-warn">
        {props.text}
      </p>
      <div className="button-row">
        <button type="button" className="btn btn-danger btn-big" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" className="btn btn-big" autoFocus onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}

/** The new seat link, shown once: read-only, selectable, with a copy button. */
function NewSeatLink({ seatLabel, link, onHide }: { seatLabel: string; link: string; onHide: () => void }) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'ok' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  const doCopy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      setCopy('ok');
    } catch {
      // No clipboard (plain http, a refused permission): the link is selected for Ctrl+C.
      try {
        setCopy(document.execCommand('copy') ? 'ok' : 'failed');
      } catch {
        setCopy('failed');
      }
    }
  };
  return (
    <div className="new-seat-link" data-testid="new-seat-link">
      <h3 id="new-link-title">{t('newSeatLink', { seat: seatLabel })}</h3>
      <input
        ref={input}
        className="input-link"
        readOnly
        value={link}
        aria-labelledby="new-link-title"
        aria-describedby="new-link-note"
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
      />
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => void doCopy()}>
          {t('copyLink')}
        </button>
        <button type="button" className="btn" onClick={onHide}>
          {t('hideLink')}
        </button>
        <span role="status" aria-live="polite" className="copy-status">
          {copy === 'ok' ? `✓ ${t('copied')}` : copy === 'failed' ? t('copyFailed') : ''}
        </span>
      </div>
      <p id="new-link-note" className="hint">
        {t('newSeatLinkNote')}
      </p>
    </div>
  );
}
