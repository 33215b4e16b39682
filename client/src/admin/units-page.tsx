import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { UnitWithCount } from '@sipas/server/api/units';
import { formatNumber } from '../lib/format.ts';
import { unitName, type Locale } from '../lib/i18n.ts';
import { LoadError, Loading } from '../lib/load-error.tsx';
import { useLocale, useTranslate } from '../lib/locale-context.tsx';
import { adminStrings, unitTypeLabel } from './admin.strings.ts';
import { SurveyPicker, surveyQuery, useSurveyKey } from './survey-picker.tsx';
import { useUnits } from './units.api.ts';
import { ScrollTable } from './scroll-table.tsx';

type SortColumn = 'name' | 'code' | 'responses';
type Sort = { column: SortColumn; direction: 'ascending' | 'descending' };

function compareUnits(a: UnitWithCount, b: UnitWithCount, sort: Sort, locale: Locale): number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  let result: number;
  if (sort.column === 'responses') result = a.responseCount - b.responseCount;
  else if (sort.column === 'name') result = unitName(a, locale).localeCompare(unitName(b, locale), 'vi');
  else result = a.code.localeCompare(b.code, 'en', { numeric: true });
  // Ties keep GSO code order, whatever the direction.
  return result * sign || a.code.localeCompare(b.code, 'en', { numeric: true });
}

/** Diacritic-insensitive search: "can tho" finds "Cần Thơ". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLocaleLowerCase('vi');
}

export function UnitsPage() {
  const t = useTranslate(adminStrings);
  const { locale } = useLocale();
  const units = useUnits();
  const [surveyKey] = useSurveyKey();
  const [sort, setSort] = useState<Sort>({ column: 'code', direction: 'ascending' });
  const [query, setQuery] = useState('');
  const searchId = useId();
  const hintId = useId();

  const rows = useMemo(() => {
    if (units.status !== 'success') return [];
    const needle = fold(query.trim());
    return units.data.units
      .filter((u) => !needle || fold(`${u.nameVi} ${u.nameEn ?? ''} ${u.fullNameVi} ${u.code}`).includes(needle))
      .sort((a, b) => compareUnits(a, b, sort, locale));
  }, [units, query, sort, locale]);

  const toggleSort = (column: SortColumn) =>
    setSort((prev) =>
      prev.column === column
        ? { column, direction: prev.direction === 'ascending' ? 'descending' : 'ascending' }
        : // Counts are most useful largest first.
          { column, direction: column === 'responses' ? 'descending' : 'ascending' },
    );

  const header = (column: SortColumn, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={sort.column === column ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => toggleSort(column)}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {sort.column !== column ? '↕' : sort.direction === 'ascending' ? '↑' : '↓'}
        </span>
      </button>
    </th>
  );

  return (
    <div className="page page--wide admin">
      <title>{t('title')}</title>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <div className="admin-controls">
        <SurveyPicker />
        <div className="field">
          <label htmlFor={searchId}>{t('search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={hintId}
            autoComplete="off"
          />
          <span id={hintId} className="field__hint">
            {t('searchHint')}
          </span>
        </div>
      </div>

      {units.status === 'loading' && <Loading />}
      {units.status === 'error' && <LoadError error={units.error} onRetry={units.reload} />}
      {units.status === 'success' && (
        <ScrollTable caption={t('unitsCaption', { count: formatNumber(rows.length) })}>
          <thead>
            <tr>
              {header('name', t('colUnit'))}
              {header('code', t('colCode'))}
              <th scope="col" className="col-type">
                {t('colType')}
              </th>
              {header('responses', t('colResponses'), 'num')}
            </tr>
          </thead>
          <tbody>
            {rows.map((unit) => (
              <tr key={unit.code}>
                <th scope="row">
                  <Link href={`/units/${encodeURIComponent(unit.code)}${surveyQuery(surveyKey)}`}>
                    {unitName(unit, locale)}
                  </Link>
                </th>
                <td className="mono">{unit.code}</td>
                <td className="col-type">{unitTypeLabel(unit.type, locale)}</td>
                <td className="num">{formatNumber(unit.responseCount)}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4}>{t('noMatch')}</td>
              </tr>
            )}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
