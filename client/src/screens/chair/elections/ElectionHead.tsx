import { useT } from '../../../i18n';

/** An election's title, kind, tags and status. */
export function ElectionHead({ title, kind, status, tags }: { title: string; kind: 'majority' | 'proportional'; status: string; tags?: string[] }) {
  const t = useT();
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
