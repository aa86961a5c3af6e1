import './elections.css';
import { verifyCommitment } from '../../../shared/elections/lot';
import { useLang, useT, type Translate } from '../i18n';
import { candidateName, lotPurpose, namesOf, type MajorityExtra, type PubMajority } from './electionView';
import { Hash } from './Hash';

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
