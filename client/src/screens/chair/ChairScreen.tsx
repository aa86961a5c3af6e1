import { useEffect, useMemo, useRef, useState } from 'react';
import {
  amendmentVotingOrder,
  eligibleVoters,
  isPresent,
  isStartable,
  nextAmendment,
  projectedSpeakers,
  rollCallDemanded,
  rollCallNeeded,
  type ActionBody,
  type Actor,
  type Counts,
  type Item,
  type MeetingState,
  type Subject,
  type Vote,
  type VoteMode,
} from '../../../../shared/index';
import { ActionButton, FeedbackLine, Field, LoadingScreen, MissingVoters, PersonName, Reason, SpeakingClock, VoteModeSelect } from '../../components/common';
import { ConsoleHeader, Notices, PresencePanel, Section, SignInForm, SubstitutesPanel, useChecker, useSignInError } from '../../components/panels';
import { useT, type Translate } from '../../i18n';
import { act, connect, disconnect } from '../../socket';
import { allowedFor, probeState } from '../../engine';
import { serverNow, useStore } from '../../store';
import { ElectionPanel } from './ChairElections';

type SubjectKind = 'proposal' | 'amendment' | 'reading' | 'closure' | 'disqualification' | 'denyFloor' | 'referral' | 'postpone';

interface VoteForm {
  kind: SubjectKind;
  /** The chair picked the subject; otherwise it follows the item (next amendment, reading). */
  kindChosen: boolean;
  amendmentId: string;
  personId: string;
  committee: string;
  part: string;
  point: string;
  pointEdited: boolean;
  /** The chair's own pick; null follows the default (see `defaultMode`). */
  mode: VoteMode | null;
  expected: 'adopted' | 'rejected';
}

const emptyForm: VoteForm = {
  kind: 'proposal',
  kindChosen: false,
  amendmentId: '',
  personId: '',
  committee: '',
  part: '',
  point: '',
  pointEdited: false,
  mode: null,
  expected: 'adopted',
};

export function ChairScreen() {
  const t = useT();
  const [creds, setCreds] = useState<{ personId: string; password: string } | null>(null);
  const authError = useStore((s) => s.authError);
  const signInError = useSignInError(creds !== null);
  const role = useStore((s) => s.role);
  const view = useStore((s) => s.view);
  useEffect(() => {
    document.title = 'Salen — ' + t('chairTitle');
    if (!creds) return;
    connect({ role: 'chair', personId: creds.personId, password: creds.password });
    return () => disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creds]);

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
  return <Console state={view as MeetingState} personId={creds.personId} onSignOut={() => setCreds(null)} />;
}

/** Default wording of the point for each subject (Danish: it goes into the record). */
function defaultPoint(state: MeetingState, item: Item | undefined, f: VoteForm): string {
  const name = (id: string) => state.persons[id]?.name ?? id;
  switch (f.kind) {
    case 'proposal':
      return f.part.trim() ? f.part.trim() : (item?.proposal ?? item?.title ?? '');
    case 'amendment':
      return state.amendments[f.amendmentId]?.text ?? '';
    case 'reading':
      return item?.proposal ?? 'At forslaget overgår til anden behandling.';
    case 'closure':
      return 'At forhandlingen afsluttes.';
    case 'disqualification':
      return f.personId ? `At ${name(f.personId)} er inhabil i punktet.` : '';
    case 'denyFloor':
      return f.personId ? `At ${name(f.personId)} nægtes ordet for resten af mødet.` : '';
    case 'referral':
      return f.committee.trim() ? `At punktet henvises til ${f.committee.trim()}.` : '';
    case 'postpone':
      return 'At punktet udsættes.';
  }
}

function buildSubject(f: VoteForm): Subject | null {
  switch (f.kind) {
    case 'proposal':
      return f.part.trim() ? { kind: 'proposal', part: f.part.trim() } : { kind: 'proposal' };
    case 'amendment':
      return f.amendmentId ? { kind: 'amendment', amendmentId: f.amendmentId } : null;
    case 'reading':
      return { kind: 'reading' };
    case 'closure':
      return { kind: 'closure' };
    case 'disqualification':
      return f.personId ? { kind: 'disqualification', personId: f.personId } : null;
    case 'denyFloor':
      return f.personId ? { kind: 'denyFloor', personId: f.personId } : null;
    case 'referral':
      return f.committee.trim() ? { kind: 'referral', committee: f.committee.trim() } : null;
    case 'postpone':
      return { kind: 'postpone' };
  }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

function Console({ state, personId, onSignOut }: { state: MeetingState; personId: string; onSignOut: () => void }) {
  const t = useT();
  const actor: Actor = useMemo(() => ({ role: 'chair', personId }), [personId]);
  const allowed = useMemo(() => allowedFor(state, actor), [state, actor]);
  const can = useChecker(state, actor);
  const item = state.currentItem ? state.items[state.currentItem] : undefined;
  const activeItem = item?.status === 'active' ? item : undefined;
  const vote = state.activeVote ? state.votes[state.activeVote] : undefined;
  const acting = state.chair.acting;

  // The vote form lives here so the V shortcut opens exactly what the form shows.
  const [form, setForm] = useState<VoteForm>(emptyForm);
  const itemId = activeItem?.id ?? null;
  useEffect(() => {
    setForm(emptyForm);
  }, [itemId]);
  // The mode starts from the default for every vote: electronic, or the roll call once the
  // engine says one is demanded (§ 24, stk. 2). A pick of the chair's lasts for one vote
  // only: it is dropped when a vote opens or closes, and when a roll-call demand arrives.
  const rollCallDue = rollCallDemanded(state);
  const [declPick, setDeclMode] = useState<VoteMode | null>(null);
  const defaultMode: VoteMode = rollCallDue ? 'rollCall' : 'electronic';
  useEffect(() => {
    setForm((f) => (f.mode === null ? f : { ...f, mode: null }));
    setDeclMode(null);
  }, [state.activeVote, rollCallDue]);
  const nextAm = activeItem ? nextAmendment(state, activeItem.id) : null;
  // Follow the state: the next amendment in voting order, the reading at a first reading.
  const effectiveForm: VoteForm & { mode: VoteMode } = useMemo(() => {
    let f = form;
    if (activeItem && !f.kindChosen) {
      if (nextAm) f = { ...f, kind: 'amendment', amendmentId: nextAm };
      else if (activeItem.readings === 2 && activeItem.reading === 1) f = { ...f, kind: 'reading' };
    }
    if (f.kind === 'amendment' && (!f.amendmentId || state.amendments[f.amendmentId]?.status !== 'pending') && nextAm) f = { ...f, amendmentId: nextAm };
    return { ...f, mode: f.mode ?? defaultMode };
  }, [form, activeItem, nextAm, state.amendments, defaultMode]);
  const point = effectiveForm.pointEdited ? effectiveForm.point : defaultPoint(state, activeItem, effectiveForm);
  const subject = buildSubject(effectiveForm);
  const openBody: ActionBody | null = subject && point.trim() ? { type: 'vote.open', point: point.trim(), subject, mode: effectiveForm.mode } : null;
  const declareBody: ActionBody | null = subject && point.trim() ? { type: 'declaration.make', point: point.trim(), subject, expected: effectiveForm.expected } : null;
  const openRefusal = openBody ? can(openBody) : (allowed['vote.open'] ?? null);
  const declareRefusal = declareBody ? can(declareBody) : null;

  const pendingItems = state.agenda.filter((id) => ['pending', 'postponed', 'awaitingSecondReading'].includes(state.items[id]!.status));
  const probe = probeState(state);
  const now = serverNow();
  const nextItemId = pendingItems.find((id) => isStartable(probe, id, now)) ?? pendingItems[0] ?? null;

  // With a declaration pending, V opens the vote on the declaration itself (§ 24, stk. 4).
  const declMode: VoteMode = declPick ?? defaultMode;
  const decl = state.declaration;
  useEffect(() => setDeclMode(null), [decl?.point, decl?.subject.kind]);
  const declVoteBody: ActionBody | null = decl ? { type: 'vote.open', point: decl.point, subject: decl.subject, mode: declMode } : null;
  const openVote = () => {
    if (declVoteBody && !vote) {
      if (!can(declVoteBody)) void act(declVoteBody, t('voteOnDeclaration'), 'vote.open');
      return;
    }
    if (!openBody || openRefusal) return;
    void act(openBody, t('openVote')).then((r) => {
      if (r.ok) setForm(emptyForm);
    });
  };
  const giveFloor = () => !allowed['floor.give'] && void act({ type: 'floor.give' }, t('giveFloor'));
  const endFloor = () => !allowed['floor.end'] && void act({ type: 'floor.end' }, t('endFloor'));
  const closeVote = () => !allowed['vote.close'] && void act({ type: 'vote.close' }, t('closeVote'));
  const nextItem = () => {
    if (activeItem) {
      if (!allowed['item.finish']) void act({ type: 'item.finish' }, t('finishItem'));
    } else if (nextItemId && !can({ type: 'item.start', itemId: nextItemId })) {
      void act({ type: 'item.start', itemId: nextItemId }, `${t('start')} ${t('item', { n: state.items[nextItemId]!.number })}`, `item.start:${nextItemId}`);
    }
  };
  const blankRefusal = can({ type: 'gallery.blank', blank: !state.meeting.galleryBlank });
  const toggleBlank = () =>
    !blankRefusal &&
    void act({ type: 'gallery.blank', blank: !state.meeting.galleryBlank }, state.meeting.galleryBlank ? t('unblankGallery') : t('blankGallery'), 'gallery.blank');

  const handlers = useRef({ giveFloor, endFloor, openVote, closeVote, nextItem, toggleBlank });
  handlers.current = { giveFloor, endFloor, openVote, closeVote, nextItem, toggleBlank };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      const h = handlers.current;
      const map: Record<string, () => unknown> = { g: h.giveFloor, e: h.endFloor, v: h.openVote, c: h.closeVote, n: h.nextItem, b: h.toggleBlank };
      const fn = map[e.key.toLowerCase()];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="screen console">
      <ConsoleHeader title={t('chairTitle')} state={state} onSignOut={onSignOut} />
      {acting !== personId ? (
        <div className="banner banner-warn" role="status">
          {t('notActingChair', { name: acting ? (state.persons[acting]?.name ?? acting) : '—' })}
          <ActionButton label={t('assumeChair')} refusal={allowed['chair.assume']} pendingKey="chair.assume" onPress={() => void act({ type: 'chair.assume' }, t('assumeChair'))} />
        </div>
      ) : null}
      {state.meeting.lateWarned ? <div className="banner banner-warn">{t('lateWarning')}</div> : null}
      <div className="console-feedback">
        <FeedbackLine />
      </div>
      <main className="console-grid">
        <div className="col">
          <Section title={t('meeting')} id="meeting-title">
            <div className="button-row">
              {state.meeting.status === 'planned' ? (
                <ActionButton label={t('meetingOpen')} refusal={allowed['meeting.open']} pendingKey="meeting.open" className="btn-primary" onPress={() => void act({ type: 'meeting.open' }, t('meetingOpen'))} />
              ) : null}
              {state.meeting.status === 'open' ? (
                <ActionButton label={t('meetingSuspend')} refusal={allowed['meeting.suspend']} pendingKey="meeting.suspend" onPress={() => void act({ type: 'meeting.suspend' }, t('meetingSuspend'))} />
              ) : null}
              {state.meeting.status === 'suspended' ? (
                <ActionButton label={t('meetingResume')} refusal={allowed['meeting.resume']} pendingKey="meeting.resume" onPress={() => void act({ type: 'meeting.resume' }, t('meetingResume'))} />
              ) : null}
              {state.meeting.status !== 'closed' ? (
                <ActionButton label={t('meetingClose')} refusal={allowed['meeting.close']} pendingKey="meeting.close" className="btn-danger" onPress={() => void act({ type: 'meeting.close' }, t('meetingClose'))} />
              ) : null}
            </div>
            <ActionButton
              label={state.meeting.galleryBlank ? t('unblankGallery') : t('blankGallery')}
              refusal={blankRefusal}
              pendingKey="gallery.blank"
              shortcut="B"
              pressed={state.meeting.galleryBlank}
              onPress={toggleBlank}
            />
            {state.meeting.galleryBlank ? <p className="statement statement-warn">{t('galleryIsBlank')}</p> : null}
          </Section>
          <AgendaPanel state={state} can={can} allowed={allowed} nextItemId={nextItemId} />
          <HandOverPanel state={state} can={can} />
        </div>

        <div className="col">
          <SpeakersPanel state={state} can={can} allowed={allowed} giveFloor={giveFloor} endFloor={endFloor} />
          <DemandsPanel state={state} />
          {activeItem ? <AmendmentsPanel state={state} item={activeItem} can={can} /> : null}
        </div>

        <div className="col">
          {state.activeElection ? <ElectionPanel state={state} can={can} /> : null}
          {vote ? (
            <ActiveVotePanel state={state} vote={vote} allowed={allowed} can={can} closeVote={closeVote} />
          ) : state.declaration ? (
            <DeclarationPanel state={state} allowed={allowed} can={can} mode={declMode} setMode={setDeclMode} openVote={openVote} />
          ) : (
            <VoteFormPanel
              state={state}
              item={activeItem}
              form={effectiveForm}
              // Another field's change keeps the mode following its default (null).
              setForm={(f) => setForm({ ...f, mode: f.mode === effectiveForm.mode ? form.mode : f.mode })}
              point={point}
              openRefusal={openRefusal}
              declareRefusal={declareRefusal}
              openVote={openVote}
              declare={() => declareBody && !declareRefusal && void act(declareBody, t('declare'))}
              subjectMissing={!subject || !point.trim()}
            />
          )}
          {!state.activeElection ? <ElectionPanel state={state} can={can} /> : null}
          <LastResultPanel state={state} />
          <Notices state={state} />
          <ShortcutsPanel t={t} />
        </div>

        <div className="col col-wide">
          <PresencePanel state={state} can={can} withOrderCalls />
          <SubstitutesPanel state={state} can={can} />
        </div>
      </main>
    </div>
  );
}

type Can = (b: ActionBody) => import('../../../../shared/index').Refusal | null;
type AllowedMap = import('../../../../shared/index').Allowed;

function AgendaPanel({ state, can, allowed, nextItemId }: { state: MeetingState; can: Can; allowed: AllowedMap; nextItemId: string | null }) {
  const t = useT();
  const [committee, setCommittee] = useState('');
  const cur = state.currentItem ? state.items[state.currentItem] : undefined;
  const referBody: ActionBody = { type: 'item.refer', committee: committee.trim() || '—' };
  return (
    <Section title={t('agenda')} id="agenda-title">
      <ol className="agenda">
        {state.agenda.map((id) => {
          const it = state.items[id]!;
          const startable = ['pending', 'postponed', 'awaitingSecondReading'].includes(it.status);
          return (
            <li key={id} className={`agenda-item ${it.status === 'active' ? 'agenda-active' : ''}`} aria-current={it.status === 'active' ? 'step' : undefined}>
              <div className="agenda-head">
                <span className="agenda-number">{it.number}.</span> <span className="agenda-title">{it.title}</span>{' '}
                <span className={`tag ${it.doors === 'closed' ? 'tag-closed' : 'tag-open'}`} title={it.closedReason}>
                  {it.doors === 'closed' ? t('closedTag') : t('openTag')}
                </span>{' '}
                <span className="tag">{t(`itemStatus_${it.status}`)}</span>
                {it.readings > 1 ? <span className="tag">{t('readingOf', { reading: it.reading, readings: it.readings })}</span> : null}
              </div>
              {it.doors === 'closed' && it.closedReason ? <div className="hint">{it.closedReason}</div> : null}
              {startable && !(cur && cur.status === 'active') ? (
                <ActionButton
                  label={`${t('start')} ${t('item', { n: it.number })}`}
                  refusal={can({ type: 'item.start', itemId: id })}
                  pendingKey={`item.start:${id}`}
                  className="btn-small"
                  shortcut={id === nextItemId && !cur ? 'N' : undefined}
                  onPress={() => void act({ type: 'item.start', itemId: id }, `${t('start')} ${t('item', { n: it.number })}`, `item.start:${id}`)}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {cur && cur.status === 'active' ? (
        <div className="stack">
          <ActionButton label={t('finishItem')} refusal={allowed['item.finish']} pendingKey="item.finish" shortcut="N" onPress={() => void act({ type: 'item.finish' }, t('finishItem'))} />
          <ActionButton label={t('postponeItem')} refusal={allowed['item.postpone']} pendingKey="item.postpone" onPress={() => void act({ type: 'item.postpone' }, t('postponeItem'))} />
          <div className="form-row">
            <Field label={t('committee')}>
              <input value={committee} onChange={(e) => setCommittee(e.target.value)} />
            </Field>
            <ActionButton
              label={t('referItem')}
              refusal={committee.trim() ? can(referBody) : can({ type: 'item.refer', committee: '—' })}
              incomplete={!committee.trim()}
              pendingKey="item.refer"
              onPress={() => {
                if (!committee.trim()) return;
                void act({ type: 'item.refer', committee: committee.trim() }, t('referItem')).then((r) => r.ok && setCommittee(''));
              }}
            />
          </div>
        </div>
      ) : null}
    </Section>
  );
}

function SpeakersPanel({ state, can, allowed, giveFloor, endFloor }: { state: MeetingState; can: Can; allowed: AllowedMap; giveFloor: () => void; endFloor: () => void }) {
  const t = useT();
  const item = state.currentItem ? state.items[state.currentItem] : undefined;
  const active = item?.status === 'active' ? item : undefined;
  const queue = active ? projectedSpeakers(state, active.id) : [];
  const speaking = active?.debate.speaking ?? null;
  const [moving, setMoving] = useState<string | null>(null);
  const [toIndex, setToIndex] = useState(0);
  const [reason, setReason] = useState('');
  const head = queue[0];
  return (
    <Section title={t('speakerList')} id="speakers-title">
      {!active ? <p>{t('noItem')}</p> : null}
      {active ? (
        <>
          <div className="speaker-now" aria-live="polite">
            {speaking ? (
              <>
                <span>{t('speaking')}: </span>
                <strong>
                  <PersonName view={state} personId={speaking.personId} />
                </strong>{' '}
                <SpeakingClock deadline={speaking.deadline} className="clock-big" /> <span className="tag">{speaking.first ? t('firstSpeech') : t('laterSpeech')}</span>
              </>
            ) : (
              t('nobodySpeaking')
            )}
          </div>
          <div className="button-row">
            <ActionButton
              label={head ? `${t('giveFloor')}: ${state.persons[head.personId]?.name ?? head.personId}` : t('giveFloor')}
              refusal={allowed['floor.give']}
              pendingKey="floor.give"
              className="btn-primary"
              shortcut="G"
              onPress={giveFloor}
            />
            <ActionButton label={t('endFloor')} refusal={allowed['floor.end']} pendingKey="floor.end" shortcut="E" onPress={endFloor} />
            {speaking ? (
              <ActionButton
                label={t('callToOrder')}
                refusal={can({ type: 'order.call', personId: speaking.personId })}
                pendingKey={`order.call:${speaking.personId}`}
                onPress={() => void act({ type: 'order.call', personId: speaking.personId }, t('callToOrder'), `order.call:${speaking.personId}`)}
              />
            ) : null}
          </div>
          {queue.length ? (
            <ol className="queue" aria-label={t('speakerList')} data-testid="chair-queue">
              {queue.map((q, i) => (
                <li key={q.personId}>
                  <PersonName view={state} personId={q.personId} />
                  <span className="queue-reason">
                    {' '}
                    — {q.reason === 'moved' ? t('reason_moved', { reason: q.movedReason ?? '' }) : t(q.reason === 'groupFirst' ? 'reason_groupFirst' : 'reason_order')}
                  </span>{' '}
                  {moving === q.personId ? (
                    <form
                      className="form-row"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act({ type: 'floor.move', personId: q.personId, toIndex, reason }, t('moveDo'), 'floor.move').then((r) => {
                          if (r.ok) {
                            setMoving(null);
                            setReason('');
                          }
                        });
                      }}
                    >
                      <Field label={t('moveTo')}>
                        <select value={toIndex} onChange={(e) => setToIndex(Number(e.target.value))}>
                          {queue.map((_, j) => (
                            <option key={j} value={j}>
                              {j + 1}
                            </option>
                          ))}
                        </select>
                      </Field>
                      <Field label={t('reason')}>
                        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
                      </Field>
                      <button type="submit" className="btn btn-small" disabled={!reason.trim()}>
                        {t('moveDo')}
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setMoving(null)}>
                        {t('cancel')}
                      </button>
                      <Reason refusal={reason.trim() ? can({ type: 'floor.move', personId: q.personId, toIndex, reason }) : null} />
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        setMoving(q.personId);
                        setToIndex(i === 0 ? 0 : i - 1);
                      }}
                    >
                      {t('moveRequest')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p className="hint">{t('speakerListEmpty')}</p>
          )}
        </>
      ) : null}
    </Section>
  );
}

function DemandsPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const d = state.demands;
  const names = (ids: string[]) => ids.map((id) => state.persons[id]?.name ?? id).join(', ');
  return (
    <Section title={t('demands')} id="demands-title">
      <ul className="plain demands" aria-live="polite" data-testid="chair-demands">
        <li className={rollCallDemanded(state) ? 'demand-reached' : ''}>
          {t('demandRollCall')}: <strong>{d.rollCall.length}</strong> / {rollCallNeeded(state)}
          {rollCallDemanded(state) ? ' ✓' : ''}
          {d.rollCall.length ? <div className="hint">{names(d.rollCall)}</div> : null}
        </li>
        <li>
          {t('demandClosure')}: <strong>{d.closure.length}</strong> / {state.config.forceVoteMembers}
          {d.closure.length ? <div className="hint">{names(d.closure)}</div> : null}
        </li>
        <li>
          {t('demandDivision')}: <strong>{d.division.length}</strong>
          {d.division.length ? <div className="hint">{names(d.division)}</div> : null}
        </li>
        <li>
          {t('subject_agendaOrder')}: <strong>{d.agendaOrder.length}</strong> / {state.config.forceVoteMembers}
        </li>
      </ul>
    </Section>
  );
}

function AmendmentsPanel({ state, item, can }: { state: MeetingState; item: Item; can: Can }) {
  const t = useT();
  const order = item.amendmentOrder;
  const voting = amendmentVotingOrder(state, item.id);
  if (!order.length) return null;
  const move = (i: number, d: -1 | 1) => {
    const next = [...order];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    void act({ type: 'amendment.order', order: next }, t('votingOrder'), 'amendment.order');
  };
  return (
    <Section title={t('amendments')} id="amend-title">
      <p className="hint">{t('votingOrder')}</p>
      <ol className="amendments">
        {order.map((id, i) => {
          const a = state.amendments[id]!;
          const vi = voting.indexOf(id);
          return (
            <li key={id}>
              {vi >= 0 ? <span className="tag">#{vi + 1}</span> : null} {a.parentId ? <em>{t('subAmendment')}: </em> : null}
              {a.text} — <PersonName view={state} personId={a.proposer} /> · <strong>{t(`amendmentStatus_${a.status}`)}</strong>{' '}
              <button type="button" className="btn btn-small" disabled={i === 0 || !!can({ type: 'amendment.order', order })} onClick={() => move(i, -1)}>
                ↑ {t('amendmentOrderUp')}
              </button>
              <button type="button" className="btn btn-small" disabled={i === order.length - 1 || !!can({ type: 'amendment.order', order })} onClick={() => move(i, 1)}>
                ↓ {t('amendmentOrderDown')}
              </button>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function VoteFormPanel(props: {
  state: MeetingState;
  item: Item | undefined;
  form: VoteForm;
  setForm: (f: VoteForm) => void;
  point: string;
  openRefusal: import('../../../../shared/index').Refusal | null;
  declareRefusal: import('../../../../shared/index').Refusal | null;
  openVote: () => void;
  declare: () => void;
  subjectMissing: boolean;
}) {
  const t = useT();
  const { state, item, form, setForm } = props;
  const pendingAmendments = item ? amendmentVotingOrder(state, item.id).filter((id) => state.amendments[id]?.status === 'pending') : [];
  const persons = Object.values(state.persons).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const kinds: SubjectKind[] = ['proposal', 'amendment', 'reading', 'closure', 'disqualification', 'denyFloor', 'referral', 'postpone'];
  const set = (patch: Partial<VoteForm>) => setForm({ ...form, ...patch });
  return (
    <Section title={t('openVote')} id="vote-title">
      <div className="stack">
        <Field label={t('subject')}>
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as SubjectKind, kindChosen: true, pointEdited: false, personId: '', amendmentId: '' })}>
            {kinds.map((k) => (
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
              {pendingAmendments.map((id, i) => (
                <option key={id} value={id}>
                  #{i + 1} {state.amendments[id]!.text.slice(0, 60)}
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
          <textarea rows={3} value={props.point} onChange={(e) => set({ point: e.target.value, pointEdited: true })} />
        </Field>
        <VoteModeSelect value={form.mode ?? 'electronic'} onChange={(mode) => set({ mode })} />
        {rollCallDemanded(state) ? <p className="statement statement-warn">{t('demandRollCall')} ✓ — {t('mode_rollCall')} (§ 24, stk. 2)</p> : null}
        <ActionButton label={t('openVote')} refusal={props.subjectMissing ? null : props.openRefusal} incomplete={props.subjectMissing} pendingKey="vote.open" className="btn-primary" shortcut="V" onPress={props.openVote} />
        <fieldset className="fieldset">
          <legend>{t('declare')}</legend>
          <div className="form-row">
            <Field label={t('expected')}>
              <select value={form.expected} onChange={(e) => set({ expected: e.target.value as 'adopted' | 'rejected' })}>
                <option value="adopted">{t('adopted')}</option>
                <option value="rejected">{t('rejected')}</option>
              </select>
            </Field>
            <ActionButton label={t('declare')} refusal={props.subjectMissing ? null : props.declareRefusal} incomplete={props.subjectMissing} pendingKey="declaration.make" onPress={props.declare} />
          </div>
        </fieldset>
      </div>
    </Section>
  );
}

function ActiveVotePanel({ state, vote, allowed, can, closeVote }: { state: MeetingState; vote: Vote; allowed: AllowedMap; can: Can; closeVote: () => void }) {
  const t = useT();
  const elig = eligibleVoters(state, vote);
  // An open electronic vote says who has voted (`votedBy`), never how; a roll call keeps its answers.
  const has = new Set(vote.votedBy ?? Object.keys(vote.ballots));
  const voted = elig.filter((p) => has.has(p));
  const missing = elig.filter((p) => !has.has(p));
  const turn = vote.rollCall ? vote.rollCall.order[vote.rollCall.index] : undefined;
  return (
    <Section title={`${t('voteInProgress')} · ${t(`mode_${vote.mode}`)}`} id="vote-title" className="card-vote">
      <p className="vote-point">{vote.point}</p>
      {vote.mode === 'manual' ? (
        <ManualResult state={state} can={can} />
      ) : (
        <>
          <p className="big-count" aria-live="polite" data-testid="chair-voted">
            {t('votedOf', { voted: voted.length, eligible: elig.length })}
          </p>
          {turn ? (
            <p className="statement statement-turn">
              {t('rollCallTurn', { name: state.persons[turn]?.name ?? turn })}
            </p>
          ) : null}
          <MissingVoters view={state} missing={missing} />
          <div className="button-row">
            <ActionButton label={t('closeVote')} refusal={allowed['vote.close']} pendingKey="vote.close" className="btn-primary" shortcut="C" onPress={closeVote} />
            {vote.mode !== 'rollCall' ? (
              <ActionButton label={t('switchToRollCall')} refusal={allowed['vote.switchToRollCall']} pendingKey="vote.switchToRollCall" onPress={() => void act({ type: 'vote.switchToRollCall' }, t('switchToRollCall'))} />
            ) : null}
          </div>
        </>
      )}
    </Section>
  );
}

function ManualResult({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const zero: Counts = { for: 0, against: 0, abstain: 0 };
  const [counts, setCounts] = useState<Counts>(zero);
  const [check, setCheck] = useState<Counts>(zero);
  const body: ActionBody = { type: 'vote.manualResult', counts, counterCheck: check };
  const refusal = can(body);
  const row = (label: string, value: Counts, set: (c: Counts) => void, prefix: string) => (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <div className="form-row">
        {(['for', 'against', 'abstain'] as const).map((c) => (
          <label key={c}>
            {t(`choice_${c}`)}
            <input
              id={`${prefix}-${c}`}
              type="number"
              min={0}
              max={state.config.memberCount}
              inputMode="numeric"
              value={value[c]}
              onChange={(e) => set({ ...value, [c]: Math.max(0, Number(e.target.value) || 0) })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="stack">
      <p>{t('manualVote')}</p>
      {row(t('manualCounts'), counts, setCounts, 'count')}
      {row(t('counterCheck'), check, setCheck, 'check')}
      <ActionButton label={t('registerManual')} refusal={refusal} pendingKey="vote.manualResult" className="btn-primary" onPress={() => void act(body, t('registerManual'))} />
    </div>
  );
}

function DeclarationPanel(props: { state: MeetingState; allowed: AllowedMap; can: Can; mode: VoteMode; setMode: (m: VoteMode) => void; openVote: () => void }) {
  const { state, allowed, can, mode, setMode } = props;
  const t = useT();
  const d = state.declaration!;
  const voteBody: ActionBody = { type: 'vote.open', point: d.point, subject: d.subject, mode };
  return (
    <Section title={t('declaration')} id="decl-title" className="card-vote">
      <p className="vote-point">{d.point}</p>
      <p>{t('declarationExpected', { outcome: t(d.expected) })}</p>
      <p className="big-count" aria-live="assertive" data-testid="chair-declaration-demands">
        {d.demands.length ? t('demandsArrived', { names: d.demands.map((p) => state.persons[p]?.name ?? p).join(', ') }) : t('noDemands')}
      </p>
      <ActionButton label={t('confirmDeclaration')} refusal={allowed['declaration.confirm']} pendingKey="declaration.confirm" className="btn-primary" onPress={() => void act({ type: 'declaration.confirm' }, t('confirmDeclaration'))} />
      <div className="form-row">
        <VoteModeSelect value={mode} onChange={setMode} />
        <ActionButton label={t('voteOnDeclaration')} refusal={can(voteBody)} pendingKey="vote.open" shortcut="V" onPress={props.openVote} />
      </div>
    </Section>
  );
}

function LastResultPanel({ state }: { state: MeetingState }) {
  const t = useT();
  const e = state.record[state.record.length - 1];
  if (!e) return null;
  const item = state.items[e.itemId];
  return (
    <Section title={t('lastResult')} id="result-title">
      <p>
        {item ? `${t('item', { n: item.number })}: ` : ''}
        {e.point}
      </p>
      <p className="result-line" data-testid="chair-result">
        <strong>{t(`outcome_${e.outcome}` as 'outcome_adopted')}</strong>
        {e.mode ? ` · ${t(`mode_${e.mode}`)}` : ''}
        {e.counts ? ` — ${t('choice_for')} ${e.counts.for} · ${t('choice_against')} ${e.counts.against} · ${t('choice_abstain')} ${e.counts.abstain}` : ''}
      </p>
      {e.byGroup && Object.keys(e.byGroup).length ? (
        <table className="table">
          <caption>{t('byGroup')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t('choice_for')}</th>
              <th scope="col">{t('choice_against')}</th>
              <th scope="col">{t('choice_abstain')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(e.byGroup).map(([g, c]) => (
              <tr key={g}>
                <th scope="row">{state.groups[g]?.letter ?? g}</th>
                <td>{c.for}</td>
                <td>{c.against}</td>
                <td>{c.abstain}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}

function HandOverPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const candidates = [...state.chair.line, ...(state.chair.temporary ? [state.chair.temporary] : [])].filter((p) => p !== state.chair.acting);
  const [to, setTo] = useState('');
  const target = to || candidates[0] || '';
  return (
    <Section title={t('handOver')} id="handover-title">
      <div className="form-row">
        <Field label={t('handOverTo')}>
          <select value={target} onChange={(e) => setTo(e.target.value)}>
            {candidates.map((p) => (
              <option key={p} value={p}>
                {state.persons[p]?.name ?? p} {isPresent(state, p) ? '' : `(${t('absent')})`}
              </option>
            ))}
          </select>
        </Field>
        <ActionButton
          label={t('handOver')}
          refusal={target ? can({ type: 'chair.handOver', to: target }) : null}
          pendingKey="chair.handOver"
          onPress={() => target && void act({ type: 'chair.handOver', to: target }, t('handOver'))}
        />
      </div>
    </Section>
  );
}

function ShortcutsPanel({ t }: { t: Translate }) {
  const keys = ['G', 'E', 'V', 'C', 'N', 'B'] as const;
  return (
    <Section title={t('shortcuts')} id="shortcuts-title">
      <dl className="shortcuts">
        {keys.map((k) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{t(`shortcut_${k}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('shortcutsNote')}</p>
    </Section>
  );
}
