import type { MeetingState } from '../../../../shared/index';
import { ActionButton, VoteModeSelect } from '../../components/common';
import { Section } from '../../components/panels';
import { send } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { act } from '../../socket';
import { keyOf, type ChairShortcuts } from './chairShortcuts';
import type { AllowedMap } from './types';
import type { VoteFormModel } from './useVoteForm';

/** § 24, stk. 4: an outcome declared without a vote, the members who demand a vote, confirm or open the vote (V). */
export function DeclarationPanel({ state, allowed, voteForm, shortcuts }: { state: MeetingState; allowed: AllowedMap; voteForm: VoteFormModel; shortcuts: ChairShortcuts }) {
  const t = useT();
  const d = state.declaration!;
  const open = keyOf(shortcuts, 'V').press!;
  return (
    <Section title={t('declaration')} id="decl-title" className="card-vote">
      <p className="vote-point">{d.point}</p>
      <p>{t('declarationExpected', { outcome: t(d.expected) })}</p>
      <p className="big-count" aria-live="assertive" data-testid="chair-declaration-demands">
        {d.demands.length ? t('demandsArrived', { names: d.demands.map((p) => state.persons[p]?.name ?? p).join(', ') }) : t('noDemands')}
      </p>
      <ActionButton
        label={t('confirmDeclaration')}
        refusal={allowed['declaration.confirm']}
        pendingKey="declaration.confirm"
        className="btn-primary"
        onPress={() => void act({ type: 'declaration.confirm' }, t('confirmDeclaration'))}
      />
      <div className="form-row">
        <VoteModeSelect value={voteForm.declMode} onChange={voteForm.setDeclMode} />
        <ActionButton label={t('voteOnDeclaration')} refusal={open.refusal} pendingKey="vote.open" shortcut="V" onPress={() => send(open)} />
      </div>
    </Section>
  );
}
