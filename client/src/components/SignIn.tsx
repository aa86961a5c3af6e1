import { useState, type FormEvent } from 'react';
import './console.css';
import { useT } from '../i18n';
import { useStore } from '../store';
import { formatClock, ScreenHeader, useNow } from './common';

/**
 * Why a console's sign-in was refused, for the person at the keyboard: a wrong password, a
 * lock after too many failures (with the time left, counting down), or another refusal
 * named as it came.
 */
export function useSignInError(attempted: boolean): string | null {
  const t = useT();
  const authError = useStore((s) => s.authError);
  const retryAt = useStore((s) => s.authRetryAt);
  const locked = attempted && authError === 'rate_limited' && retryAt !== null;
  // The clock ticks only while a lock is shown: this hook sits at the top of a console.
  const now = useNow(1000, locked);
  if (!attempted || !authError) return null;
  if (authError === 'rate_limited')
    return retryAt ? t('consoleRateLimited', { time: formatClock(Math.max(0, retryAt - now)) }) : t('consoleRateLimitedNoTime');
  if (authError === 'unauthorized') return t('unauthorized');
  return t('connectRefused', { reason: authError });
}

/** Sign-in for the consoles; the credentials go into the socket handshake only. */
export function SignInForm(props: {
  title: string;
  help: string;
  withPersonId: boolean;
  error: string | null;
  onSubmit: (personId: string, password: string) => void;
}) {
  const t = useT();
  const [personId, setPersonId] = useState(() => sessionStorage.getItem('salen.personId') ?? '');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (props.withPersonId) sessionStorage.setItem('salen.personId', personId.trim());
    props.onSubmit(personId.trim(), password);
  };
  return (
    <div className="screen console">
      <ScreenHeader title={props.title} live={false} />
      <main className="console-signin">
        <form className="card stack" onSubmit={submit} aria-labelledby="signin-title">
          <h2 id="signin-title">{t('signIn')}</h2>
          <p>{props.help}</p>
          {props.withPersonId ? (
            <>
              <label htmlFor="personId">{t('personId')}</label>
              <input id="personId" autoComplete="username" value={personId} onChange={(e) => setPersonId(e.target.value)} required />
            </>
          ) : null}
          <label htmlFor="password">{t('password')}</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <button type="submit" className="btn btn-primary">
            {t('signIn')}
          </button>
          {props.error ? (
            <p className="statement statement-warn" role="alert">
              {props.error}
            </p>
          ) : null}
        </form>
      </main>
    </div>
  );
}
