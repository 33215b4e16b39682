import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { apiGet, checkedByServer, segment, type Schema } from './api.ts';
import { useResource } from './use-resource.ts';

export const DEFAULT_SURVEY = 'sipas-2017';

/**
 * The latest published version of a survey (404 when none is published). The admin passes the zod
 * `SurveyDefinition` to check it; the public questionnaire relies on the server's check to stay small.
 */
export function fetchSurveyDefinition(
  key: string,
  signal?: AbortSignal,
  // No zod on the public route: the server parsed every definition with the SurveyDefinition schema at load.
  schema: Schema<SurveyDefinition> = checkedByServer(),
): Promise<SurveyDefinition> {
  return apiGet(`/api/surveys/${segment(key)}`, schema, signal);
}

export function useSurveyDefinition(key: string, schema?: Schema<SurveyDefinition>) {
  return useResource(`survey:${key}`, (signal) => fetchSurveyDefinition(key, signal, schema));
}
