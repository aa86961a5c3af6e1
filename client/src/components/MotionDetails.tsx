import type { MotionKind } from '../../../shared/index';
import { useT } from '../i18n';

/** A motion's committee (a referral) and reason or new information (§§ 18, 20, 26): the same lines on the console and the wall. */
export function MotionDetails({ kind, committee, reason }: { kind: MotionKind; committee?: string | null; reason?: string | null }) {
  const t = useT();
  return (
    <>
      {committee ? (
        <p>
          {t('motionCommittee')}: <strong>{committee}</strong>
        </p>
      ) : null}
      {reason ? (
        <p>
          {t(kind === 'reopening' ? 'motionNewInfo' : 'motionReason')}: {reason}
        </p>
      ) : null}
    </>
  );
}
