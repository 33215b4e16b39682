import { z } from 'zod';
import { CalendarDate, UnitCode } from './units.schemas.ts';

/**
 * The results API (issue #5): a unit's scores for a period, and their trend. Every figure is read from the
 * response tallies (cost: units × periods, never responses). Shares are percent (0–100), unrounded: clients
 * round (vi-VN, 85,54%).
 */

const PERIOD = /^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;

/** Fields shared by a result and a trend: which survey version, which unit, which dates. */
const ResultsScope = z.strictObject({
  survey: z.string().min(1).max(64),
  /** Defaults to the latest published version of the survey. */
  version: z.coerce.number().int().positive().optional(),
  /** Resolved as the unit with this code valid on the last day of the period (today when none was). */
  unit: UnitCode,
  /** "2025", "2025-Q2" or "2025-06"; or give `from` and `to`. Default: the current year in Vietnam. */
  period: z.string().regex(PERIOD, 'must be a year (2025), a quarter (2025-Q2) or a month (2025-06)').optional(),
  /** First day (inclusive), with `to`. */
  from: CalendarDate.optional(),
  /** Last day (inclusive), with `from`. */
  to: CalendarDate.optional(),
  /** A unit counts all responses of its subtree (default true); false: only the unit's own responses. */
  subtree: z.stringbool().default(true),
});

function checkDates(query: { period?: string | undefined; from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (query.period !== undefined && (query.from !== undefined || query.to !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'give either period or from and to, not both' });
  } else if ((query.from === undefined) !== (query.to === undefined)) {
    ctx.addIssue({ code: 'custom', path: [query.from === undefined ? 'from' : 'to'], message: 'from and to go together' });
  } else if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

export const ResultsQuery = ResultsScope.superRefine(checkDates);
export type ResultsQuery = z.infer<typeof ResultsQuery>;

export const TrendBucket = z.enum(['month', 'quarter', 'year']);

/** At most this many buckets in one trend (20 years by month). */
export const MAX_TREND_BUCKETS = 240;

export const TrendQuery = ResultsScope.extend({
  /** How the range is split; default month. */
  bucket: TrendBucket.default('month'),
}).superRefine(checkDates);
export type TrendQuery = z.infer<typeof TrendQuery>;

const LocalizedText = z.object({ vi: z.string(), en: z.string().optional() });

/** Share satisfied in percent (0–100, unrounded); null when no valid answer exists. */
const Share = z.number().min(0).max(100).nullable();

/** 95 % interval in percent; null without valid answers. */
const Interval = z.object({ low: z.number(), high: z.number() }).nullable();

/** Change in percentage points against the previous period; null when either share is missing. */
const Change = z.number().nullable();

const PeriodDescription = z.object({
  /** "2025", "2025-Q2", "2025-06" or "2025-01-15..2025-03-10". */
  label: z.string(),
  from: z.string(),
  to: z.string(),
});

export const CriterionResult = z.object({
  id: z.string(),
  text: LocalizedText,
  /** Answers at a satisfied level. */
  satisfied: z.number().int(),
  /** Valid answers (levels 1–5; not-applicable and blanks excluded). */
  n: z.number().int(),
  share: Share,
  /** Wilson. */
  interval: Interval,
  change: Change,
});

export const ComponentResult = z.object({
  id: z.string(),
  label: LocalizedText,
  /** Mean of the criterion shares that have data. */
  share: Share,
  /** MOVER-Wilson. */
  interval: Interval,
  /** Valid answers over all criteria of the component. */
  n: z.number().int(),
  change: Change,
  criteria: z.array(CriterionResult),
});

export const OverallResult = z.object({
  /** The spec's method: mean-of-components, pooled-items or respondent-level. */
  method: z.string(),
  share: Share,
  interval: Interval,
  /** wilson, mover-wilson or normal-mean: name it in a footnote. */
  intervalMethod: z.string(),
  /** Respondents with at least one valid answer to a scored criterion: the n compared with minSampleToRank. */
  n: z.number().int(),
  validAnswers: z.number().int(),
  minSampleToRank: z.number().int(),
  /** n < minSampleToRank: show, but do not rank. */
  belowMinimum: z.boolean(),
  change: Change,
});

const LineageUnit = z.object({
  code: z.string(),
  nameVi: z.string(),
  kind: z.enum(['full', 'partial']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

/** How the part of the period before the unit existed was re-aggregated from its predecessors. */
export const Derivation = z.object({
  /** The dates whose figures come from predecessors. */
  from: z.string(),
  to: z.string(),
  /** A predecessor split between several successors counts with all its responses toward each. */
  partial: z.boolean(),
  predecessors: z.array(LineageUnit),
});

/**
 * What a published figure was computed from, so it can be recomputed and checked
 * (server/docs/reproducibility.md). The scoring spec has no version of its own: it is named by its hash.
 */
export const Fingerprint = z.object({
  /** "sipas-2017@1". */
  survey: z.string(),
  /** sha256 of the canonical JSON of the version's `scoring` object. */
  scoringSpecSha256: z.string(),
  /** Responses counted (predecessors' included when derived). */
  responses: z.number().int(),
  /** Σ of the 60-bit hashes of their ids mod 2^60, 15 hex digits. */
  responsesDigest: z.string(),
  /** One line to print under the figure. */
  text: z.string(),
});

export const ResultsUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  fullNameVi: z.string(),
  level: z.string(),
  type: z.string(),
  groupTags: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const SurveyVersion = z.object({ key: z.string(), version: z.number().int(), title: LocalizedText });

export const ResultsResponse = z.object({
  survey: SurveyVersion,
  unit: ResultsUnit,
  subtree: z.boolean(),
  period: PeriodDescription,
  previousPeriod: PeriodDescription,
  /** Responses stored for the unit (its subtree, its predecessors when derived) in the period. */
  respondents: z.number().int(),
  /** The same as respondents; kept for the admin page that reads it. */
  responses: z.number().int(),
  overall: OverallResult,
  components: z.array(ComponentResult),
  /** The previous period, or null when it has no responses. */
  previous: z
    .object({
      respondents: z.number().int(),
      overall: z.object({ share: Share, n: z.number().int(), belowMinimum: z.boolean() }),
      derived: z.boolean(),
    })
    .nullable(),
  /** Some of the period's figures come from predecessor units (the 2025 mergers). */
  derived: z.boolean(),
  derivation: Derivation.nullable(),
  fingerprint: Fingerprint,
});
export type ResultsResponse = z.infer<typeof ResultsResponse>;

export const TrendPoint = z.object({
  /** The bucket; the first and last may be cut to the range asked for (from, to). */
  period: PeriodDescription,
  respondents: z.number().int(),
  /** Some of this bucket's figures come from predecessor units. */
  derived: z.boolean(),
  overall: z.object({ share: Share, interval: Interval, n: z.number().int(), belowMinimum: z.boolean() }),
  components: z.array(z.object({ id: z.string(), share: Share, interval: Interval, n: z.number().int() })),
  /** Digest of the ids of the bucket's responses (fingerprint.ts). */
  responsesDigest: z.string(),
});

/**
 * A trend is for one survey version: versions with different questions or specs are not comparable (the 2022
 * redesign broke the series), so a line never joins them. `series` holds one series per version asked for
 * (today: the one version of the query); a client draws each as its own line.
 */
export const TrendResponse = z.object({
  unit: ResultsUnit,
  subtree: z.boolean(),
  bucket: TrendBucket,
  from: z.string(),
  to: z.string(),
  series: z.array(
    z.object({
      survey: SurveyVersion,
      overallMethod: z.string(),
      components: z.array(z.object({ id: z.string(), label: LocalizedText })),
      points: z.array(TrendPoint),
      derivation: Derivation.nullable(),
      fingerprint: Fingerprint,
    }),
  ),
});
export type TrendResponse = z.infer<typeof TrendResponse>;
