import { useTranslate } from '../../lib/locale-context.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import { periodKey, periodRange, type Period } from './period.ts';

/** The CSV downloads of what the page shows: scores, the sub-units' ranking, and the raw responses of the subtree. */
export function exportHrefs(survey: string, unit: string, period: Period) {
  const key = periodKey(period);
  const { from, to } = periodRange(period);
  return {
    scores: `/api/exports/scores.csv?${new URLSearchParams({ survey, unit, period: key })}`,
    rankings: `/api/exports/rankings.csv?${new URLSearchParams({ survey, parent: unit, period: key })}`,
    responses: `/api/exports/responses.csv?${new URLSearchParams({ survey, unit, from, to, subtree: 'true' })}`,
  };
}

export function ExportLinks({ survey, unit, period }: { survey: string; unit: string; period: Period }) {
  const t = useTranslate(dashboardStrings);
  const hrefs = exportHrefs(survey, unit, period);
  return (
    <section className="exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('exportsHeading')}</h2>
      <ul className="exports__list">
        <li>
          <a href={hrefs.scores} download>
            {t('exportScores')}
          </a>
        </li>
        <li>
          <a href={hrefs.rankings} download>
            {t('exportRankings')}
          </a>
        </li>
        <li>
          <a href={hrefs.responses} download>
            {t('exportResponses')}
          </a>
        </li>
      </ul>
    </section>
  );
}
