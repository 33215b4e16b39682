import { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { apiGet, segment } from './api.ts';
import { useResource } from './use-resource.ts';

export const DEFAULT_SURVEY = 'sipas-2017';

/** The latest published version of a survey (404 when none is published). */
export function fetchSurveyDefinition(key: string, signal?: AbortSignal): Promise<SurveyDefinition> {
  return apiGet(`/api/surveys/${segment(key)}`, SurveyDefinition, signal);
}

export function useSurveyDefinition(key: string) {
  return useResource(`survey:${key}`, (signal) => fetchSurveyDefinition(key, signal));
}
