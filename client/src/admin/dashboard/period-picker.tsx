import { useId } from 'react';
import { useTranslate } from '../../lib/locale-context.tsx';
import { dashboardStrings } from './dashboard.strings.ts';
import type { Period, PeriodKind } from './period.ts';
import { todayInVietnam } from './use-period.ts';

/** First year offered: the earliest SIPAS-style data the platform can hold. */
const FIRST_YEAR = 2017;

/** Kind (year, quarter, month), year and, for quarters and months, which one. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (next: Period) => void }) {
  const t = useTranslate(dashboardStrings);
  const kindId = useId();
  const yearId = useId();
  const indexId = useId();
  const lastYear = Number(todayInVietnam().slice(0, 4));
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => lastYear - i);
  const count = period.kind === 'quarter' ? 4 : 12;

  const changeKind = (kind: PeriodKind) => onChange({ kind, year: period.year, index: kind === 'year' ? 0 : 1 });

  return (
    <fieldset className="period-picker">
      <legend>{t('periodKind')}</legend>
      <div className="field">
        <label htmlFor={kindId}>{t('periodType')}</label>
        <select id={kindId} value={period.kind} onChange={(event) => changeKind(event.target.value as PeriodKind)}>
          <option value="year">{t('kindYear')}</option>
          <option value="quarter">{t('kindQuarter')}</option>
          <option value="month">{t('kindMonth')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={yearId}>{t('year')}</label>
        <select id={yearId} value={period.year} onChange={(event) => onChange({ ...period, year: Number(event.target.value) })}>
          {!years.includes(period.year) && <option value={period.year}>{period.year}</option>}
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {period.kind !== 'year' && (
        <div className="field">
          <label htmlFor={indexId}>{period.kind === 'quarter' ? t('quarter') : t('month')}</label>
          <select id={indexId} value={period.index} onChange={(event) => onChange({ ...period, index: Number(event.target.value) })}>
            {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {period.kind === 'quarter' ? t('quarterOption', { n }) : t('monthOption', { n: String(n).padStart(2, '0') })}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
