import { Link } from 'wouter';
import { isNotFound } from '../../lib/api.ts';
import { localize, unitName } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { formatDay } from '../format.ts';
import { SurveyPicker, surveyQuery, useSurveyKey } from '../survey-picker.tsx';
import { isForbidden } from './api-errors.ts';
import { BreakdownsSection } from './breakdowns-section.tsx';
import { CommentsSection } from './comments-section.tsx';
import { ComponentsSection } from './components-section.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import { ExportLinks } from './export-links.tsx';
import { periodKey, periodLabel, periodRange, previousPeriod } from './period.ts';
import { PeriodPicker } from './period-picker.tsx';
import { usePosition, useSubUnitRankings } from './rankings.api.ts';
import { useUnitResults } from './results.api.ts';
import { SubUnitRanking } from './sub-unit-ranking.tsx';
import { SummarySection } from './summary-section.tsx';
import { TrendSection } from './trend-section.tsx';
import { pageQuery, usePeriod } from './use-period.ts';
import './dashboard.css';

/** A unit's dashboard for a period: where it stands, what moved, what citizens say. */
export function DashboardPage({ code }: { code: string }) {
  // An admin address that names no page: say so without asking the server about an empty unit code.
  if (code === '') return <UnknownUnit />;
  return <Dashboard code={code} />;
}

function BackToUnits() {
  const t = useTranslate(dashboardStrings);
  const [survey] = useSurveyKey();
  return (
    <p className="back-link">
      <Link href={`/${surveyQuery(survey)}`}>
        <span aria-hidden="true">←</span>
        {t('backToUnits')}
      </Link>
    </p>
  );
}

/** A unit that does not exist (404), or one outside the account's subtree (403). */
function UnknownUnit({ forbidden = false }: { forbidden?: boolean }) {
  const t = useTranslate(dashboardStrings);
  const heading = forbidden ? t('forbidden') : t('unknownUnit');
  return (
    <div className="page page--wide admin dashboard">
      <BackToUnits />
      <title>{heading}</title>
      <h1>{heading}</h1>
      <p>{forbidden ? t('forbiddenText') : t('unknownUnitText')}</p>
    </div>
  );
}

function Dashboard({ code }: { code: string }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const [survey] = useSurveyKey();
  const [period, setPeriod] = usePeriod();
  const params = { survey, unit: code, period: periodKey(period) };
  const results = useUnitResults(params);
  const position = usePosition(params);
  const rankings = useSubUnitRankings(params);
  const label = periodLabel(period, locale);
  const range = periodRange(period);
  const scope = { survey, unit: code, ...range };
  const unitHref = (unit: string) => `/units/${encodeURIComponent(unit)}${pageQuery(survey, period)}`;

  if (results.status === 'error' && isNotFound(results.error)) return <UnknownUnit />;
  if (results.status === 'error' && isForbidden(results.error)) return <UnknownUnit forbidden />;
  if (results.status !== 'success') {
    return (
      <div className="page page--wide admin dashboard">
        <BackToUnits />
        {results.status === 'loading' ? <Loading /> : <LoadError error={results.error} onRetry={results.reload} />}
      </div>
    );
  }

  const data = results.data;
  const name = unitName(data.unit, locale);
  const subUnits =
    rankings.status === 'success'
      ? [...rankings.data.ranked, ...rankings.data.unranked]
          .map((entry) => ({ code: entry.unit.code, name: unitName(entry.unit, locale) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      : [];

  return (
    <div className="page page--wide admin dashboard">
      <title>{t('pageTitle', { unit: name, period: label })}</title>
      <BackToUnits />
      <h1>
        {name} <span className="unit-code">({data.unit.code})</span>
      </h1>
      <p className="lead">
        {localize(data.survey.title, locale)} · v{data.survey.version} · {label} (
        {t('dates', { from: formatDay(range.from), to: formatDay(range.to) })})
      </p>
      <div className="admin-controls">
        <SurveyPicker />
        <PeriodPicker period={period} onChange={setPeriod} />
        <Link className="button button--secondary report-link" href={`/units/${encodeURIComponent(code)}/report${pageQuery(survey, period)}`}>
          {t('reportLink')}
        </Link>
      </div>

      <SummarySection results={data} position={position} previousLabel={periodLabel(previousPeriod(period), locale)} />
      <ComponentsSection results={data} />
      <TrendSection survey={survey} unit={code} period={period} />
      <SubUnitRanking rankings={rankings} periodLabel={label} unitHref={unitHref} />
      <BreakdownsSection scope={scope} />
      <CommentsSection scope={scope} subUnits={subUnits} />
      <ExportLinks survey={survey} unit={code} period={period} />
      <p className="fingerprint">{t('fingerprint', { fingerprint: data.fingerprint.text })}</p>
    </div>
  );
}
