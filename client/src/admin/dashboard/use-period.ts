import { useSearchParams } from 'wouter';
import { DEFAULT_SURVEY } from '../../lib/survey-definition.api.ts';
import { currentYear, parsePeriod, periodKey, type Period } from './period.ts';

/** Today in Vietnam as YYYY-MM-DD ('en-CA' writes dates that way). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The period shown, kept in `?period=` so that links can be shared; the current year by default. */
export function usePeriod(): [Period, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(params.get('period') ?? '') ?? currentYear(todayInVietnam());
  const setPeriod = (next: Period) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      out.set('period', periodKey(next));
      return out;
    });
  return [period, setPeriod];
}

/** `?survey=…&period=…` for links between the dashboard, the report and sub-units (survey only when not the default). */
export function pageQuery(survey: string, period: Period): string {
  const query = new URLSearchParams();
  if (survey !== DEFAULT_SURVEY) query.set('survey', survey);
  query.set('period', periodKey(period));
  return `?${query}`;
}
