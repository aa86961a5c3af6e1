import type { ReactNode } from 'react';
import './elections.css';
import { verifyCommitment } from '../../../shared/elections/lot';
import { useLang, useT } from '../i18n';
import { formatQuotient, useListName, type PubProportional } from './electionView';
import { Hash } from './Hash';

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
  const nameOf = useListName(e);
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
                <th scope="row">{nameOf(l.id)}</th>
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
                <td>{nameOf(p.group)}</td>
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
