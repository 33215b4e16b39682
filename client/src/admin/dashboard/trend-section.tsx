import { localize } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { TrendChart } from '../charts/trend-chart.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import { trendWindow, type Period } from './period.ts';
import { useTrend } from './results.api.ts';
import { OVERALL_SERIES, trendPoints } from './trend-points.ts';

/** The trend of the overall index and of each factor; one chart per survey version (never one line across versions). */
export function TrendSection({ survey, unit, period }: { survey: string; unit: string; period: Period }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const range = trendWindow(period);
  const trend = useTrend({ survey, unit, ...range });
  const bucketWord = { month: t('month'), quarter: t('quarter'), year: t('year') }[range.bucket].toLocaleLowerCase(locale);

  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('trendHeading')}</h2>
      {trend.status === 'loading' && <Loading />}
      {trend.status === 'error' && <LoadError error={trend.error} onRetry={trend.reload} />}
      {trend.status === 'success' &&
        (trend.data.series.every((s) => s.points.every((p) => p.overall.share === null)) ? (
          <p>{t('noTrend')}</p>
        ) : (
          trend.data.series.map((series) => (
            <TrendChart
              key={`${series.survey.key}@${series.survey.version}`}
              title={`${t('trendTitle', { bucket: bucketWord })} · ${localize(series.survey.title, locale)} v${series.survey.version}`}
              series={[
                { key: OVERALL_SERIES, label: t('overallSeries') },
                ...series.components.map((c) => ({ key: c.id, label: localize(c.label, locale) })),
              ]}
              points={trendPoints(series.points, locale)}
            />
          ))
        ))}
    </section>
  );
}
