import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import './confirm-dialog.css';
import { useT } from '../i18n';

/**
 * A modal question before something irreversible: the native dialog (focus kept inside, Esc
 * cancels). Cancel has the focus, so Enter or a stray press changes nothing.
 */
export function ConfirmDialog(props: { title: string; text: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the dialog's first button (the confirming one): React's autoFocus ran
    // before it, so Cancel is given the focus again here.
    cancel.current?.focus();
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
        <button ref={cancel} type="button" className="btn btn-big" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}

/** What a confirmation says: its heading, the consequence, and the confirming button's label. */
export interface Question {
  title: string;
  text: string;
  confirm: string;
}

/** Ask before `go` runs: `ask(question, go)`; render `dialog` once, anywhere on the screen. */
export function useConfirm(): { ask: (q: Question, go: () => void) => void; dialog: ReactElement | null } {
  const [open, setOpen] = useState<{ q: Question; go: () => void } | null>(null);
  const ask = useCallback((q: Question, go: () => void) => setOpen({ q, go }), []);
  const dialog = open ? (
    <ConfirmDialog
      title={open.q.title}
      text={open.q.text}
      confirm={open.q.confirm}
      onCancel={() => setOpen(null)}
      onConfirm={() => {
        setOpen(null);
        open.go();
      }}
    />
  ) : null;
  return { ask, dialog };
}
