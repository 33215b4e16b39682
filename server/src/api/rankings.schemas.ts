import { z } from 'zod';
import { CalendarDate, UnitCode, UnitLevel } from './units.schemas.ts';
import { ResultsUnit } from './results.schemas.ts';

/** The period as the results API takes it: `period`, or `from` and `to`; by default the current year in Vietnam. */
export const PeriodQuery = z.strictObject({
  /** "2025", "2025-Q2" or "2025-06". */
  period: z
    .string()
    .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a year (2025), a quarter (2025-Q2) or a month (2025-06)')
    .optional(),
  /** First day (inclusive), with `to`. */
  from: CalendarDate.optional(),
  /** Last day (inclusive), with `from`. */
  to: CalendarDate.optional(),
});

export function checkPeriodQuery(query: { period?: string | undefined; from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (query.period !== undefined && (query.from !== undefined || query.to !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'give either period or from and to, not both' });
  } else if ((query.from === undefined) !== (query.to === undefined)) {
    ctx.addIssue({ code: 'custom', path: [query.from === undefined ? 'from' : 'to'], message: 'from and to go together' });
  } else if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

const SurveyQuery = {
  survey: z.string().min(1).max(64),
  /** Defaults to the latest published version of the survey. */
  version: z.coerce.number().int().positive().optional(),
};

export const RankingsQuery = PeriodQuery.extend({
  ...SurveyQuery,
  /** Rank the units directly below this unit (valid on the period's last day)… */
  parent: UnitCode.optional(),
  /** …or every unit of this level (with `parent`: only its sub-units of this level). */
  level: UnitLevel.optional(),
  /** Only units of this type (tỉnh, thành phố, xã, phường, sở…). */
  type: z.string().min(1).max(64).optional(),
}).superRefine((query, ctx) => {
  checkPeriodQuery(query, ctx);
  if (query.parent === undefined && query.level === undefined) {
    ctx.addIssue({ code: 'custom', path: ['parent'], message: 'give parent (a unit code) or level' });
  }
});
export type RankingsQuery = z.infer<typeof RankingsQuery>;

export const PositionQuery = PeriodQuery.extend({ ...SurveyQuery, unit: UnitCode }).superRefine(checkPeriodQuery);
export type PositionQuery = z.infer<typeof PositionQuery>;

const LocalizedText = z.object({ vi: z.string(), en: z.string() });

/** The unit as results name it, without its validity dates (a ranking is of one period). */
export const RankedUnitInfo = ResultsUnit.omit({ validFrom: true, validTo: true });
export type RankedUnitInfo = z.infer<typeof RankedUnitInfo>;

/** As the results API describes it: label "2025", "2025-Q2", "2025-06" or "2025-01-15..2025-03-10". */
export const Period = z.object({ label: z.string(), from: z.string(), to: z.string() });
export type Period = z.infer<typeof Period>;

const Interval = z.object({ low: z.number(), high: z.number() });

export const GroupRank = z.object({
  /** The group tag (`region:Bắc Trung Bộ`), or `level:<level>` when the universe mixes levels. */
  group: z.string(),
  rank: z.number().int(),
  of: z.number().int(),
});
export type GroupRank = z.infer<typeof GroupRank>;

/** Overall share satisfied in percent (unrounded), n = respondents with a valid scored answer, responses stored. */
const UnitFigures = {
  share: z.number().nullable(),
  n: z.number().int(),
  respondents: z.number().int(),
  interval: Interval.nullable(),
  /**
   * The figures count responses of the unit's predecessors, for the days of the period before it was made in
   * the 2025 mergers (read as the results API reads them: see its `derivation` for which units).
   */
  derived: z.boolean(),
};

export const RankPlace = z.object({
  rank: z.number().int(),
  of: z.number().int(),
  /** Null when the unit was not ranked in the previous period. */
  previousRank: z.number().int().nullable(),
  previousOf: z.number().int().nullable(),
  /** previousRank − rank (+6 = up 6 places); null when not ranked then or the universes differ. */
  rankChange: z.number().int().nullable(),
  /** Published share now − then, 2 decimals; null when not ranked then. */
  pointChange: z.number().nullable(),
  /** The previous period's figure was derived from the unit's predecessors (see `derived`). */
  previousDerived: z.boolean(),
  groupRanks: z.array(GroupRank),
});
export type RankPlace = z.infer<typeof RankPlace>;

export const RankedEntry = z.object({ unit: RankedUnitInfo, ...UnitFigures, share: z.number() }).extend(RankPlace.shape);
export type RankedEntry = z.infer<typeof RankedEntry>;

export const UnrankedReason = z.enum(['below-minimum', 'no-score']);

export const UnrankedEntry = z.object({ unit: RankedUnitInfo, reason: UnrankedReason, ...UnitFigures });
export type UnrankedEntry = z.infer<typeof UnrankedEntry>;

const RankingContext = {
  survey: z.object({ key: z.string(), version: z.number().int() }),
  universe: z.object({
    description: LocalizedText,
    parent: RankedUnitInfo.nullable(),
    level: z.string().nullable(),
    type: z.string().nullable(),
    /** Units in the universe, ranked or not. */
    units: z.number().int(),
  }),
  period: Period,
  previousPeriod: Period,
  /** Respondents a unit needs to be ranked (the scoring spec's minSampleToRank). */
  minimumSample: z.number().int(),
  /**
   * Whether changes can be read: same set of units (ranks) and same survey version (shares) in both periods.
   * The previous period ranks the same units (merged units from their predecessors), so ranks compare.
   */
  comparable: z.object({ ranks: z.boolean(), shares: z.boolean() }),
  /**
   * What the figures were computed from (server/src/features/results/fingerprint.ts): survey version, scoring
   * spec hash, and the number and ids digest of the responses in the period: of the whole universe for a
   * ranking, of the unit's own subtree for a position.
   */
  fingerprint: z.string(),
};

export const RankingsResponse = z.object({
  ...RankingContext,
  ranked: z.array(RankedEntry),
  /** Below the minimum sample or without a score: listed apart, not ranked. */
  unranked: z.array(UnrankedEntry),
});
export type RankingsResponse = z.infer<typeof RankingsResponse>;

/** One unit's place among its peers, without the peers' figures. */
export const PositionResponse = z.object({
  ...RankingContext,
  unit: RankedUnitInfo,
  ...UnitFigures,
  /** Null when the unit is not ranked (see `unrankedReason`). */
  position: RankPlace.nullable(),
  /** The position as officials write it: "xếp hạng 12/93, tăng 3 bậc" / "ranked 12/93, up 3 places"; null when not ranked. */
  summary: LocalizedText.nullable(),
  unrankedReason: UnrankedReason.nullable(),
});
export type PositionResponse = z.infer<typeof PositionResponse>;
