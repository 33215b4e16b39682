import { AnalysisResponse } from '@sipas/server/api/reports';
import { adminJson } from '../admin-fetch.ts';
import type { Locale } from '../../lib/i18n.ts';
import { useResource } from '../../lib/use-resource.ts';

export type ReportParams = { survey: string; unit: string; period: string; locale: Locale };

/** The generated analysis (text in `locale`) and the tables behind it. */
export function fetchAnalysisReport({ survey, unit, period, locale }: ReportParams, signal?: AbortSignal): Promise<AnalysisResponse> {
  const query = new URLSearchParams({ survey, unit, period, locale });
  return adminJson(`/api/reports/analysis?${query}`, AnalysisResponse, { signal });
}

export function useAnalysisReport(params: ReportParams) {
  const key = `report:${params.survey}:${params.unit}:${params.period}:${params.locale}`;
  return useResource(key, (signal) => fetchAnalysisReport(params, signal));
}
