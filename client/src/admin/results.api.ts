import { ResultsResponse } from '@sipas/server/api/results';
import { apiGet } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

export function fetchResults(survey: string, unit: string, signal?: AbortSignal): Promise<ResultsResponse> {
  const query = new URLSearchParams({ survey, unit });
  return apiGet(`/api/results?${query}`, ResultsResponse, signal);
}

export function useResults(survey: string, unit: string) {
  return useResource(`results:${survey}:${unit}`, (signal) => fetchResults(survey, unit, signal));
}
