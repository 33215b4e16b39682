/**
 * Rows of the rankings and scores exports (layout: server/docs/exports.md). Shares are written as printed, in
 * percent with 2 decimals, as numbers; an empty cell means no value. Pure.
 */
import type { RankingsResponse } from '../../api/rankings.schemas.ts';
import type { CsvCell } from '../../http/csv.ts';
import { publishedShare } from '../../scoring/ranking.ts';
import type { UnitScore } from '../../scoring/unit-score.ts';

const printed = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : publishedShare(value));

export const RANKINGS_HEADER = [
  'rank',
  'of',
  'unit_code',
  'unit_name',
  'unit_type',
  'share_percent',
  'n',
  'respondents',
  'interval_low',
  'interval_high',
  'previous_rank',
  'previous_of',
  'rank_change',
  'point_change',
  'group_ranks',
  'status',
] as const;

/** Ranked units by rank, then the unranked ones with their reason as status. */
export function rankingsRows(ranking: Pick<RankingsResponse, 'ranked' | 'unranked'>): CsvCell[][] {
  const ranked = ranking.ranked.map((r) => [
    r.rank,
    r.of,
    r.unit.code,
    r.unit.fullNameVi,
    r.unit.type,
    printed(r.share),
    r.n,
    r.respondents,
    printed(r.interval?.low),
    printed(r.interval?.high),
    r.previousRank,
    r.previousOf,
    r.rankChange,
    r.pointChange,
    r.groupRanks.map((g) => `${g.group} ${g.rank}/${g.of}`).join('; ') || null,
    'ranked',
  ]);
  const unranked = ranking.unranked.map((u) => [
    null,
    null,
    u.unit.code,
    u.unit.fullNameVi,
    u.unit.type,
    printed(u.share),
    u.n,
    u.respondents,
    printed(u.interval?.low),
    printed(u.interval?.high),
    null,
    null,
    null,
    null,
    null,
    u.reason,
  ]);
  return [...ranked, ...unranked];
}

export interface ScoredRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  respondents: number;
  score: UnitScore;
}

/** Fixed columns, then `<component>_share`, `<component>_n` per component and the same per criterion. */
export function scoresHeader(spec: { components: ReadonlyArray<{ id: string; criteria: readonly string[] }> }): string[] {
  return [
    'unit_code',
    'unit_name',
    'unit_level',
    'parent_code',
    'respondents',
    'overall_share_percent',
    'overall_n',
    'overall_interval_low',
    'overall_interval_high',
    'below_minimum',
    ...spec.components.flatMap((c) => [`${c.id}_share_percent`, `${c.id}_n`]),
    ...spec.components.flatMap((c) => c.criteria.flatMap((id) => [`${id}_share_percent`, `${id}_n`])),
  ];
}

export function scoresRows(rows: readonly ScoredRow[]): CsvCell[][] {
  return rows.map(({ code, name, level, parentCode, respondents, score }) => [
    code,
    name,
    level,
    parentCode,
    respondents,
    printed(score.overall.share),
    score.overall.respondents,
    printed(score.overall.interval?.low),
    printed(score.overall.interval?.high),
    score.overall.belowMinimum,
    ...score.components.flatMap((c) => [printed(c.share), c.validAnswers]),
    ...score.components.flatMap((c) => c.criteria.flatMap((criterion) => [printed(criterion.share), criterion.valid])),
  ]);
}
