import { z } from 'zod';
import { checkPeriodQuery, GroupRank, Period, PeriodQuery, RankedUnitInfo, UnrankedReason } from './rankings.schemas.ts';
import { UnitCode } from './units.schemas.ts';

const UnitPeriodQuery = PeriodQuery.extend({
  survey: z.string().min(1).max(64),
  /** Defaults to the latest published version of the survey. */
  version: z.coerce.number().int().positive().optional(),
  unit: UnitCode,
});

export const AnalysisQuery = UnitPeriodQuery.extend({ locale: z.enum(['vi', 'en']).default('vi') }).superRefine(checkPeriodQuery);
export type AnalysisQuery = z.infer<typeof AnalysisQuery>;

/** GET /api/exports/scores.csv: the unit and every unit below it. */
export const ScoresExportQuery = UnitPeriodQuery.superRefine(checkPeriodQuery);
export type ScoresExportQuery = z.infer<typeof ScoresExportQuery>;

const LocalizedText = z.object({ vi: z.string(), en: z.string() });
const Share = z.number().nullable();

/** A share now and in the previous period, and the change of the printed figures (2 decimals). */
const Compared = {
  share: Share,
  previousShare: Share,
  pointChange: z.number().nullable(),
  /** Valid answers (criteria and components) or respondents with a valid answer (overall). */
  n: z.number().int(),
};

export const AnalysisResponse = z.object({
  survey: z.object({ key: z.string(), version: z.number().int() }),
  unit: RankedUnitInfo,
  period: Period,
  previousPeriod: Period,
  locale: z.enum(['vi', 'en']),
  /** What the unit's figures were computed from (server/src/features/results/fingerprint.ts). */
  fingerprint: z.string(),
  /** The report's text: headline, components, weakest criteria, sample and uncertainty. */
  paragraphs: z.array(z.string()),
  /** The tables behind the text. */
  tables: z.object({
    overall: z.object({
      ...Compared,
      respondents: z.number().int(),
      interval: z.object({ low: z.number(), high: z.number() }).nullable(),
      belowMinimum: z.boolean(),
      minimumSample: z.number().int(),
    }),
    position: z
      .object({
        rank: z.number().int(),
        of: z.number().int(),
        previousRank: z.number().int().nullable(),
        previousOf: z.number().int().nullable(),
        rankChange: z.number().int().nullable(),
        pointChange: z.number().nullable(),
        groupRanks: z.array(GroupRank),
      })
      .nullable(),
    unrankedReason: UnrankedReason.nullable(),
    components: z.array(z.object({ id: z.string(), label: LocalizedText, ...Compared })),
    criteria: z.array(z.object({ id: z.string(), componentId: z.string(), text: LocalizedText, ...Compared })),
  }),
});
export type AnalysisResponse = z.infer<typeof AnalysisResponse>;
