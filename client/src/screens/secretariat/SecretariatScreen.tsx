import { useMemo, useState } from 'react';
import './secretariat.css';
import type { Actor, MeetingState } from '../../../../shared/index';
import { FeedbackLine, LoadingScreen } from '../../components/common';
import { ConsoleHeader, PresencePanel, SignInForm, SubstitutesPanel, useChecker, useSignInError } from '../../components/panels';
import { RecordPanel } from '../../components/RecordPanel';
import { useConnection, useDocumentTitle } from '../../hooks/useConnection';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { CouncilPanels } from './CouncilPanels';
import { MeetingsPanel } from './MeetingsPanel';
import { PrintView, type PrintDoc } from './PrintView';
import { ProvisioningPanel } from './ProvisioningPanel';
import { TabletsPanel } from './TabletsPanel';
import { TemporaryChairPanel } from './TemporaryChairPanel';

/** The secretariat (§ 8, § 18 stk. 2): presence, substitutes, a temporary chair, the seats' tablets, keys and codes. */
export function SecretariatScreen() {
  const t = useT();
  const [password, setPassword] = useState<string | null>(null);
  const authError = useStore((s) => s.authError);
  const signInError = useSignInError(password !== null);
  const role = useStore((s) => s.role);
  const view = useStore((s) => s.view);
  useConnection(password === null ? null : { role: 'secretariat', password });
  useDocumentTitle('secretariatTitle');

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
  return <SecretariatConsole state={view as MeetingState} password={password} onSignOut={() => setPassword(null)} />;
}

function SecretariatConsole({ state, password, onSignOut }: { state: MeetingState; password: string; onSignOut: () => void }) {
  const t = useT();
  const actor: Actor = useMemo(() => ({ role: 'secretariat', id: 'secretariat' }), []);
  const can = useChecker(state, actor);
  const signer = useMemo(() => ({ role: 'secretariat' as const, password }), [password]);
  // Keys and codes just issued, in this component's memory only: closing the view drops them.
  const [print, setPrint] = useState<PrintDoc | null>(null);
  if (print) return <PrintView doc={print} state={state} onClose={() => setPrint(null)} />;
  return (
    <div className="screen console">
      <ConsoleHeader title={t('secretariatTitle')} state={state} onSignOut={onSignOut} />
      <div className="console-feedback">
        <FeedbackLine />
      </div>
      <main className="console-grid console-grid-2">
        <div className="col">
          <SubstitutesPanel state={state} can={can} />
          <TemporaryChairPanel state={state} can={can} />
          <RecordPanel state={state} signer={signer} />
        </div>
        <div className="col col-wide">
          <MeetingsPanel state={state} />
          <PresencePanel state={state} can={can} withOrderCalls={false} />
          <TabletsPanel state={state} onPrint={setPrint} />
          <ProvisioningPanel state={state} onPrint={setPrint} />
        </div>
      </main>
      <CouncilPanels onPrint={setPrint} />
    </div>
  );
}
