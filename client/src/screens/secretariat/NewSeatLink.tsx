import { useRef, useState } from 'react';
import { useT } from '../../i18n';

/** The new seat link, shown once: read-only, selectable, with a copy button and its QR code to print. */
export function NewSeatLink({ seatLabel, link, onPrint, onHide }: { seatLabel: string; link: string; onPrint: () => void; onHide: () => void }) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'ok' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  const doCopy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      setCopy('ok');
    } catch {
      // No clipboard (plain http, a refused permission): the link is selected for Ctrl+C.
      try {
        setCopy(document.execCommand('copy') ? 'ok' : 'failed');
      } catch {
        setCopy('failed');
      }
    }
  };
  return (
    <div className="new-seat-link" data-testid="new-seat-link">
      <h3 id="new-link-title">{t('newSeatLink', { seat: seatLabel })}</h3>
      <input
        ref={input}
        className="input-link"
        readOnly
        value={link}
        aria-labelledby="new-link-title"
        aria-describedby="new-link-note"
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
      />
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => void doCopy()}>
          {t('copyLink')}
        </button>
        <button type="button" className="btn" onClick={onPrint}>
          {t('printQr')}
        </button>
        <button type="button" className="btn" onClick={onHide}>
          {t('hideLink')}
        </button>
        <span role="status" aria-live="polite" className="copy-status">
          {copy === 'ok' ? `✓ ${t('copied')}` : copy === 'failed' ? t('copyFailed') : ''}
        </span>
      </div>
      <p id="new-link-note" className="hint">
        {t('newSeatLinkNote')}
      </p>
    </div>
  );
}
