import type { ReactNode } from 'react';
import './elections.css';
import { publicElection, type MeetingState, type PublicElection } from '../../../shared/index';
import { verifyCommitment } from '../../../shared/elections/lot';
import type { Election } from '../../../shared/elections/types';
import { useLang, useT, type Translate } from '../i18n';

// Elections (§§ 27–28) as every screen shows them. The gallery gets `PublicElection`s from
// the server; the chair and the seats hold the election in their MeetingState and turn it
// into the same shape here (plus what their view knows beyond it), so the rounds, lots and
// picks read the same on all three screens.

export type PubMajority = Extract<PublicElection, { kind: 'majority' }>;
export type PubProportional = Extract<PublicElection, { kind: 'proportional' }>;

/** What a console knows beyond the public shape: present at each round's close, lot purposes. */
export interface MajorityExtra {
  presentAtClose?: number[];
  lotPurposes?: ('finalists' | 'winner' | 'quotients')[];
  pendingPurpose?: 'finalists' | 'winner';
}

/**
 * The public shape of one election, from a chair or member view (mirrors shared/views.ts).
 * Before the allocation a console also sees each list's size as it stands now (its members
 * present and not disqualified, § 28 with § 23); the allocation fixes it.
 */
export function asPublic(s: MeetingState, e: Election): PublicElection {
  return publicElection(s, e);
}

export function majorityExtra(e: Election): MajorityExtra {
  if (e.kind !== 'majority') return {};
  return { presentAtClose: e.rounds.map((r) => r.presentAtClose), lotPurposes: e.lots.map((l) => l.purpose), pendingPurpose: e.lot?.purpose };
}

/**
 * The public view does not say what a drawn lot was for; it follows from the rounds: a lot
 * among round 3's two finalists settles the winner, any other one the places in round 3.
 */
export function lotPurpose(e: PubMajority, lot: { tied: string[] }): 'finalists' | 'winner' {
  const third = e.rounds.find((r) => r.number === 3);
  return third && third.status === 'closed' && lot.tied.every((c) => third.candidates.includes(c)) ? 'winner' : 'finalists';
}

export function candidateName(e: PubMajority, id: string): string {
  return e.candidates.find((c) => c.id === id)?.name ?? id;
}

export function listName(e: PubProportional, id: string): string {
  return e.lists.find((l) => l.id === id)?.name ?? id;
}

function namesOf(e: PubMajority, ids: string[], lang: string): string {
  const names = ids.map((id) => candidateName(e, id));
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${names.at(-1)}`;
}

export function formatQuotient(q: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 }).format(q);
}

/** A hash or secret: shortened on the wall (the full value is in its title), in full on a console. */
export function Hash({ value, full, testId }: { value: string; full?: boolean; testId?: string }) {
  return (
    <code className={`hash ${full ? 'hash-full' : ''}`} title={value} data-full={value} data-testid={testId}>
      {full || value.length <= 16 ? value : `${value.slice(0, 12)}…`}
    </code>
  );
}

/** What a closed round decided (§ 27, stk. 1). */
function verdict(e: PubMajority, index: number, t: Translate): string | null {
  const r = e.rounds[index]!;
  if (r.status !== 'closed') return null;
  const last = index === e.rounds.length - 1;
  if (e.elected && last && !e.lots.some((l) => lotPurpose(e, l) === 'winner')) return t('electedName', { name: candidateName(e, e.elected) });
  if (r.number === 1) return t('verdict_round1');
  if (r.number === 2) return t('verdict_round2');
  return t('verdict_tie');
}

/** One round: a bar per candidate with the number of votes (the share of the votes cast). */
export function RoundBars({ e, index, extra, big }: { e: PubMajority; index: number; extra?: MajorityExtra; big?: boolean }) {
  const t = useT();
  const r = e.rounds[index]!;
  const tally = r.tally;
  const cast = tally ? Object.values(tally).reduce((a, b) => a + b, 0) : 0;
  const top = tally ? Math.max(0, ...Object.values(tally)) : 0;
  const present = extra?.presentAtClose?.[index];
  const v = verdict(e, index, t);
  return (
    <section className={`el-round ${r.status === 'open' ? 'el-round-open' : ''}`} aria-labelledby={`round-${e.id}-${r.number}`} data-testid={`round-${r.number}`}>
      <h3 id={`round-${e.id}-${r.number}`}>
        {t('round', { n: r.number })}
        {r.number === 3 ? ` · ${t('roundBinding')}` : ''}
      </h3>
      {tally ? (
        <ul className="plain el-bars">
          {r.candidates.map((c) => {
            const n = tally[c] ?? 0;
            const winner = e.elected === c && index === e.rounds.length - 1;
            return (
              <li key={c} className={`el-bar-row ${n === top && n > 0 ? 'el-bar-top' : ''} ${winner ? 'el-bar-winner' : ''}`} data-candidate={c}>
                <span className="el-bar-label">
                  <span className="el-bar-name">
                    {winner ? '✓ ' : ''}
                    {candidateName(e, c)}
                  </span>
                  <span className="el-bar-count">
                    {n}
                    <span className="sr-only"> {t('votesWord')}</span>
                  </span>
                </span>
                <span className="el-bar-track" aria-hidden="true">
                  <span className="el-bar-fill" style={{ width: `${cast ? (100 * n) / cast : 0}%` }} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className={big ? 'el-round-progress' : 'hint'}>
          {t('roundInProgress', { n: r.number })}
        </p>
      )}
      {tally && !big && present !== undefined && r.number === 1 ? <p className="hint">{t('needMajorityPresent', { n: Math.floor(present / 2) + 1, present })}</p> : null}
      {tally && !big && r.number === 2 ? <p className="hint">{t('needMajorityCast', { n: Math.floor(cast / 2) + 1, cast })}</p> : null}
      {v ? <p className="el-verdict">{v}</p> : null}
    </section>
  );
}

/** A lot anyone can check: the commitment before the draw; the secret and the draw after. */
export function LotView({
  e,
  pending,
  lot,
  purpose,
  fullHashes,
}: {
  e: PubMajority;
  pending?: { tied: string[]; commitment: string };
  lot?: PubMajority['lots'][number];
  purpose: 'finalists' | 'winner';
  fullHashes?: boolean;
}) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const tied = (pending ?? lot)!.tied;
  const what = t(purpose === 'winner' ? 'lotPurpose_winner' : 'lotPurpose_finalists', { names: namesOf(e, tied, lang) });
  if (pending)
    return (
      <div className="el-lot el-lot-pending" data-testid="lot-pending">
        <p className="el-lot-head">⚄ {t('lotPending')}</p>
        <p>{what}</p>
        <p className="el-lot-line">
          <span className="label">{t('lotCommitment')}:</span> <Hash value={pending.commitment} full={fullHashes} testId="lot-commitment" />
        </p>
      </div>
    );
  const l = lot!;
  const ok = verifyCommitment(l.secret, l.commitment);
  return (
    <div className="el-lot el-lot-drawn" data-testid="lot-drawn" data-winner={l.winner}>
      <p className="el-lot-head">⚄ {t('lotDrawn', { name: candidateName(e, l.winner) })}</p>
      <p>{what}</p>
      <dl className="el-lot-facts">
        <div>
          <dt>{t('lotCommitmentShort')}</dt>
          <dd>
            <Hash value={l.commitment} full={fullHashes} testId="lot-drawn-commitment" />
          </dd>
        </div>
        <div>
          <dt>{t('lotSecret')}</dt>
          <dd>
            <Hash value={l.secret} full={fullHashes} testId="lot-secret" />
          </dd>
        </div>
        <div>
          <dt>{t('lotDigest')}</dt>
          <dd>
            <Hash value={l.digest} full={fullHashes} testId="lot-digest" />
          </dd>
        </div>
      </dl>
      <p className={ok ? 'el-lot-ok' : 'el-lot-bad'}>{ok ? t('lotVerified') : t('lotNotVerified')}</p>
    </div>
  );
}

/** Rounds, finalists, lots and the elected of a § 27 election. */
export function MajorityResults({ e, extra, variant, hideOpen }: { e: PubMajority; extra?: MajorityExtra; variant: 'console' | 'gallery'; hideOpen?: boolean }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const full = variant === 'console';
  const elected = e.elected ? (
    <p className="el-elected" data-testid="elected">
      {t('electedName', { name: candidateName(e, e.elected) })}
    </p>
  ) : null;
  return (
    <div className={`el-results el-results-${variant}`}>
      {/* On the wall the outcome comes first; on a console it closes the account. */}
      {variant === 'gallery' ? elected : null}
      {e.rounds.some((r) => !hideOpen || r.status === 'closed') ? (
        <div className="el-rounds">
          {e.rounds.map((r, i) => (hideOpen && r.status === 'open' ? null : <RoundBars key={r.number} e={e} index={i} extra={extra} big={variant === 'gallery'} />))}
        </div>
      ) : null}
      {e.finalists && e.finalists.length && !e.elected ? (
        <p className="el-finalists" data-testid="finalists">
          {e.pendingLot && e.rounds.length === 2
            ? t('finalistsAndLot', { names: namesOf(e, e.finalists, lang) })
            : t('finalists', { names: namesOf(e, e.finalists, lang) })}
        </p>
      ) : null}
      {e.lots.map((l, i) => (
        <LotView key={i} e={e} lot={l} purpose={(extra?.lotPurposes?.[i] as 'finalists' | 'winner' | undefined) ?? lotPurpose(e, l)} fullHashes={full} />
      ))}
      {e.pendingLot ? <LotView e={e} pending={e.pendingLot} purpose={extra?.pendingPurpose ?? (e.rounds.length >= 3 ? 'winner' : 'finalists')} fullHashes={full} /> : null}
      {variant === 'console' ? elected : null}
    </div>
  );
}

/** Lists, seats per list and the order of picks with quotients (§ 28). */
export function ProportionalResults({
  e,
  variant,
  allLists = true,
  namedCell,
}: {
  e: PubProportional;
  variant: 'console' | 'gallery';
  allLists?: boolean;
  /** The chair names a person per pick (§ 28, stk. 7) in this cell. */
  namedCell?: (pick: { seat: number; group: string; quotient: number }) => ReactNode;
}) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const r = e.result;
  // After the allocation, the lists that took part: with members present, seats or held seats.
  const lists = allLists || !r ? e.lists : e.lists.filter((l) => (l.weight ?? 0) > 0 || (r.seats[l.id] ?? 0) > 0 || l.held > 0);
  return (
    <div className={`el-results el-results-${variant} el-prop`}>
      {lists.length ? (
        <table className="table el-lists" data-testid="lists-table">
          <caption>{r ? t('seatsPerList') : t('electionLists')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('electionList')}</th>
              <th scope="col">{t('listWeight')}</th>
              {e.lists.some((l) => l.held) ? <th scope="col">{t('listHeld')}</th> : null}
              {e.lists.some((l) => l.renounced) ? <th scope="col">{t('listRenounced')}</th> : null}
              {r ? <th scope="col">{t('listSeats')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.id} data-list={l.id}>
                <th scope="row">{l.name}</th>
                <td>{l.weight ?? '—'}</td>
                {e.lists.some((x) => x.held) ? <td>{l.held}</td> : null}
                {e.lists.some((x) => x.renounced) ? <td>{l.renounced}</td> : null}
                {r ? (
                  <td className="el-seats">
                    <strong>{r.seats[l.id] ?? 0}</strong>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r ? (
        <table className="table el-picks" data-testid="picks-table">
          <caption>{t('picksOrder')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pickNo')}</th>
              <th scope="col">{t('electionList')}</th>
              <th scope="col">{t('quotient')}</th>
              <th scope="col">{t('namedPerson')}</th>
            </tr>
          </thead>
          <tbody>
            {r.order.map((p) => (
              <tr key={p.seat} data-pick={p.seat} data-quotient={p.quotient}>
                <td>{p.seat}</td>
                <td>{listName(e, p.group)}</td>
                <td className="el-quotient">{formatQuotient(p.quotient, lang)}</td>
                <td className="el-named-cell">{namedCell ? namedCell(p) : (e.named[p.seat] ?? '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {e.secret ? (
        <p className="hint el-secret-line">
          {t('allocationSecret')}: <Hash value={e.secret} full={variant === 'console'} /> ·{' '}
          {verifyCommitment(e.secret, e.commitment) ? t('lotVerified') : t('lotNotVerified')}
        </p>
      ) : (
        <p className="hint el-secret-line">
          {t('allocationCommitment')}: <Hash value={e.commitment} full={variant === 'console'} />
        </p>
      )}
    </div>
  );
}

export function ElectionResults({ e, extra, variant }: { e: PublicElection; extra?: MajorityExtra; variant: 'console' | 'gallery' }) {
  return e.kind === 'majority' ? <MajorityResults e={e} extra={extra} variant={variant} /> : <ProportionalResults e={e} variant={variant} />;
}
