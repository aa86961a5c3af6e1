import { cloneElement, useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import './common.css';
import type { Choice, Group, MeetingState, PublicView, Refusal, VoteMode } from '../../../shared/index';
import { styledName } from '../../../shared/names';
import { refusalText, relabel, useLang, useT } from '../i18n';
import { useStore } from '../store';
import { Announcer } from './Announcer';

/**
 * The language toggle: on every screen, remembered in localStorage. Its name starts with
 * the word it shows ("English"), so a speech-input user who says what they see hits it
 * (WCAG 2.5.3 Label in Name); the rest tells a screen-reader user what it does.
 */
export function LangToggle() {
  const t = useT();
  const toggle = useLang((s) => s.toggle);
  const lang = useLang((s) => s.lang);
  return (
    <button type="button" className="lang-toggle" onClick={toggle} aria-label={`${t('langToggle')} – ${t('langToggleLabel')}`} lang={lang === 'da' ? 'en' : 'da'}>
      {t('langToggle')}
    </button>
  );
}

/** The accessibility statement (webtilgængelighedsloven asks for it linked from every screen), in the current language. */
export function StatementLink() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <a className="statement-link" href={lang === 'da' ? '/tilgaengelighed' : '/accessibility'}>
      {t('a11yLink')}
    </a>
  );
}

/** "Offline — genforbinder…" while the socket is down; socket.io reconnects by itself. */
export function ConnectionBanner() {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const ever = useStore((s) => s.everConnected);
  const authError = useStore((s) => s.authError);
  const restarting = useStore((s) => s.restarting);
  if (authError || (connected && !restarting)) return null;
  return (
    <div className="banner banner-offline" role="alert">
      {restarting ? t('restarting') : ever ? t('offline') : t('connecting')}
    </div>
  );
}

/** How long a success line stays before it clears (a refusal stays: see FeedbackLine). */
export const FEEDBACK_OK_MS = 6000;

/**
 * The answer to the last press, read out by screen readers (role="status"), always in the
 * current language (the label is put into it again after a switch: `relabel`).
 * A success line clears after FEEDBACK_OK_MS: it only confirms what the screen already
 * shows, and a stale "✓ Modtaget" would pass for the answer to a later press. A refusal
 * stays until the next press replaces it: it carries the § and the reason, which the person
 * must be able to read at their own pace (and a screen reader user to find again).
 */
export function FeedbackLine() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const fb = useStore((s) => s.feedback);
  const [expired, setExpired] = useState<number | null>(null);
  const okId = fb?.state === 'ok' ? fb.id : null;
  useEffect(() => {
    if (okId === null) return;
    const h = setTimeout(() => setExpired(okId), FEEDBACK_OK_MS);
    return () => clearTimeout(h);
  }, [okId]);
  const shown = fb && !(fb.state === 'ok' && fb.id === expired) ? fb : null;
  const label = shown ? relabel(shown.label, lang) : '';
  return (
    <div className={`feedback ${shown ? `feedback-${shown.state}` : 'feedback-empty'}`} role="status" aria-live="polite" data-testid="feedback">
      {shown
        ? shown.state === 'pending'
          ? `${label}: ${t('sending')}`
          : shown.state === 'ok'
            ? `✓ ${label}: ${t('received')}`
            : `✗ ${label} — ${refusalText(shown.refusal!, lang)}`
        : '\u00a0'}
    </div>
  );
}

/** A refusal's § and reason, shown under a disabled button. */
export function Reason({ refusal, id }: { refusal: Refusal | null | undefined; id?: string }) {
  const lang = useLang((s) => s.lang);
  if (!refusal) return null;
  return (
    <p className="reason" id={id}>
      {refusalText(refusal, lang)}
    </p>
  );
}

let reasonIds = 0;
function useReasonId() {
  const [id] = useState(() => `reason-${++reasonIds}`);
  return id;
}

/**
 * A button that the shared engine enables or disables. `refusal` is the engine's verdict
 * (null: allowed); when disabled, the § and the reason are shown beneath it.
 */
export function ActionButton(props: {
  label: string;
  refusal: Refusal | null | undefined;
  pendingKey: string;
  onPress: () => void;
  className?: string;
  shortcut?: string;
  pressed?: boolean;
  hideReason?: boolean;
  /** Not ready to send (e.g. nothing selected yet); not a rule, so no reason is shown. */
  incomplete?: boolean;
  /** The name a screen reader gives, when the visible label alone is ambiguous (one per row). */
  ariaLabel?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const pending = useStore((s) => !!s.pending[props.pendingKey]);
  const reasonId = useReasonId();
  const disabled = !!props.refusal || !connected || pending || !!props.incomplete;
  return (
    <div className="action">
      <button
        type="button"
        className={`btn ${props.className ?? ''} ${pending ? 'is-pending' : ''}`}
        disabled={disabled}
        aria-disabled={disabled}
        aria-busy={pending}
        aria-pressed={props.pressed}
        aria-label={props.ariaLabel}
        aria-describedby={props.refusal && !props.hideReason ? reasonId : undefined}
        aria-keyshortcuts={props.shortcut}
        onClick={props.onPress}
      >
        {props.children ?? props.label}
        {props.shortcut ? <kbd className="kbd" aria-hidden="true">{props.shortcut}</kbd> : null}
        {pending ? <span className="pending-note"> — {t('sending')}</span> : null}
      </button>
      {props.hideReason ? null : <Reason refusal={props.refusal} id={reasonId} />}
    </div>
  );
}

/** Re-renders every `ms` milliseconds while `running`; for clocks. */
export function useNow(ms = 250, running = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    // At once as well: a clock started later must not show the time it was last stopped at.
    const first = setTimeout(tick, 0);
    const h = setInterval(tick, ms);
    return () => {
      clearTimeout(first);
      clearInterval(h);
    };
  }, [ms, running]);
  return now;
}

/** Milliseconds to a server-clock deadline, by this screen's clock offset. */
export function useRemaining(deadline: number | null | undefined): number | null {
  const now = useNow();
  const offset = useStore((s) => s.serverOffset);
  if (deadline == null) return null;
  return deadline - (now + offset);
}

export function formatClock(ms: number): string {
  const neg = ms < 0;
  const total = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${neg ? '+' : ''}${m}:${String(s).padStart(2, '0')}`;
}

/** The speaking clock, counting down from the absolute deadline. */
export function SpeakingClock({ deadline, className, label }: { deadline: number; className?: string; label?: string }) {
  const t = useT();
  const left = useRemaining(deadline) ?? 0;
  const over = left < 0;
  return (
    <span className={`clock ${over ? 'clock-over' : ''} ${className ?? ''}`} role="timer" aria-label={label ?? t('timeLeft')}>
      {formatClock(left)}
      {over ? <span className="clock-over-note"> {t('overTime')}</span> : null}
    </span>
  );
}

type AnyView = PublicView | MeetingState;

function groupsOf(v: AnyView): Record<string, Group> {
  return v.groups;
}

/** A person's name and group letter, from either kind of view. */
export function personLabel(v: AnyView, personId: string): { name: string; letter: string; group: Group | null } {
  const persons = 'persons' in v ? v.persons : Object.fromEntries(v.members.map((m) => [m.id, m]));
  const p = persons[personId];
  const g = p ? (groupsOf(v)[p.groupId] ?? null) : null;
  // § 19, stk. 4: a mayor by the official title.
  return { name: p ? styledName(p) : personId, letter: g?.letter ?? '?', group: g };
}

export function PersonName({ view, personId }: { view: AnyView; personId: string }) {
  const { name, group } = personLabel(view, personId);
  return (
    <span className="person">
      <PartyLetter group={group} /> {name}
    </span>
  );
}

export const CHOICE_COLORS: Record<Choice, string> = { for: '#1a7f37', against: '#c62828', abstain: '#f2c500' };
export const CHOICE_TEXT: Record<Choice, string> = { for: '#ffffff', against: '#ffffff', abstain: '#111111' };

/** Header used by every screen: title, what it is, language toggle, connection banner. */
export function ScreenHeader({ title, subtitle, children, live = true }: { title: string; subtitle?: ReactNode; children?: ReactNode; live?: boolean }) {
  return (
    <>
      {live ? <ConnectionBanner /> : null}
      <header className="screen-header">
        <div className="screen-title">
          <h1>{title}</h1>
          {subtitle ? <div className="screen-subtitle">{subtitle}</div> : null}
        </div>
        <div className="screen-tools">
          {children}
          <StatementLink />
          <LangToggle />
        </div>
      </header>
      {live ? <Announcer /> : null}
    </>
  );
}

/** A label bound to its control by id, so its name is the label alone (not the options). */
export function Field({ label, children }: { label: ReactNode; children: ReactElement<{ id?: string }> }) {
  const auto = useId();
  const id = children.props.id ?? auto;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

/** Black or white text on a hex background, whichever contrasts more (WCAG luminance). */
export function contrastText(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return '#fff';
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // White wins when its contrast (1.05 / (L + 0.05)) beats black's ((L + 0.05) / 0.05).
  return 1.05 / (L + 0.05) >= (L + 0.05) / 0.05 ? '#fff' : '#000';
}

/** A group's letter on its colour, in the text colour that reads on it. */
export function PartyLetter({ group }: { group: Group | null | undefined }) {
  const bg = group?.color ?? '#555';
  return (
    <span className="party-letter" style={{ background: bg, color: contrastText(bg) }} title={group?.name}>
      {group?.letter ?? '?'}
    </span>
  );
}

/** A console before its first view: the header and a loading line. */
export function LoadingScreen({ title }: { title: string }) {
  const t = useT();
  return (
    <div className="screen console">
      <ScreenHeader title={title} />
      <main className="console-main">
        <p>{t('loading')}</p>
      </main>
    </div>
  );
}

/** Who has not voted yet (a vote or an election round): names, open while the list is short. */
export function MissingVoters({ view, missing, testId }: { view: AnyView; missing: string[]; testId?: string }) {
  const t = useT();
  return (
    <details open={missing.length > 0 && missing.length <= 12}>
      <summary>
        {t('notYetVoted')}: {missing.length}
      </summary>
      {missing.length ? (
        <ul className="plain names" data-testid={testId}>
          {missing.map((p) => (
            <li key={p}>
              <PersonName view={view} personId={p} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('allVoted')}</p>
      )}
    </details>
  );
}

/** § 24: electronic, roll call (stk. 2) or show of hands (stk. 1). */
export function VoteModeSelect({ value, onChange }: { value: VoteMode; onChange: (m: VoteMode) => void }) {
  const t = useT();
  return (
    <Field label={t('mode')}>
      <select value={value} onChange={(e) => onChange(e.target.value as VoteMode)}>
        {(['electronic', 'rollCall', 'manual'] as const).map((m) => (
          <option key={m} value={m}>
            {t(`mode_${m}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
