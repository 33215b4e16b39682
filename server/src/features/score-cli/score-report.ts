import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { toCsv, type CsvCell } from '../../http/csv.ts';
import type { ComponentScore, OverallScore } from '../../scoring/unit-score.ts';
import { fingerprint, responseIdsDigest, type Fingerprint } from '../results/fingerprint.ts';
import type { OfflineUnitScore } from './offline-scores.ts';
import type { HierarchyUnit } from './unit-hierarchy.ts';

/** One unit of the report: the engine's figures (as the API's) and the fingerprint of the responses behind them. */
export interface ScoreReportUnit {
  unitCode: string;
  /** With a units file: the unit's name, level, validity start and parent. */
  unit?: { nameVi: string; level: string; validFrom: string; parentCode: string | null };
  /** Responses counted (its own, plus its subtree's with a units file). */
  responses: number;
  /** Respondents with a valid scored answer: the n compared with the minimum sample. */
  n: number;
  overall: OverallScore;
  components: ComponentScore[];
  fingerprint: Fingerprint;
}

export interface ScoreReport {
  survey: { key: string; version: number };
  range: { from: string | null; to: string | null };
  units: ScoreReportUnit[];
}

export function buildScoreReport(
  definition: SurveyDefinition,
  range: { from?: string | undefined; to?: string | undefined },
  scores: readonly OfflineUnitScore[],
  unitOf: (key: string) => HierarchyUnit | undefined,
): ScoreReport {
  const units = scores.map((s): ScoreReportUnit => {
    const unit = unitOf(s.key);
    return {
      unitCode: s.unitCode,
      ...(unit ? { unit: { nameVi: unit.nameVi, level: unit.level, validFrom: unit.validFrom, parentCode: unit.parent?.code ?? null } } : {}),
      responses: s.responseIds.length,
      n: s.score.overall.respondents,
      overall: s.score.overall,
      components: s.score.components,
      fingerprint: fingerprint(definition, s.responseIds.length, responseIdsDigest(s.responseIds)),
    };
  });
  units.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || (a.unit?.validFrom ?? '').localeCompare(b.unit?.validFrom ?? ''));
  return { survey: { key: definition.key, version: definition.version }, range: { from: range.from ?? null, to: range.to ?? null }, units };
}

/**
 * The report as CSV, one row per unit: identity, n, the overall figure with its interval, then per component
 * and per criterion share, interval bounds and counts, and the fingerprint. Shares are unrounded percent.
 */
export function scoreReportCsv(definition: SurveyDefinition, report: ScoreReport): string {
  const withUnits = report.units.some((u) => u.unit !== undefined);
  const header = [
    'unit_code',
    ...(withUnits ? ['unit_name', 'level', 'valid_from', 'parent_code'] : []),
    'responses',
    'n',
    'below_minimum',
    'overall_method',
    'overall_share',
    'overall_low',
    'overall_high',
    'overall_valid_answers',
    ...definition.scoring.components.flatMap((c) => [`${c.id}_share`, `${c.id}_low`, `${c.id}_high`, `${c.id}_valid_answers`]),
    ...definition.scoring.components.flatMap((c) =>
      c.criteria.flatMap((id) => [`${c.id}.${id}_share`, `${c.id}.${id}_low`, `${c.id}.${id}_high`, `${c.id}.${id}_satisfied`, `${c.id}.${id}_valid`]),
    ),
    'survey',
    'scoring_spec_sha256',
    'responses_digest',
  ];
  const rows = report.units.map((u): CsvCell[] => [
    u.unitCode,
    ...(withUnits ? [u.unit?.nameVi ?? null, u.unit?.level ?? null, u.unit?.validFrom ?? null, u.unit?.parentCode ?? null] : []),
    u.responses,
    u.n,
    u.overall.belowMinimum ? 1 : 0,
    u.overall.method,
    u.overall.share,
    u.overall.interval?.low ?? null,
    u.overall.interval?.high ?? null,
    u.overall.validAnswers,
    ...u.components.flatMap((c) => [c.share, c.interval?.low ?? null, c.interval?.high ?? null, c.validAnswers]),
    ...u.components.flatMap((c) =>
      c.criteria.flatMap((k) => [k.share, k.interval?.low ?? null, k.interval?.high ?? null, k.satisfied, k.valid]),
    ),
    u.fingerprint.survey,
    u.fingerprint.scoringSpecSha256,
    u.fingerprint.responsesDigest,
  ]);
  return toCsv(header, rows);
}
