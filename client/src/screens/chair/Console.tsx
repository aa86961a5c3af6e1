import { useMemo } from 'react';
import { isStartable } from '../../../../shared/engine/startable';
import type { Actor, MeetingState } from '../../../../shared/index';
import { ActionButton, FeedbackLine, personLabel } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { ConsoleHeader, Notices, PresencePanel, SubstitutesPanel, useChecker } from '../../components/panels';
import { RecordPanel } from '../../components/RecordPanel';
import { allowedFor, probeState } from '../../engine';
import { send, useShortcuts } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { serverNow } from '../../store';
import { ActiveVotePanel } from './ActiveVotePanel';
import { itemsToHandle } from './agenda';
import { AgendaAddPanel } from './AgendaAddPanel';
import { AgendaPanel } from './AgendaPanel';
import { AmendmentDeadlinePanel } from './AmendmentDeadlinePanel';
import { AmendmentsPanel } from './AmendmentsPanel';
import { chairShortcuts } from './chairShortcuts';
import { askBeforeFinish } from './confirmations';
import { DeclarationPanel } from './DeclarationPanel';
import { DemandsPanel } from './DemandsPanel';
import { DivisionPanel } from './DivisionPanel';
import { ElectionPanel } from './elections/ElectionPanel';
import { HandOverPanel } from './HandOverPanel';
import { ItemEditPanel } from './ItemEditPanel';
import { LastResultPanel } from './LastResultPanel';
import { MeetingPanel } from './MeetingPanel';
import { MotionPanel } from './MotionPanel';
import { ShortcutsPanel } from './ShortcutsPanel';
import { SpeakersPanel } from './SpeakersPanel';
import { SpeakingStatsPanel } from './SpeakingStatsPanel';
import { useVoteForm } from './useVoteForm';
import { VoteFormPanel } from './VoteFormPanel';

/** The console: three columns of panels and a wide row for presence, each panel asking the shared engine what it allows. */
export function Console({ state, personId, password, onSignOut }: { state: MeetingState; personId: string; password: string; onSignOut: () => void }) {
  const t = useT();
  const actor: Actor = useMemo(() => ({ role: 'chair', personId }), [personId]);
  const allowed = useMemo(() => allowedFor(state, actor), [state, actor]);
  const can = useChecker(state, actor);
  const item = state.currentItem ? state.items[state.currentItem] : undefined;
  const activeItem = item?.status === 'active' ? item : undefined;
  const vote = state.activeVote ? state.votes[state.activeVote] : undefined;
  const acting = state.chair.acting;
  const voteForm = useVoteForm(state, activeItem, can);

  const toHandle = useMemo(() => itemsToHandle(state, personId), [state, personId]);
  const probe = probeState(state);
  const now = serverNow();
  const nextItemId = toHandle.find((id) => isStartable(probe, id, now)) ?? toHandle[0] ?? null;

  const { ask, dialog } = useConfirm();
  const shortcuts = askBeforeFinish(chairShortcuts({ state, t, allowed, can, activeItem, vote, nextItemId, voteForm }), { state, activeItem, t, ask });
  const signer = useMemo(() => ({ role: 'chair' as const, personId, password }), [personId, password]);
  useShortcuts(shortcuts);

  return (
    <div className="screen console chair-console">
      <ConsoleHeader title={t('chairTitle')} state={state} onSignOut={onSignOut} />
      {acting !== personId ? (
        <div className="banner banner-warn" role="status">
          {t('notActingChair', { name: acting ? personLabel(state, acting).name : '—' })}
          <ActionButton label={t('assumeChair')} refusal={allowed['chair.assume']} pendingKey="chair.assume" onPress={() => void act({ type: 'chair.assume' }, t('assumeChair'))} />
        </div>
      ) : null}
      {state.meeting.lateWarned ? <div className="banner banner-warn">{t('lateWarning')}</div> : null}
      <div className="console-feedback">
        <FeedbackLine />
      </div>
      <main className="console-grid">
        <div className="col">
          <MeetingPanel state={state} allowed={allowed} shortcuts={shortcuts} ask={ask} />
          <AgendaPanel state={state} can={can} allowed={allowed} toHandle={toHandle} nextItemId={nextItemId} shortcuts={shortcuts} />
          <ItemEditPanel state={state} can={can} />
          <AgendaAddPanel state={state} can={can} />
          <HandOverPanel state={state} can={can} />
        </div>

        <div className="col">
          <SpeakersPanel state={state} can={can} shortcuts={shortcuts} />
          <DemandsPanel state={state} />
          {activeItem ? <DivisionPanel state={state} item={activeItem} can={can} /> : null}
          <SpeakingStatsPanel state={state} />
          {activeItem ? <AmendmentsPanel state={state} item={activeItem} can={can} /> : null}
          {activeItem ? <AmendmentDeadlinePanel key={activeItem.id} item={activeItem} can={can} /> : null}
        </div>

        <div className="col">
          {state.activeElection ? <ElectionPanel state={state} can={can} /> : null}
          <MotionPanel state={state} can={can} />
          {vote ? (
            <ActiveVotePanel state={state} vote={vote} allowed={allowed} can={can} shortcuts={shortcuts} />
          ) : state.declaration ? (
            <DeclarationPanel state={state} allowed={allowed} voteForm={voteForm} shortcuts={shortcuts} />
          ) : (
            <VoteFormPanel
              state={state}
              item={activeItem}
              voteForm={voteForm}
              shortcuts={shortcuts}
              declare={() => send(voteForm.declareBody && { body: voteForm.declareBody, label: t('declare'), refusal: voteForm.declareRefusal })}
            />
          )}
          {!state.activeElection ? <ElectionPanel state={state} can={can} /> : null}
          <LastResultPanel state={state} />
          <Notices state={state} />
          <ShortcutsPanel shortcuts={shortcuts} />
          <RecordPanel state={state} signer={signer} />
        </div>

        <div className="col col-wide">
          <PresencePanel state={state} can={can} withOrderCalls />
          <SubstitutesPanel state={state} can={can} />
        </div>
      </main>
      {dialog}
    </div>
  );
}
