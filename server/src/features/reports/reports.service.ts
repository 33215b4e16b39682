import type { Kysely } from 'kysely';
import { allQuestions, type SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { AnalysisQuery, AnalysisResponse, ScoresExportQuery } from '../../api/reports.schemas.ts';
import type { RankingsQuery } from '../../api/rankings.schemas.ts';
import type { Database } from '../../db/database.ts';
import { scoreUnit, type UnitScore } from '../../scoring/unit-score.ts';
import { getRankings, positionOf, resolveUnitQuery, toPeriod, type AuthorizeRead } from '../rankings/rankings.service.ts';
import { scoreUnitsWithHistory } from '../results/history-scores.ts';
import { previousPeriod as previousOf } from '../results/period.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { pointChange, writeAnalysis, type AnalysisFigures } from './analysis-text.ts';
import { listSubtreeWithNames } from './reports.queries.ts';
import { RANKINGS_HEADER, rankingsRows, scoresHeader, scoresRows } from './score-exports.csv.ts';

export interface CsvExport {
  fileName: string;
  header: readonly string[];
  rows: ReturnType<typeof rankingsRows>;
}

/** The period as written in a file name: 2026, 2026-Q2, 2026-06 or 2026-01-01_2026-03-31. */
const periodSlug = (period: { label: string }) => period.label.replace('..', '_');

function figuresOf(score: UnitScore, respondents: number): AnalysisFigures {
  const { overall } = score;
  return {
    share: overall.share,
    n: overall.respondents,
    respondents,
    interval: overall.interval,
    belowMinimum: overall.belowMinimum,
    components: score.components.map((c) => ({ id: c.id, share: c.share })),
    criteria: score.components.flatMap((c) => c.criteria.map((criterion) => ({ id: criterion.id, share: criterion.share, n: criterion.valid }))),
  };
}

function labelsOf(definition: SurveyDefinition) {
  const texts = new Map(allQuestions(definition).map(({ question }) => [question.id, question.text]));
  const localized = (text: { vi: string; en?: string | undefined } | undefined, fallback: string) => ({ vi: text?.vi ?? fallback, en: text?.en ?? text?.vi ?? fallback });
  return {
    components: definition.scoring.components.map((c) => ({ id: c.id, label: localized(c.label, c.id) })),
    criteria: definition.scoring.components.flatMap((c) => c.criteria.map((id) => ({ id, componentId: c.id, text: localized(texts.get(id), id) }))),
  };
}

/** GET /api/reports/analysis: the report's paragraphs for a unit and period, with the tables behind them. */
export async function getAnalysis(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: AnalysisQuery,
  today: string,
  authorize: AuthorizeRead,
): Promise<AnalysisResponse> {
  const { definition, period, unit } = await resolveUnitQuery(db, catalog, query, today, authorize);
  const previousPeriod = previousOf(period);
  const [place, [scoredNow, scoredThen]] = await Promise.all([
    positionOf(db, definition, unit, period),
    scoreUnitsWithHistory(db, definition, [unit], [period, previousPeriod], scoreUnit),
  ]);
  const [now, then] = [scoredNow!.units[0]!, scoredThen!.units[0]!];
  const current = figuresOf(now.score, now.respondents);
  const previous = then.score.overall.share === null ? null : figuresOf(then.score, then.respondents);
  const { components, criteria } = labelsOf(definition);
  const paragraphs = writeAnalysis(
    {
      unit,
      period,
      previousPeriod,
      minimumSample: definition.scoring.minSampleToRank,
      components,
      criteria,
      current,
      previous,
      derived: { current: now.derived, previous: then.derived },
      position: place.position,
    },
    query.locale,
  );
  const compared = (share: number | null, before: number | null | undefined, n: number) => ({
    share,
    previousShare: before ?? null,
    pointChange: pointChange(share, before),
    n,
  });
  const criterionScores = now.score.components.flatMap((c) => c.criteria);
  const previousCriteria = new Map(then.score.components.flatMap((c) => c.criteria).map((c) => [c.id, c]));
  return {
    survey: { key: definition.key, version: definition.version },
    unit: place.unit,
    period: toPeriod(period),
    previousPeriod: toPeriod(previousPeriod),
    locale: query.locale,
    fingerprint: place.fingerprint,
    paragraphs,
    tables: {
      overall: {
        ...compared(current.share, previous?.share, current.n),
        respondents: current.respondents,
        interval: current.interval,
        belowMinimum: current.belowMinimum,
        minimumSample: definition.scoring.minSampleToRank,
      },
      position: place.position,
      unrankedReason: place.unrankedReason,
      components: components.map((c, i) => ({
        ...c,
        ...compared(now.score.components[i]!.share, previous && then.score.components[i]!.share, now.score.components[i]!.validAnswers),
      })),
      criteria: criteria.map((c, i) => ({
        ...c,
        ...compared(criterionScores[i]!.share, previous && previousCriteria.get(c.id)!.share, criterionScores[i]!.valid),
      })),
    },
  };
}

/** GET /api/exports/rankings.csv: the ranking of GET /api/rankings, one row per unit. */
export async function exportRankings(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: RankingsQuery,
  today: string,
  authorize: AuthorizeRead,
): Promise<CsvExport> {
  const ranking = await getRankings(db, catalog, query, today, authorize);
  const scope = [query.parent, query.level, query.type].filter((part) => part !== undefined).join('-');
  return {
    fileName: `rankings-${ranking.survey.key}-${scope}-${periodSlug(ranking.period)}.csv`,
    header: RANKINGS_HEADER,
    rows: rankingsRows(ranking),
  };
}

/** GET /api/exports/scores.csv: the unit and each unit below it, each on its own subtree. */
export async function exportScores(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  query: ScoresExportQuery,
  today: string,
  authorize: AuthorizeRead,
): Promise<CsvExport> {
  const { definition, period, unit } = await resolveUnitQuery(db, catalog, query, today, authorize);
  const units = await listSubtreeWithNames(db, unit.id, period);
  const [scores] = await scoreUnitsWithHistory(db, definition, units, [period], scoreUnit);
  const rows = units.map((u, i) => {
    const { respondents, score } = scores!.units[i]!;
    return { code: u.code, name: u.fullNameVi, level: u.level, parentCode: u.parentCode, respondents, score };
  });
  return {
    fileName: `scores-${definition.key}-${unit.code}-${periodSlug(period)}.csv`,
    header: scoresHeader(definition.scoring),
    rows: scoresRows(rows),
  };
}
