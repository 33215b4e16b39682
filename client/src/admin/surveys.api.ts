import { SurveyListResponse } from '@sipas/server/api/surveys';
import { apiGet } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

export function fetchSurveys(signal?: AbortSignal): Promise<SurveyListResponse> {
  return apiGet('/api/surveys', SurveyListResponse, signal);
}

export function useSurveys() {
  return useResource('surveys', fetchSurveys);
}
