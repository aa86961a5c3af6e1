import { useMemo, useState } from 'react';
import { isDisqualified, isPresent, presentPersons, type ActionBody, type MeetingState, type Refusal } from '../../../../shared/index';
import type { MajorityElection, ProportionalElection } from '../../../../shared/elections/types';
import { ActionButton, Field, MissingVoters } from '../../components/common';
import { asPublic, candidateName, ElectionResults, majorityExtra, MajorityResults, ProportionalResults, type PubMajority, type PubProportional } from '../../components/elections';
import { Section } from '../../components/panels';
import { useT, type Translate } from '../../i18n';
import { act } from '../../socket';

type Can = (b: ActionBody) => Refusal | null;

/**
 * The chair's "Valg" panel (§§ 27–28): set up an election under the current item, run its
 * rounds or its allocation, draw the lots, finish. Every button asks the shared engine, as
 * the rest of the console does.
 */
export function ElectionPanel({ state, can }: { state: MeetingState; can: Can }) {
  const t = useT();
  const active = state.activeElection ? state.elections[state.activeElection] : undefined;
  const earlier = Object.values(state.elections).filter((e) => e.itemId === state.currentItem && e.id !== state.activeElection);
  return (
    <Section title={t('elections')} id="elections-title" className={active ? 'card-vote card-election' : 'card-election'}>
      {active?.kind === 'majority' ? <MajorityConsole key={active.id} state={state} e={active} can={can} /> : null}
      {active?.kind === 'proportional' ? <ProportionalConsole key={active.id} state={state} e={active} can={can} /> : null}
      {!active ? <ElectionSetup can={can} /> : null}
      {earlier.length ? (
        <details className="el-earlier">
          <summary>
            {t('electionEarlier')}: {earlier.length}
          </summary>
          {earlier.map((e) => (
            <div key={e.id} className="stack">
              <p className="el-title">
                {e.title} <span className="tag">{t(`election_kind_${e.kind}`)}</span>
              </p>
              <ElectionResults e={asPublic(state, e)} extra={majorityExtra(e)} variant="console" />
            </div>
          ))}
        </details>
      ) : null}
    </Section>
  );
}

function ElectionSetup({ can }: { can: Can }) {
  const t = useT();
  const [kind, setKind] = useState<'majority' | 'proportional'>('majority');
  const [title, setTitle] = useState('');
  const [cands, setCands] = useState('');
  const [seats, setSeats] = useState(3);
  const [appointment, setAppointment] = useState(false);
  const names = cands
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const body: ActionBody =
    kind === 'majority'
      ? { type: 'election.create', kind, title: title.trim(), candidates: names.map((name, i) => ({ id: `c${i + 1}`, name })), appointment }
      : { type: 'election.create', kind, title: title.trim(), seats };
  const incomplete = !title.trim() || (kind === 'majority' ? names.length === 0 : !(seats >= 1));
  // The rules (an item under handling, no election or vote running) are judged on a probe
  // until the form is filled in, so the reason shows before the chair types.
  const probe: ActionBody = { type: 'election.create', kind: 'majority', title: 'probe', candidates: [{ id: 'c1', name: 'probe' }] };
  const refusal = incomplete ? can(probe) : can(body);
  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend>{t('electionKind')}</legend>
        {(['majority', 'proportional'] as const).map((k) => (
          <label key={k} className="radio">
            <span>
              <input type="radio" name="election-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`election_kind_${k}`)}
            </span>
            <span className="hint">{t(`electionKindHelp_${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('electionTitle')}>
        <input value={title} onChange={(ev) => setTitle(ev.target.value)} maxLength={300} />
      </Field>
      {kind === 'majority' ? (
        <>
          <Field label={t('electionCandidates')}>
            <textarea rows={4} value={cands} onChange={(ev) => setCands(ev.target.value)} />
          </Field>
          <label className="check">
            <span>
              <input type="checkbox" checked={appointment} onChange={(ev) => setAppointment(ev.target.checked)} /> {t('electionAppointment')}
            </span>
          </label>
        </>
      ) : (
        <Field label={t('electionSeats')}>
          <input type="number" min={1} max={100} inputMode="numeric" value={seats} onChange={(ev) => setSeats(Math.max(0, Math.floor(Number(ev.target.value) || 0)))} />
        </Field>
      )}
      <ActionButton
        label={t('electionCreate')}
        refusal={refusal}
        incomplete={incomplete}
        pendingKey="election.create"
        className="btn-primary"
        onPress={() => {
          if (incomplete || refusal) return;
          void act(body, t('electionCreate')).then((r) => {
            if (r.ok) {
              setTitle('');
              setCands('');
            }
          });
        }}
      />
    </div>
  );
}

function ElectionHead({ title, kind, status, tags, t }: { title: string; kind: 'majority' | 'proportional'; status: string; tags?: string[]; t: Translate }) {
  return (
    <div className="el-head">
      <p className="el-title" data-testid="election-title">
        {title}
      </p>
      <p>
        <span className="tag">{t(`election_kind_${kind}`)}</span>{' '}
        {(tags ?? []).map((x) => (
          <span key={x} className="tag">
            {x}
          </span>
        ))}{' '}
        <strong data-testid="election-status">{t(`electionStatus_${status}` as 'electionStatus_setup')}</strong>
      </p>
    </div>
  );
}

function MajorityConsole({ state, e, can }: { state: MeetingState; e: MajorityElection; can: Can }) {
  const t = useT();
  const pub = asPublic(state, e) as PubMajority;
  const round = e.rounds.at(-1)?.status === 'open' ? e.rounds.at(-1) : undefined;
  const eligible = presentPersons(state).filter((p) => !isDisqualified(state, e.itemId, p));
  const missing = round ? eligible.filter((p) => !round.voted.includes(p)) : [];
  const names = (ids: string[]) => ids.map((p) => state.persons[p]?.name ?? p).join(', ');
  // A secret round's counts are kept apart by the server and filled in at the close; the
  // engine is asked with counts that add up, so it judges everything else.
  const closeProbe: ActionBody =
    e.secret && round ? { type: 'election.closeRound', tally: { [round.candidates[0] ?? 'x']: round.voted.length } } : { type: 'election.closeRound' };
  const next = e.rounds.length + 1;
  const openLabel = next === 3 && e.finalists ? t('roundOpenFinal', { names: e.finalists.map((c) => candidateName(pub, c)).join(' · ') }) : t('roundOpen', { n: next });
  return (
    <div className="stack">
      <ElectionHead title={e.title} kind="majority" status={e.status} tags={e.appointment ? [t('electionAppointment')] : []} t={t} />
      <p className="hint">{e.candidates.map((c) => c.name).join(' · ')}</p>
      {e.secret ? (
        <p className="statement statement-warn" data-testid="election-secrecy">
          {t('secretBallotShort')} — {t('secretDemandedBy', { names: names(e.secretDemands) })}
        </p>
      ) : (
        <p className="statement" data-testid="election-secrecy">
          {t('openBallotShort')} — {t('noSecretDemand')}
        </p>
      )}
      {(e.voided ?? []).map((v, i) => {
        const held = e.rounds.some((r) => r.number === v.number);
        return (
          <p key={i} className={held ? 'statement' : 'statement statement-warn'} data-testid="election-voided" title={t('roundVoidedWhy')}>
            {held ? t('roundVoidedHeld', { n: v.number, voted: v.voted }) : t('roundVoided', { n: v.number })}
          </p>
        );
      })}
      {(e.voided ?? []).some((v) => !e.rounds.some((r) => r.number === v.number)) ? <p className="hint">{t('roundVoidedWhy')}</p> : null}
      {round ? (
        <div className="stack" aria-live="polite">
          <p className="big-count" data-testid="election-voted">
            {t('round', { n: round.number })}: {t('votedOf', { voted: eligible.filter((p) => round.voted.includes(p)).length, eligible: eligible.length })}
          </p>
          <MissingVoters view={state} missing={missing} testId="election-missing" />
          <ActionButton
            label={t('roundClose')}
            refusal={can(closeProbe)}
            pendingKey="election.closeRound"
            className="btn-primary"
            onPress={() => void act({ type: 'election.closeRound' }, t('roundClose'))}
          />
        </div>
      ) : null}
      <MajorityResults e={pub} extra={majorityExtra(e)} variant="console" />
      <div className="button-row">
        {e.status === 'lot' ? (
          <ActionButton label={t('lotDraw')} refusal={can({ type: 'election.drawLot' })} pendingKey="election.drawLot" className="btn-primary" onPress={() => void act({ type: 'election.drawLot' }, t('lotDraw'))} />
        ) : null}
        {!round && (e.status === 'setup' || e.status === 'voting') && e.rounds.length < 3 ? (
          <ActionButton label={openLabel} refusal={can({ type: 'election.openRound' })} pendingKey="election.openRound" className="btn-primary" onPress={() => void act({ type: 'election.openRound' }, openLabel)} />
        ) : null}
        {e.status === 'decided' ? (
          <ActionButton label={t('electionFinish')} refusal={can({ type: 'election.finish' })} pendingKey="election.finish" onPress={() => void act({ type: 'election.finish' }, t('electionFinish'))} />
        ) : null}
      </div>
    </div>
  );
}

interface DraftList {
  id: string;
  name: string;
  members: string[];
  held: number;
  /** The party lists (ids) it is made of: one, or several in an electoral alliance. */
  parties: string[];
}

/** § 28, stk. 2: by default each party is a list of its members; an independent stands alone. */
function partyLists(state: MeetingState, t: Translate): DraftList[] {
  const out: DraftList[] = [];
  for (const g of Object.values(state.groups)) {
    const members = Object.values(state.persons).filter((p) => p.kind === 'member' && p.groupId === g.id);
    if (!members.length) continue;
    if (g.independent) for (const p of members) out.push({ id: `${g.id}-${p.id}`, name: t('independentList', { name: p.name }), members: [p.id], held: 0, parties: [`${g.id}-${p.id}`] });
    else out.push({ id: g.id, name: g.name, members: members.map((p) => p.id), held: 0, parties: [g.id] });
  }
  return out;
}

const listKey = (ls: { id: string; name: string; members: string[]; held: number }[]) =>
  JSON.stringify(ls.map((l) => [l.id, l.name, [...l.members].sort(), l.held]));

function ProportionalConsole({ state, e, can }: { state: MeetingState; e: ProportionalElection; can: Can }) {
  const t = useT();
  const pub = asPublic(state, e) as PubProportional;
  const demands = e.unanimous?.demands ?? [];
  return (
    <div className="stack">
      <ElectionHead title={e.title} kind="proportional" status={e.status} tags={[t('seatsCount', { n: e.seats })]} t={t} />
      {e.status === 'setup' ? (
        <>
          <ListsEditor state={state} e={e} can={can} />
          {e.lists.length ? <RenounceForm e={e} can={can} /> : null}
          <div className="stack">
            {e.unanimous ? (
              <p className="statement" data-testid="unanimous">
                {t('unanimousDeclared')} {t('unanimousDemands', { n: demands.length })}
                {demands.length ? ` — ${demands.map((p) => state.persons[p]?.name ?? p).join(', ')}` : ''}
              </p>
            ) : (
              <ActionButton
                label={t('declareUnanimous')}
                refusal={can({ type: 'election.declareUnanimous' })}
                pendingKey="election.declareUnanimous"
                onPress={() => void act({ type: 'election.declareUnanimous' }, t('declareUnanimous'))}
              />
            )}
            <ActionButton label={t('allocate')} refusal={can({ type: 'election.allocate' })} pendingKey="election.allocate" className="btn-primary" onPress={() => void act({ type: 'election.allocate' }, t('allocate'))} />
          </div>
        </>
      ) : null}
      {e.status === 'allocated' && e.result ? (
        <>
          {e.unanimous ? (
            <p className="hint">
              {t('unanimousDeclared')} {t('unanimousDemands', { n: demands.length })}
            </p>
          ) : null}
          <ProportionalResults e={pub} variant="console" allLists={false} namedCell={(pick) => <NameSeat key={pick.seat} state={state} e={e} pick={pick.seat} group={pick.group} can={can} />} />
          {e.result.lots.length ? (
            <ul className="plain">
              {e.result.lots.map((l, i) => (
                <li key={i} className="el-lot">
                  ⚄ {t('lotPurpose_quotients', { names: l.tied.map((id) => pub.lists.find((x) => x.id === id)?.name ?? id).join(', ') })} →{' '}
                  <strong>{pub.lists.find((x) => x.id === l.winner)?.name ?? l.winner}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          <ActionButton label={t('electionFinish')} refusal={can({ type: 'election.finish' })} pendingKey="election.finish" onPress={() => void act({ type: 'election.finish' }, t('electionFinish'))} />
        </>
      ) : null}
    </div>
  );
}

function ListsEditor({ state, e, can }: { state: MeetingState; e: ProportionalElection; can: Can }) {
  const t = useT();
  const base = useMemo(() => partyLists(state, t), [state.groups, state.persons]); // eslint-disable-line react-hooks/exhaustive-deps
  const [draft, setDraft] = useState<DraftList[]>(() =>
    e.lists.length ? e.lists.map((l) => ({ id: l.id, name: l.name, members: [...l.members], held: l.held, parties: l.id.split('+') })) : base,
  );
  const [ticked, setTicked] = useState<string[]>([]);
  const saved = e.lists.length > 0 && listKey(e.lists) === listKey(draft);
  const body: ActionBody = { type: 'election.setLists', lists: draft.map((l) => ({ id: l.id, name: l.name, members: l.members, held: l.held })) };
  const letter = (id: string) => state.groups[id]?.letter ?? base.find((b) => b.id === id)?.name ?? id;
  const merge = () => {
    const chosen = draft.filter((l) => ticked.includes(l.id));
    if (chosen.length < 2) return;
    const parties = chosen.flatMap((l) => l.parties);
    const merged: DraftList = {
      id: parties.join('+'),
      name: t('allianceName', { names: parties.map(letter).join(' + ') }),
      members: chosen.flatMap((l) => l.members),
      held: chosen.reduce((a, l) => a + l.held, 0),
      parties,
    };
    const at = draft.findIndex((l) => ticked.includes(l.id));
    const rest = draft.filter((l) => !ticked.includes(l.id));
    rest.splice(Math.min(at, rest.length), 0, merged);
    setDraft(rest);
    setTicked([]);
  };
  const split = (l: DraftList) => {
    const parts = base.filter((b) => l.parties.includes(b.id));
    const at = draft.indexOf(l);
    const next = draft.filter((x) => x !== l);
    next.splice(at, 0, ...parts);
    setDraft(next);
  };
  return (
    <fieldset className="fieldset el-lists-editor">
      <legend>{t('electionLists')}</legend>
      <p className="hint">{t('listWeightNote')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t('allianceMerge')}</span>⊕
            </th>
            <th scope="col">{t('electionList')}</th>
            <th scope="col">{t('listWeight')}</th>
            <th scope="col">{t('listHeld')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((l) => (
            <tr key={l.id} data-list={l.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('allianceTick', { name: l.name })}
                  checked={ticked.includes(l.id)}
                  onChange={(ev) => setTicked(ev.target.checked ? [...ticked, l.id] : ticked.filter((x) => x !== l.id))}
                />
              </td>
              <th scope="row">
                {l.name}
                {l.parties.length > 1 ? (
                  <button type="button" className="btn btn-small" onClick={() => split(l)}>
                    {t('allianceSplit')}
                  </button>
                ) : null}
              </th>
              <td>
                {l.members.filter((p) => isPresent(state, p) && !isDisqualified(state, e.itemId, p)).length} / {l.members.length}
              </td>
              <td>
                <input
                  type="number"
                  className="input-small"
                  min={0}
                  max={100}
                  inputMode="numeric"
                  aria-label={`${t('listHeld')}: ${l.name}`}
                  value={l.held}
                  onChange={(ev) => {
                    const held = Math.max(0, Math.floor(Number(ev.target.value) || 0));
                    setDraft(draft.map((x) => (x === l ? { ...x, held } : x)));
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="btn" disabled={ticked.length < 2} onClick={merge}>
          {t('allianceMerge')}
        </button>
        <ActionButton label={t('listsSave')} refusal={can(body)} pendingKey="election.setLists" className={saved ? '' : 'btn-primary'} onPress={() => void act(body, t('listsSave'))} />
      </div>
      <p className={saved ? 'statement statement-ok' : 'statement statement-warn'} role="status" data-testid="lists-saved">
        {saved ? t('listsSaved') : t('listsUnsaved')}
      </p>
    </fieldset>
  );
}

function RenounceForm({ e, can }: { e: ProportionalElection; can: Can }) {
  const t = useT();
  const [listId, setListId] = useState('');
  const [seats, setSeats] = useState(1);
  const target = listId || e.lists[0]?.id || '';
  const body: ActionBody = { type: 'election.renounce', listId: target, seats };
  return (
    <fieldset className="fieldset">
      <legend>{t('renounce')}</legend>
      <div className="form-row">
        <Field label={t('electionList')}>
          <select value={target} onChange={(ev) => setListId(ev.target.value)}>
            {e.lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
                {e.renounced[l.id] ? ` (${t('listRenounced')}: ${e.renounced[l.id]})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('listSeats')}>
          <input type="number" className="input-small" min={1} max={100} inputMode="numeric" value={seats} onChange={(ev) => setSeats(Math.max(1, Math.floor(Number(ev.target.value) || 1)))} />
        </Field>
        <ActionButton label={t('renounceDo')} refusal={target ? can(body) : null} incomplete={!target} pendingKey="election.renounce" onPress={() => void act(body, t('renounceDo'))} />
      </div>
    </fieldset>
  );
}

function NameSeat({ state, e, pick, group, can }: { state: MeetingState; e: ProportionalElection; pick: number; group: string; can: Can }) {
  const t = useT();
  const list = e.lists.find((l) => l.id === group);
  const named = e.named[pick];
  const [personId, setPersonId] = useState('');
  const chosen = personId || named || '';
  const body: ActionBody = { type: 'election.nameSeat', pick, personId: chosen };
  const label = `${t('nameSeat')} ${t('pickNo')} ${pick}`;
  return (
    <div className="form-row el-name-seat">
      <select aria-label={`${t('namedPerson')} ${t('pickNo')} ${pick}`} value={chosen} onChange={(ev) => setPersonId(ev.target.value)}>
        <option value="">—</option>
        {(list?.members ?? []).map((p) => (
          <option key={p} value={p}>
            {state.persons[p]?.name ?? p}
          </option>
        ))}
      </select>
      <ActionButton
        label={t('nameSeat')}
        refusal={chosen ? can(body) : null}
        incomplete={!chosen || chosen === named}
        pendingKey={`election.nameSeat:${pick}`}
        className="btn-small"
        onPress={() => void act(body, label, `election.nameSeat:${pick}`)}
      />
      {named ? <span className="el-named">✓ {state.persons[named]?.name ?? named}</span> : null}
    </div>
  );
}
