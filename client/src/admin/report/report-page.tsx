import { useState } from 'react';
import { Link } from 'wouter';
import { isNotFound } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { unitName } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { dashboardStrings } from '../dashboard/dashboard.strings.ts';
import { isForbidden } from '../dashboard/api-errors.ts';
import { ExportLinks } from '../dashboard/export-links.tsx';
import { periodKey, periodLabel, previousPeriod } from '../dashboard/period.ts';
import { PeriodPicker } from '../dashboard/period-picker.tsx';
import { pageQuery, usePeriod } from '../dashboard/use-period.ts';
import { SurveyPicker, useSurveyKey } from '../survey-picker.tsx';
import { useAnalysisReport } from './report.api.ts';
import { reportStrings } from './report.strings.ts';
import { ComponentsTable, CriteriaTable, OverallTable } from './report-tables.tsx';
import '../dashboard/dashboard.css';
import './report.css';

/** The generated analysis text and the tables behind it, in the UI language, printable on A4. */
export function ReportPage({ code }: { code: string }) {
  const t = useTranslate(reportStrings);
  const tDashboard = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const [survey] = useSurveyKey();
  const [period, setPeriod] = usePeriod();
  const report = useAnalysisReport({ survey, unit: code, period: periodKey(period), locale });
  const [generatedAt] = useState(() => new Date());
  const label = periodLabel(period, locale);

  return (
    <div className="page page--wide admin report">
      <p className="back-link">
        <Link href={`/units/${encodeURIComponent(code)}${pageQuery(survey, period)}`}>
          <span aria-hidden="true">←</span>
          {t('backToDashboard')}
        </Link>
      </p>
      <div className="admin-controls">
        <SurveyPicker />
        <PeriodPicker period={period} onChange={setPeriod} />
        <button type="button" className="button print-button" onClick={() => window.print()} aria-describedby="print-hint">
          {t('print')}
        </button>
      </div>
      <p id="print-hint" className="section-note report__hint">
        {t('printHint')}
      </p>

      {report.status === 'loading' && <Loading />}
      {report.status === 'error' &&
        (isNotFound(report.error) || isForbidden(report.error) ? (
          <>
            <title>{isNotFound(report.error) ? tDashboard('unknownUnit') : tDashboard('forbidden')}</title>
            <h1>{isNotFound(report.error) ? tDashboard('unknownUnit') : tDashboard('forbidden')}</h1>
            <p>{isNotFound(report.error) ? tDashboard('unknownUnitText') : tDashboard('forbiddenText')}</p>
          </>
        ) : (
          <LoadError error={report.error} onRetry={report.reload} />
        ))}
      {report.status === 'success' && (
        <article className="report__body" lang={report.data.locale}>
          <title>{t('pageTitle', { unit: unitName(report.data.unit, locale), period: label })}</title>
          <h1>{t('heading', { unit: unitName(report.data.unit, locale), period: label })}</h1>
          {report.data.paragraphs.map((paragraph, index) => (
            <p key={index} className="report__paragraph">
              {paragraph}
            </p>
          ))}
          <OverallTable tables={report.data.tables} previousLabel={periodLabel(previousPeriod(period), locale)} />
          <ComponentsTable tables={report.data.tables} />
          <CriteriaTable tables={report.data.tables} />
          <p className="section-note">{t('generated', { time: formatDateTime(generatedAt) })}</p>
        </article>
      )}
      <div className="report__exports">
        <ExportLinks survey={survey} unit={code} period={period} />
      </div>
    </div>
  );
}
