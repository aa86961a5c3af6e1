import { useEffect, useRef } from 'react';
import './print-view.css';
import type { MeetingState, Person } from '../../../../shared/index';
import { useT } from '../../i18n';
import { QrCode } from './QrCode';
import { seatPerson } from './seatPerson';

/** What the secretariat prints after issuing keys or codes: held in memory only, never stored. */
export type PrintDoc =
  | { kind: 'sheet'; keys: Record<string, string> }
  /** `persons`: the council's roster, for persons added since the live meeting began. */
  | { kind: 'letters'; codes: Record<string, string>; persons?: Person[] };

/** The seat's link: the server's address, the key in the fragment (never sent in a request). */
export const seatLink = (key: string) => `${location.origin}/seat#key=${encodeURIComponent(key)}`;

/**
 * The print view (A4, print.css's `@page`): the QR sheet or the code letters, with a toolbar
 * that does not print. The keys and codes live in this page's memory until it is closed.
 */
export function PrintView({ doc, state, onClose }: { doc: PrintDoc; state: MeetingState; onClose: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const title = doc.kind === 'sheet' ? t('sheetTitle') : t('lettersTitle');
  return (
    <div className="print-view">
      <div className="print-toolbar" role="toolbar" aria-label={title}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p className="hint">{doc.kind === 'sheet' ? t('sheetNote') : t('lettersNote')}</p>
        <div className="button-row">
          <button type="button" className="btn btn-primary btn-big" onClick={() => window.print()}>
            {t('printNow')}
          </button>
          <button type="button" className="btn btn-big" onClick={onClose}>
            {t('closePrint')}
          </button>
        </div>
      </div>
      <main className="print-pages">{doc.kind === 'sheet' ? <Sheet keys={doc.keys} state={state} /> : <Letters codes={doc.codes} state={state} extra={doc.persons ?? []} />}</main>
    </div>
  );
}

function Sheet({ keys, state }: { keys: Record<string, string>; state: MeetingState }) {
  const t = useT();
  const seats = state.chamber.seats.filter((s) => keys[s.id]);
  return (
    <section className="qr-sheet" aria-label={t('sheetTitle')} data-testid="qr-sheet">
      {seats.map((seat) => {
        const p = seatPerson(state, seat.id);
        const name = p ? (state.persons[p]?.name ?? p) : t('tabletNobody');
        const seatText = t('seatLabel', { label: seat.label });
        return (
          <figure key={seat.id} className="qr-card" data-seat={seat.id}>
            <QrCode text={seatLink(keys[seat.id]!)} label={t('qrFor', { seat: seatText, name })} testId={`qr-${seat.id}`} />
            <figcaption>
              <strong>{seatText}</strong>
              <span>{name}</span>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}

function Letters({ codes, state, extra }: { codes: Record<string, string>; state: MeetingState; extra: Person[] }) {
  const t = useT();
  const persons = [...Object.values(state.persons), ...extra.filter((p) => !state.persons[p.id])].filter((p) => codes[p.id]);
  return (
    <>
      {persons.map((p) => {
        const seat = state.chamber.seats.find((s) => s.id === p.seatId);
        return (
          <article key={p.id} className="code-letter" aria-labelledby={`letter-${p.id}`} data-testid={`letter-${p.id}`}>
            <h2 id={`letter-${p.id}`}>{t('letterTo', { name: p.name })}</h2>
            <p>{seat ? t('letterSeat', { seat: t('seatLabel', { label: seat.label }) }) : t('letterSubstitute')}</p>
            <p className="letter-code-label">{t('letterCodeLabel')}</p>
            <p className="letter-code" data-testid="letter-code">
              {codes[p.id]}
            </p>
            <h3>{t('letterHowTitle')}</h3>
            <ol>
              <li>{t('letterStep1')}</li>
              <li>{t('letterStep2')}</li>
              <li>{t('letterStep3')}</li>
            </ol>
            <p>{t('letterPresent')}</p>
            <p>{t('letterKeep')}</p>
          </article>
        );
      })}
    </>
  );
}
