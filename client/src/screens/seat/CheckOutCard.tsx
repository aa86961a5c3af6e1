import { useState } from 'react';
import type { Refusal } from '../../../../shared/index';
import { ActionButton } from '../../components/common';
import { useT } from '../../i18n';
import { checkOut } from '../../socket';
import { useStore } from '../../store';

/** Check-out (§ 16), behind a confirmation: a stray touch must not take a member out of the count. */
export function CheckOutCard({ refusal }: { refusal: Refusal | null | undefined }) {
  const t = useT();
  const connected = useStore((s) => s.connected);
  const [confirm, setConfirm] = useState(false);
  return (
    <section className="card checkout">
      {confirm ? (
        <div className="button-row">
          <ActionButton
            label={t('checkOutConfirm')}
            refusal={refusal}
            pendingKey="presence.checkOut"
            className="btn-big btn-danger"
            onPress={() => {
              setConfirm(false);
              void checkOut(t('checkOut'));
            }}
          />
          <button type="button" className="btn btn-big" onClick={() => setConfirm(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-big" onClick={() => setConfirm(true)} disabled={!connected}>
          {t('checkOut')}
        </button>
      )}
    </section>
  );
}
