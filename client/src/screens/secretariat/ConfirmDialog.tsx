import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';

/** A modal question before something irreversible: the native dialog (focus kept inside, Esc cancels). */
export function ConfirmDialog(props: { title: string; text: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text" className="statement statement-warn">
        {props.text}
      </p>
      <div className="button-row">
        <button type="button" className="btn btn-danger btn-big" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" className="btn btn-big" autoFocus onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
