import { useRef, useState, type ChangeEvent } from 'react';
import type { Council, RosterProblem } from '../../../../shared/term/roster';
import { Field } from '../../components/common';
import { useLang, useT } from '../../i18n';
import { rosterEmit } from '../../socket';
import { useStore } from '../../store';
import type { PrintDoc } from './PrintView';
import { takeAck } from './rosterStore';

/** The CSV's columns (docs/protocol.md, "The council's roster"). */
const COLUMNS = 'id;name;kind;group;seat;title;group_name;group_color;independent';

/**
 * The roster from a file or pasted text (CSV or JSON): the server checks it whole, and a
 * refused import lists every problem by line and field while the roster stays as it was.
 * New persons' codes come back once, for their letters.
 */
export function RosterImportPanel({ onPrint }: { onPrint: (doc: PrintDoc) => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const connected = useStore((s) => s.connected);
  const busy = !!useStore((s) => s.pending)['council.import'];
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [problems, setProblems] = useState<RosterProblem[] | null>(null);
  const [done, setDone] = useState<{ codes: Record<string, string>; persons: Council['persons'] } | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const readFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFormat(file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    void file.text().then((s) => {
      setText(s);
      setProblems(null);
    });
  };

  const run = () => {
    setProblems(null);
    setDone(null);
    void rosterEmit('council.import', t('rosterImportRun'), 'council.import', { format, text }).then((r) => {
      const codes = takeAck(r);
      if (codes) {
        const council = (r as { council?: Council }).council;
        setDone({ codes, persons: council?.persons ?? [] });
        return;
      }
      const list = (r as { problems?: RosterProblem[] }).problems;
      if (Array.isArray(list)) {
        setProblems(list);
        // The list is what to read next: the focus goes to it.
        requestAnimationFrame(() => problemsRef.current?.focus());
      }
    });
  };

  const count = done ? Object.keys(done.codes).length : 0;
  return (
    <section className="card roster-import" aria-labelledby="roster-import-title" data-testid="roster-import">
      <h2 id="roster-import-title">{t('rosterImportTitle')}</h2>
      <p className="hint">{t('rosterImportHelp')}</p>
      <p className="hint">
        {t('rosterImportColumns')} <code>{COLUMNS}</code>
      </p>
      <div className="form-row">
        <Field label={t('rosterImportFile')}>
          <input type="file" accept=".csv,.json,text/csv,application/json" onChange={readFile} />
        </Field>
        <Field label={t('rosterImportFormat')}>
          <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}>
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </Field>
      </div>
      <Field label={t('rosterImportText')}>
        <textarea
          className="roster-import-text"
          value={text}
          rows={8}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setProblems(null);
            // Pasted JSON is JSON: a CSV never starts with a brace.
            if (/^\s*[{[]/.test(e.target.value)) setFormat('json');
          }}
        />
      </Field>
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={!connected || busy || !text.trim()} aria-busy={busy} onClick={run}>
          {t('rosterImportRun')}
        </button>
      </div>
      {problems ? (
        <div ref={problemsRef} className="roster-problems" tabIndex={-1} role="alert" aria-labelledby="roster-problems-title" data-testid="roster-problems">
          <h3 id="roster-problems-title">{t('rosterImportRefused', { n: problems.length })}</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <strong>{p.line === null ? t('rosterProblemNoLine', { field: p.field }) : t('rosterProblemLine', { line: p.line, field: p.field })}</strong>{' '}
                {p.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {done ? (
        <div className="roster-issued" role="status" data-testid="roster-imported">
          <p>{t('rosterImported', { n: count })}</p>
          {count > 0 ? (
            <div className="button-row">
              <button type="button" className="btn btn-primary" onClick={() => onPrint({ kind: 'letters', codes: done.codes, persons: done.persons })}>
                {t('rosterPrintLetters')}
              </button>
              <button type="button" className="btn" onClick={() => setDone(null)}>
                {t('rosterForgetCode')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
