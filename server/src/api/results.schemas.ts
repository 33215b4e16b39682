import { z } from 'zod';
import { UnitCode } from './units.schemas.ts';

export const ResultsQuery = z.strictObject({
  survey: z.string().min(1).max(64),
  unit: UnitCode,
  /** Defaults to the latest published version of the survey. */
  version: z.coerce.number().int().positive().optional(),
});

const LocalizedText = z.object({ vi: z.string(), en: z.string().optional() });

/** Share satisfied in percent (0–100, unrounded); null when no valid answer exists. */
const Share = z.number().min(0).max(100).nullable();

export const CriterionResult = z.object({
  id: z.string(),
  text: LocalizedText,
  satisfied: z.number().int(),
  n: z.number().int(),
  share: Share,
});

export const ComponentResult = z.object({
  id: z.string(),
  label: LocalizedText,
  /** Mean of the criterion shares that have data. */
  share: Share,
  /** Valid answers over all criteria of the component. */
  n: z.number().int(),
  criteria: z.array(CriterionResult),
});

export const ResultsResponse = z.object({
  survey: z.object({ key: z.string(), version: z.number().int(), title: LocalizedText }),
  unit: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string().nullable() }),
  responses: z.number().int(),
  overall: z.object({ method: z.string(), share: Share }),
  components: z.array(ComponentResult),
});
export type ResultsResponse = z.infer<typeof ResultsResponse>;
