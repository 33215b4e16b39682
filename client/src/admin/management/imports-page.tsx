import { IMPORT_BODY_LIMIT_BYTES, type ImportKind, type ImportReport } from '@sipas/server/api/management';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { commonStrings } from '../../lib/i18n.ts';
import { useTranslate } from '../../lib/locale-context.tsx';
import { ErrorNotice } from '../error-notice.tsx';
import { actionErrorText } from './action-error.ts';
import { importCsv } from './management.api.ts';
import { managementStrings } from './management.strings.ts';
import './management.css';
import { ScrollTable } from '../scroll-table.tsx';

interface Checked {
  kind: ImportKind;
  text: string;
  report: ImportReport;
}

/** /admin/imports: a unit or procedure CSV file, checked by a dry run (every bad row listed), then imported. */
export function ImportsPage() {
  const t = useTranslate(managementStrings);
  const tc = useTranslate(commonStrings);
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('units');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setError('');
    if (!file) return;
    if (file.size > IMPORT_BODY_LIMIT_BYTES) {
      setError(t('fileTooLarge'));
      return;
    }
    setText(await file.text());
  };
  const run = async (dryRun: boolean) => {
    if (text.trim() === '') {
      setError(t('emptyFile'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      setResult({ kind, text, report: await importCsv(kind, text, dryRun) });
    } catch (caught) {
      setError(actionErrorText(caught, t, tc));
    } finally {
      setBusy(false);
    }
  };
  // Only what was just checked, unchanged and clean, may be imported.
  const canCommit = result !== null && result.report.dryRun && result.report.errors.length === 0 && result.kind === kind && result.text === text;

  return (
    <div className="page page--wide admin management">
      <title>{t('importsTitle')}</title>
      <h1>{t('importsTitle')}</h1>
      <p className="lead">{t('importsIntro')}</p>
      <form className="management-import" onSubmit={(event) => {
          event.preventDefault();
          void run(true);
        }}>
        <fieldset className="lang-toggle">
          <legend>{t('importKind')}</legend>
          <div className="lang-toggle__options">
            {(['units', 'procedures'] as const).map((value) => (
              <label key={value} className="lang-toggle__option">
                <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
                {t(value === 'units' ? 'kindUnits' : 'kindProcedures')}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('importFile')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event)} aria-describedby={`${id}-file-hint`} />
          <span className="field__hint" id={`${id}-file-hint`}>
            {t('importFileHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('importText')}</label>
          <textarea
            id={`${id}-text`}
            className="management-import__text"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            rows={8}
            spellCheck={false}
            aria-describedby={`${id}-text-hint`}
          />
          <span className="field__hint" id={`${id}-text-hint`}>
            {t('importTextHint')}
          </span>
        </div>
        <div className="management-actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {busy ? t('working') : t('dryRun')}
          </button>
          <button type="button" className="button button--primary" disabled={busy || !canCommit} aria-describedby={`${id}-commit-hint`} onClick={() => void run(false)}>
            {t('commit')}
          </button>
        </div>
        <p className="field__hint" id={`${id}-commit-hint`}>
          {t('commitNeedsDryRun')}
        </p>
      </form>
      <ErrorNotice message={error} />
      {result && <ImportReportView report={result.report} />}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslate(managementStrings);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const counts = { inserted: formatNumber(report.inserted), updated: formatNumber(report.updated), unchanged: formatNumber(report.unchanged) };
  const changes = report.inserted + report.updated;
  return (
    <section className={`notice ${report.errors.length > 0 ? 'notice--error' : ''} management-report`} aria-labelledby="import-report-title">
      <h2 id="import-report-title" ref={heading} tabIndex={-1}>
        {report.committed ? t('reportTitleDone') : t('reportTitleDry')}
      </h2>
      <p>{t('reportRows', { rows: formatNumber(report.rows) })}</p>
      {report.errors.length > 0 ? (
        <>
          <p>{t('reportErrors', { count: formatNumber(report.errors.length) })}</p>
          <ScrollTable caption={t('errorsCaption', { count: formatNumber(report.errors.length) })}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('colLine')}
                </th>
                <th scope="col">{t('colColumn')}</th>
                <th scope="col">{t('colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={`${e.line}-${e.column}-${i}`}>
                  <th scope="row" className="num">
                    {formatNumber(e.line)}
                  </th>
                  <td>{e.column ? <code>{e.column}</code> : t('wholeLine')}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : (
        <p>{changes === 0 ? t('reportNothing') : report.committed ? t('reportDid', counts) : t('reportWould', counts)}</p>
      )}
    </section>
  );
}
