import { amendmentLabels, amendmentVotingOrder, rollCallDemanded } from '../../../../shared/engine/selectors';
import type { Item, MeetingState } from '../../../../shared/index';
import { ActionButton, Field, VoteModeSelect } from '../../components/common';
import { Section } from '../../components/panels';
import { send } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';
import { keyOf, type ChairShortcuts } from './chairShortcuts';
import type { VoteFormModel } from './useVoteForm';
import { SUBJECT_KINDS, type SubjectKind } from './voteForm';

/**
 * What the chair puts to the vote (§ 18, stk. 1; § 24): the subject, the point as worded,
 * the mode; or the same declared without a vote (§ 24, stk. 4). V opens what the form shows.
 */
export function VoteFormPanel(props: { state: MeetingState; item: Item | undefined; voteForm: VoteFormModel; shortcuts: ChairShortcuts; declare: () => void }) {
  const t = useT();
  const { state, item, voteForm } = props;
  const { form, setForm } = voteForm;
  const pending = item ? amendmentVotingOrder(state, item.id).filter((id) => state.amendments[id]?.status === 'pending') : [];
  const labels = item ? amendmentLabels(state, item.id) : null;
  const persons = Object.values(state.persons).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const open = keyOf(props.shortcuts, 'V').press!;
  return (
    <Section title={t('openVote')} id="vote-title">
      <div className="stack">
        <Field label={t('subject')}>
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as SubjectKind, kindChosen: true, pointEdited: false, personId: '', amendmentId: '' })}>
            {SUBJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`subject_${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {form.kind === 'proposal' ? (
          <Field label={t('part')}>
            <input value={form.part} onChange={(e) => set({ part: e.target.value, pointEdited: false })} />
          </Field>
        ) : null}
        {form.kind === 'amendment' ? (
          <Field label={t('subject_amendment')}>
            <select value={form.amendmentId} onChange={(e) => set({ amendmentId: e.target.value, pointEdited: false })}>
              <option value="">—</option>
              {pending.map((id, i) => (
                <option key={id} value={id}>
                  {t('chairAmendmentLabel', { label: labels?.get(id)?.label ?? '?' })} ({t('chairVotedAsNo', { n: i + 1 })}): {state.amendments[id]!.text.slice(0, 60)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {form.kind === 'disqualification' || form.kind === 'denyFloor' ? (
          <Field label={t('person')}>
            <select value={form.personId} onChange={(e) => set({ personId: e.target.value, pointEdited: false })}>
              <option value="">—</option>
              {persons.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({state.groups[p.groupId]?.letter}){state.callsToOrder[p.id] ? ` · ${t('callsToOrder', { n: state.callsToOrder[p.id]! })}` : ''}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {form.kind === 'referral' ? (
          <Field label={t('committee')}>
            <input value={form.committee} onChange={(e) => set({ committee: e.target.value, pointEdited: false })} />
          </Field>
        ) : null}
        <Field label={t('point')}>
          <textarea rows={3} value={voteForm.point} onChange={(e) => set({ point: e.target.value, pointEdited: true })} />
        </Field>
        <VoteModeSelect value={form.mode} onChange={(mode) => set({ mode })} />
        {rollCallDemanded(state) ? (
          <p className="statement statement-warn">
            {t('demandRollCall')} ✓ — {t('mode_rollCall')} (§ 24, stk. 2)
          </p>
        ) : null}
        <ActionButton
          label={t('openVote')}
          refusal={open.refusal}
          incomplete={voteForm.subjectMissing}
          pendingKey="vote.open"
          className="btn-primary"
          shortcut="V"
          onPress={() => send(open)}
        />
        <fieldset className="fieldset">
          <legend>{t('declare')}</legend>
          <div className="form-row">
            <Field label={t('expected')}>
              <select value={form.expected} onChange={(e) => set({ expected: e.target.value as 'adopted' | 'rejected' })}>
                <option value="adopted">{t('adopted')}</option>
                <option value="rejected">{t('rejected')}</option>
              </select>
            </Field>
            <ActionButton label={t('declare')} refusal={voteForm.declareRefusal} incomplete={voteForm.subjectMissing} pendingKey="declaration.make" onPress={props.declare} />
          </div>
        </fieldset>
      </div>
    </Section>
  );
}
