import { useEffect, useMemo, useState } from 'react';
import { presentPersons, type Actor, type MeetingState } from '../../../shared/index';
import { ActionButton, FeedbackLine, Field, LoadingScreen } from '../components/common';
import { ConsoleHeader, PresencePanel, Section, SignInForm, SubstitutesPanel, useChecker } from '../components/panels';
import { useT } from '../i18n';
import { act, connect, disconnect } from '../socket';
import { useStore } from '../store';

/** The secretariat (§ 8, § 18 stk. 2): presence, substitutes, a temporary chair. */
export function SecretariatScreen() {
  const t = useT();
  const [password, setPassword] = useState<string | null>(null);
  const authError = useStore((s) => s.authError);
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
        error={password !== null && authError ? t('unauthorized') : null}
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
        </div>
      </main>
    </div>
  );
}
