import { useState } from 'react';
import { Link } from 'wouter';
import type { RankingsResponse } from '@sipas/server/api/rankings';
import { unitName } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import type { Resource } from '../../lib/use-resource.ts';
import { formatCount, formatRank, formatShare } from '../format.ts';
import { PointChange, RankChange } from './change.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import { groupLabel } from './group-label.ts';
import { nextSort, sortRanked, type Sort, type SortColumn } from './sub-unit-sort.ts';
import { ScrollTable } from '../scroll-table.tsx';

/** The sub-units ranked (sortable), then those below the minimum sample or without data, listed apart. */
export function SubUnitRanking({
  rankings,
  periodLabel,
  unitHref,
}: {
  rankings: Resource<RankingsResponse> & { reload: () => void };
  periodLabel: string;
  unitHref: (code: string) => string;
}) {
  const t = useTranslate(dashboardStrings);
  return (
    <section aria-labelledby="sub-units-heading">
      <h2 id="sub-units-heading">{t('subUnitsHeading')}</h2>
      {rankings.status === 'loading' && <Loading />}
      {rankings.status === 'error' && <LoadError error={rankings.error} onRetry={rankings.reload} />}
      {rankings.status === 'success' &&
        (rankings.data.ranked.length + rankings.data.unranked.length === 0 ? (
          <p>{t('noSubUnits')}</p>
        ) : (
          <>
            <RankedTable data={rankings.data} periodLabel={periodLabel} unitHref={unitHref} />
            {rankings.data.unranked.length > 0 && <UnrankedTable data={rankings.data} unitHref={unitHref} />}
          </>
        ))}
    </section>
  );
}

function RankedTable({ data, periodLabel, unitHref }: { data: RankingsResponse; periodLabel: string; unitHref: (code: string) => string }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const [sort, setSort] = useState<Sort>({ column: 'rank', direction: 'ascending' });
  const rows = sortRanked(data.ranked, sort);
  const showGroups = data.ranked.some((entry) => entry.groupRanks.length > 0);
  const anyDerived = data.ranked.some((entry) => entry.derived || entry.previousDerived);

  const header = (column: SortColumn, label: string, numeric = false) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort.column === column ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((prev) => nextSort(prev, column))}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {sort.column !== column ? '↕' : sort.direction === 'ascending' ? '↑' : '↓'}
        </span>
      </button>
    </th>
  );

  return (
    <>
      <ScrollTable caption={t('subUnitsCaption', { count: formatCount(data.ranked.length, locale), period: periodLabel })} className="ranking-table">
        <thead>
          <tr>
            {header('rank', t('colRank'), true)}
            {header('name', t('colUnit'))}
            {header('share', t('colShare'), true)}
            {header('n', t('respondents'), true)}
            {header('rankChange', t('colRankChange'))}
            {header('pointChange', t('colPointChange'))}
            {showGroups && <th scope="col">{t('colGroup')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.unit.id}>
              <td className="num">{formatRank(entry.rank, entry.of)}</td>
              <th scope="row">
                <Link href={unitHref(entry.unit.code)}>{unitName(entry.unit, locale)}</Link>
              </th>
              <td className="num">
                {formatShare(entry.share, locale)}
                {entry.derived && <DerivedMark />}
              </td>
              <td className="num">{formatCount(entry.n, locale)}</td>
              <td>
                <RankChange change={data.comparable.ranks ? entry.rankChange : null} />
                {entry.previousDerived && entry.previousRank !== null && <DerivedMark />}
              </td>
              <td>
                <PointChange change={data.comparable.shares ? entry.pointChange : null} />
                {entry.previousDerived && entry.pointChange !== null && <DerivedMark />}
              </td>
              {showGroups && (
                <td>
                  {entry.groupRanks
                    .map((group) => t('groupRank', { rank: formatRank(group.rank, group.of), group: groupLabel(group.group, locale) }))
                    .join('; ')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {anyDerived && <p className="table-note">{t('rankingDerivedNote')}</p>}
    </>
  );
}

/** "*" after a figure computed from the units before the 2025 merger, named for screen readers. */
function DerivedMark() {
  const t = useTranslate(dashboardStrings);
  return (
    <abbr className="derived-mark" title={t('derivedMark')}>
      *<span className="visually-hidden"> ({t('derivedMark')})</span>
    </abbr>
  );
}

function UnrankedTable({ data, unitHref }: { data: RankingsResponse; unitHref: (code: string) => string }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const small = data.unranked.filter((entry) => entry.reason === 'below-minimum');
  const empty = data.unranked.filter((entry) => entry.reason === 'no-score');
  return (
    <>
      {small.length > 0 && (
        <div className="table-scroll unranked" role="region" aria-labelledby="unranked-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="unranked-caption">
              {t('unrankedCaption', { count: formatCount(small.length, locale), min: formatCount(data.minimumSample, locale) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('colUnit')}</th>
                <th scope="col" className="num">
                  {t('colShare')}
                </th>
                <th scope="col" className="num">
                  {t('respondents')}
                </th>
                <th scope="col">{t('colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {small.map((entry) => (
                <tr key={entry.unit.id}>
                  <th scope="row">
                    <Link href={unitHref(entry.unit.code)}>{unitName(entry.unit, locale)}</Link>
                  </th>
                  <td className="num">{formatShare(entry.share, locale)}</td>
                  <td className="num">{formatCount(entry.n, locale)}</td>
                  <td>
                    <span className="flag flag--small-sample">{t('reasonBelowMinimum')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* Units without a single response would bury the others: named on demand only. */}
      {empty.length > 0 && (
        <details className="no-data-units">
          <summary>{t('noDataUnits', { count: formatCount(empty.length, locale) })}</summary>
          <ul>
            {empty.map((entry) => (
              <li key={entry.unit.id}>
                <Link href={unitHref(entry.unit.code)}>{unitName(entry.unit, locale)}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
