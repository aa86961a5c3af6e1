import { useState } from 'react';
import type { MeetingState } from '../../../../shared/index';
import { LoadingScreen } from '../../components/common';
import { SignInForm, useSignInError } from '../../components/panels';
import { useConnection, useDocumentTitle } from '../../hooks/useConnection';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Console } from './Console';
import './chair.css';

/** `/chair`: the chair's (or a vice-chair's) sign-in, then the console. */
export function ChairScreen() {
  const t = useT();
  const [creds, setCreds] = useState<{ personId: string; password: string } | null>(null);
  const authError = useStore((s) => s.authError);
  const signInError = useSignInError(creds !== null);
  const role = useStore((s) => s.role);
  const view = useStore((s) => s.view);
  useDocumentTitle('chairTitle');
  useConnection(creds ? { role: 'chair', personId: creds.personId, password: creds.password } : null);

  if (!creds || authError) {
    return (
      <SignInForm
        title={t('chairTitle')}
        help={t('chairSignInHelp')}
        withPersonId
        error={signInError}
        onSubmit={(personId, password) => setCreds({ personId, password })}
      />
    );
  }
  if (role !== 'chair' || !view) {
    return <LoadingScreen title={t('chairTitle')} />;
  }
  return <Console state={view as MeetingState} personId={creds.personId} password={creds.password} onSignOut={() => setCreds(null)} />;
}
