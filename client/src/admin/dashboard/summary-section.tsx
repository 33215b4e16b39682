import type { PositionResponse } from '@sipas/server/api/rankings';
import { localize } from '../../lib/i18n.ts';
import { LoadError } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import type { Resource } from '../../lib/use-resource.ts';
import { methodLabel, adminStrings } from '../admin.strings.ts';
import { formatCount, formatInterval, formatRank, formatShare } from '../format.ts';
import { PointChange, RankChange } from './change.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import { groupLabel } from './group-label.ts';
import type { UnitResults } from './results.api.ts';

/** The overall index with its interval and n, the change against the previous period, and the unit's rank. */
export function SummarySection({
  results,
  position,
  previousLabel,
}: {
  results: UnitResults;
  position: Resource<PositionResponse> & { reload: () => void };
  previousLabel: string;
}) {
  const t = useTranslate(dashboardStrings);
  const tAdmin = useTranslate(adminStrings);
  const { locale } = useLocale();
  const { overall } = results;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t('summaryHeading')}
      </h2>
      <dl className="stats">
        <div className="stat stat--primary">
          <dt>{t('overall')}</dt>
          <dd className="stat__value" data-testid="overall-share">
            {formatShare(overall.share, locale)}
          </dd>
          <dd className="stat__note">{t('interval', { interval: formatInterval(overall.interval, locale) })}</dd>
          <dd className="stat__note">
            {overall.change == null ? (
              t('noPrevious')
            ) : (
              <>
                <PointChange change={overall.change} /> {t('vsPrevious', { period: previousLabel })}
              </>
            )}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('respondents')}</dt>
          <dd className="stat__value">{formatCount(overall.n, locale)}</dd>
          <dd className="stat__note">{t('method', { method: methodLabel(overall.method, tAdmin) })}</dd>
        </div>
        <div className="stat">
          <dt>{t('rank')}</dt>
          <RankFacts position={position} previousLabel={previousLabel} />
        </div>
      </dl>
      {overall.n === 0 && <p className="notice">{t('noData')}</p>}
      {overall.n > 0 && overall.belowMinimum && (
        <p className="notice notice--warning">
          {t('smallSample', { n: formatCount(overall.n, locale), min: formatCount(overall.minSampleToRank, locale) })}
        </p>
      )}
      {results.derived && <p className="notice">{t('derived')}</p>}
    </section>
  );
}

function RankFacts({ position, previousLabel }: { position: Resource<PositionResponse> & { reload: () => void }; previousLabel: string }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  if (position.status === 'loading') return <dd className="stat__value">…</dd>;
  if (position.status === 'error') {
    return (
      <dd>
        <LoadError error={position.error} onRetry={position.reload} />
      </dd>
    );
  }
  const { position: place, universe, unrankedReason, comparable } = position.data;
  if (!place) {
    return <dd className="stat__note">{unrankedReason === 'no-score' ? t('notRankedNoScore') : t('notRanked')}</dd>;
  }
  return (
    <>
      <dd className="stat__value" data-testid="rank">
        {formatRank(place.rank, place.of)}
      </dd>
      <dd className="stat__note">{t('rankAmong', { universe: localize(universe.description, locale) })}</dd>
      <dd className="stat__note">
        {!comparable.ranks ? (
          t('rankNotComparable')
        ) : place.rankChange == null ? (
          t('rankNew')
        ) : (
          <>
            <RankChange change={place.rankChange} /> {t('vsPrevious', { period: previousLabel })}
          </>
        )}
      </dd>
      {comparable.ranks && place.previousRank !== null && place.previousDerived && <dd className="stat__note">{t('rankVsDerived')}</dd>}
      {place.groupRanks.map((group) => (
        <dd key={group.group} className="stat__note">
          {t('groupRank', { rank: formatRank(group.rank, group.of), group: groupLabel(group.group, locale) })}
        </dd>
      ))}
    </>
  );
}
