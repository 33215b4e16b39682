import { ResultsResponse, TrendResponse } from '@sipas/server/api/results';
import { adminJson } from '../admin-fetch.ts';
import { useResource } from '../../lib/use-resource.ts';
import type { TrendBucket } from './period.ts';
import type { SurveyUnitPeriod } from './rankings.api.ts';

export type UnitResults = ResultsResponse;

/** A unit's scores for a period (its whole subtree), with the change against the previous period. */
export function fetchUnitResults({ survey, unit, period }: SurveyUnitPeriod, signal?: AbortSignal): Promise<ResultsResponse> {
  const query = new URLSearchParams({ survey, unit, period });
  return adminJson(`/api/results?${query}`, ResultsResponse, { signal });
}

export function useUnitResults(params: SurveyUnitPeriod) {
  return useResource(`results:${params.survey}:${params.unit}:${params.period}`, (signal) => fetchUnitResults(params, signal));
}

export type TrendParams = { survey: string; unit: string; from: string; to: string; bucket: TrendBucket };

export function fetchTrend({ survey, unit, from, to, bucket }: TrendParams, signal?: AbortSignal): Promise<TrendResponse> {
  const query = new URLSearchParams({ survey, unit, from, to, bucket });
  return adminJson(`/api/results/trend?${query}`, TrendResponse, { signal });
}

export function useTrend(params: TrendParams) {
  const key = `trend:${params.survey}:${params.unit}:${params.from}:${params.to}:${params.bucket}`;
  return useResource(key, (signal) => fetchTrend(params, signal));
}
