import type { TrendResponse } from '@sipas/server/api/results';
import type { Locale } from '../../lib/i18n.ts';
import type { TrendPoint } from '../charts/trend-chart.tsx';
import { parsePeriod, periodLabel } from './period.ts';

/** The series key of the overall index beside the components' ids. */
export const OVERALL_SERIES = '__overall';

/** The buckets from the first with data on: empty years before a unit's first response only squash the lines. */
export function trendPoints(points: TrendResponse['series'][number]['points'], locale: Locale): TrendPoint[] {
  const first = points.findIndex((point) => point.overall.share !== null);
  return points.slice(Math.max(0, first)).map((point) => {
    const parsed = parsePeriod(point.period.label);
    return {
      key: point.period.label,
      label: parsed ? periodLabel(parsed, locale) : point.period.label,
      derived: point.derived,
      values: {
        [OVERALL_SERIES]: point.overall.share,
        ...Object.fromEntries(point.components.map((c) => [c.id, c.share])),
      },
    };
  });
}
