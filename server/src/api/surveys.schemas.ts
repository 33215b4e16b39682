import { z } from 'zod';

export const SurveyVersionSummary = z.object({
  key: z.string(),
  version: z.number().int(),
  status: z.string(),
  title: z.object({ vi: z.string(), en: z.string().optional() }),
  /** sha256 of the definition file as published; a published version never changes. */
  hash: z.string(),
});

export const SurveyListResponse = z.object({ surveys: z.array(SurveyVersionSummary) });
export type SurveyListResponse = z.infer<typeof SurveyListResponse>;

export const SurveyKeyParams = z.object({ key: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a survey key') });
export const SurveyVersionParams = SurveyKeyParams.extend({ version: z.coerce.number().int().positive() });
