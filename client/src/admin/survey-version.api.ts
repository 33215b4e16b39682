import { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { apiGet, segment } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

/** One version of a survey, whatever its status (drafts and retired versions too). */
export function fetchSurveyVersion(key: string, version: number, signal?: AbortSignal): Promise<SurveyDefinition> {
  return apiGet(`/api/surveys/${segment(key)}/versions/${version}`, SurveyDefinition, signal);
}

export function useSurveyVersion(key: string, version: number) {
  return useResource(`survey:${key}@${version}`, (signal) => fetchSurveyVersion(key, version, signal));
}
