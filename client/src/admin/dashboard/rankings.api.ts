import { PositionResponse, RankingsResponse } from '@sipas/server/api/rankings';
import { adminJson } from '../admin-fetch.ts';
import { useResource } from '../../lib/use-resource.ts';

export type SurveyUnitPeriod = { survey: string; unit: string; period: string };

/** The sub-units of `unit` ranked for the period; those below the minimum sample come apart, unranked. */
export function fetchSubUnitRankings({ survey, unit, period }: SurveyUnitPeriod, signal?: AbortSignal): Promise<RankingsResponse> {
  const query = new URLSearchParams({ survey, parent: unit, period });
  return adminJson(`/api/rankings?${query}`, RankingsResponse, { signal });
}

export function useSubUnitRankings(params: SurveyUnitPeriod) {
  return useResource(`rankings:${params.survey}:${params.unit}:${params.period}`, (signal) => fetchSubUnitRankings(params, signal));
}

/** The unit's own rank among its peers and within its groups. */
export function fetchPosition({ survey, unit, period }: SurveyUnitPeriod, signal?: AbortSignal): Promise<PositionResponse> {
  const query = new URLSearchParams({ survey, unit, period });
  return adminJson(`/api/rankings/position?${query}`, PositionResponse, { signal });
}

export function usePosition(params: SurveyUnitPeriod) {
  return useResource(`position:${params.survey}:${params.unit}:${params.period}`, (signal) => fetchPosition(params, signal));
}
