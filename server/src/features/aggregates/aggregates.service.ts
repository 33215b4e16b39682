import { sql, type Kysely } from 'kysely';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { Database } from '../../db/database.ts';
import { scoreUnit, type UnitScore, type UnitTallies } from '../../scoring/unit-score.ts';
import {
  countResponsesAndTallies,
  diffTallies,
  listTallyQuestions,
  readCriterionTallies,
  readGroupedCriterionTallies,
  replaceTallies,
  type TallyDiffRow,
  type TallyGroup,
  type TallyScope,
} from './aggregates.queries.ts';
import { combineDigests } from '../results/fingerprint.ts';
import { bucketsOf } from './period-slices.ts';
import { describeTallyDifference, unitTalliesFromCounts, type TallyQuestion } from './tally-vectors.ts';

export interface RebuildReport {
  responses: number;
  tallyRows: number;
  milliseconds: number;
}

/**
 * Recomputes every tally from raw responses in one transaction (truncate, then insert from the view
 * response_tallies_recomputed). A SHARE lock on responses makes writers wait until it commits, so no
 * response can slip between the recomputation and the triggers; readers of the tallies wait too.
 */
export async function rebuildTallies(db: Kysely<Database>): Promise<RebuildReport> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    await sql`lock table responses in share mode`.execute(trx);
    const tallyRows = await replaceTallies(trx);
    const { responses } = await countResponsesAndTallies(trx);
    return { responses, tallyRows, milliseconds: Math.round(performance.now() - started) };
  });
}

export interface TallyDifference extends Omit<TallyDiffRow, 'stored' | 'expected'> {
  stored: TallyDiffRow['stored'];
  expected: TallyDiffRow['expected'];
  /** One line per wrong value, naming question and level for a wrong count. */
  problems: string[];
}

export interface VerifyReport {
  responses: number;
  tallyRows: number;
  /** Rows that differ in all; `differences` holds the first `limit` of them. */
  total: number;
  differences: TallyDifference[];
}

/**
 * Compares the tallies with a recomputation from raw responses, in one snapshot (repeatable read), so
 * responses arriving meanwhile cannot make a false difference. Empty `differences` means exactly equal.
 */
export async function verifyTallies(db: Kysely<Database>, options: { limit?: number } = {}): Promise<VerifyReport> {
  const limit = options.limit ?? 100;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const counts = await countResponsesAndTallies(trx);
      const { total, rows } = await diffTallies(trx, limit);
      const questions = new Map<string, TallyQuestion[]>();
      for (const row of rows) {
        const id = `${row.surveyKey}@${row.surveyVersion}`;
        if (!questions.has(id)) questions.set(id, await listTallyQuestions(trx, row.surveyKey, row.surveyVersion));
      }
      const differences = rows.map((row) => ({
        ...row,
        problems: describeTallyDifference(row.stored, row.expected, questions.get(`${row.surveyKey}@${row.surveyVersion}`)!),
      }));
      return { ...counts, total, differences };
    });
}

// A recorded version's content never changes, so neither do its tally questions: one read per database.
const questionCache = new WeakMap<Kysely<Database>, Map<string, TallyQuestion[]>>();

async function tallyQuestionsOf(db: Kysely<Database>, key: string, version: number): Promise<TallyQuestion[]> {
  let cache = questionCache.get(db);
  if (!cache) questionCache.set(db, (cache = new Map()));
  const id = `${key}@${version}`;
  let questions = cache.get(id);
  if (!questions) {
    questions = await listTallyQuestions(db, key, version);
    if (questions.length > 0) cache.set(id, questions); // not recorded yet: ask again next time
  }
  return questions;
}

/** The definition of the version read: its key and version, and the scoring spec to apply. */
export type ScoredVersion = Pick<SurveyDefinition, 'key' | 'version' | 'scoring'>;

export interface TallyReportRow<S = UnitScore> {
  unitId: number | null;
  period: string | null;
  /** Responses stored. */
  respondents: number;
  score: S;
}

/**
 * Scores from the tallies, for each unit asked for (or for all together) and each bucket of the range: the
 * read costs units × buckets, not responses. Units and buckets without responses are listed with zero counts.
 * The satisfied levels are applied when reading, so a published figure can be recomputed under another spec
 * (mean-of-components and pooled-items); the respondent-level sums are stored under the version's own spec.
 * The raw level counts of the same rows: readTallies.
 */
export async function scoreTallies(
  db: Kysely<Database>,
  definition: ScoredVersion,
  scope: Omit<TallyScope, 'surveyKey' | 'surveyVersion'>,
): Promise<TallyReportRow[]> {
  return scoreTalliesWith(db, definition, scope, scoreUnit);
}

/** The criteria a spec scores (each once, in spec order) and their ordinals among the version's tally questions. */
export async function criterionOrdinals(db: Kysely<Database>, definition: ScoredVersion) {
  const criteria = [...new Set(definition.scoring.components.flatMap((c) => c.criteria))];
  const questions = await tallyQuestionsOf(db, definition.key, definition.version);
  const ordinals = new Map(questions.map((q) => [q.questionId, q.ordinal]));
  const missing = criteria.filter((id) => !ordinals.has(id));
  if (missing.length > 0) throw new Error(`${definition.key}@${definition.version} has no level question ${missing.join(', ')}`);
  return { criteria, ordinals: criteria.map((id) => ({ ordinal: ordinals.get(id)! })) };
}

/**
 * scoreTallies with another scorer: `scoreOverall` when only the overall index is wanted (rankings), which
 * skips the criteria's and components' own intervals.
 */
export async function scoreTalliesWith<S>(
  db: Kysely<Database>,
  definition: ScoredVersion,
  scope: Omit<TallyScope, 'surveyKey' | 'surveyVersion'>,
  scorer: (spec: ScoredVersion['scoring'], tallies: UnitTallies) => S,
): Promise<Array<TallyReportRow<S>>> {
  const spec = definition.scoring;
  const { criteria, ordinals } = await criterionOrdinals(db, definition);
  const rows = await readCriterionTallies(db, { ...scope, surveyKey: definition.key, surveyVersion: definition.version }, ordinals, spec.satisfiedLevels);

  const found = new Map(rows.map((row) => [`${row.unitId}|${row.period}`, row]));
  const units = (scope.groupBy ?? 'unit') === 'unit' ? [...new Set(scope.unitIds)] : [null];
  const periods = scope.bucket ? bucketsOf(scope.range, scope.bucket) : [null];
  return units.flatMap((unitId) =>
    periods.map((period): TallyReportRow<S> => {
      const row = found.get(`${unitId}|${period}`);
      const sums = { scored: row?.scored ?? 0, shareSum: row?.shareSum ?? 0, shareSqSum: row?.shareSqSum ?? 0 };
      return {
        unitId,
        period,
        respondents: row?.respondents ?? 0,
        score: scorer(spec, unitTalliesFromCounts(criteria, row?.satisfied ?? [], row?.valid ?? [], sums)),
      };
    }),
  );
}

/** What a score is computed from: a group's criterion counts under the spec, its respondent sums and ids digest. */
export interface CriterionSums {
  respondents: number;
  scored: number;
  shareSum: number;
  shareSqSum: number;
  satisfied: number[];
  valid: number[];
  digest: string;
}

/**
 * Groups of units, each over its own range (TallyGroup), read in one query: their criterion sums by group key.
 * A group without responses gets zero counts. Add sums with addCriterionSums, score them with sumsScorer.
 */
export async function readGroupSums(
  db: Kysely<Database>,
  definition: ScoredVersion,
  groups: readonly TallyGroup[],
  options: { subtree: boolean },
): Promise<Map<number, CriterionSums>> {
  const { criteria, ordinals } = await criterionOrdinals(db, definition);
  const scope = { surveyKey: definition.key, surveyVersion: definition.version, groups, subtree: options.subtree };
  const rows = await readGroupedCriterionTallies(db, scope, ordinals, definition.scoring.satisfiedLevels);
  const sums = new Map<number, CriterionSums>(rows.map((row) => [row.key, row]));
  const none = Object.freeze(emptyCriterionSums(criteria.length)); // never changed: addCriterionSums makes new sums
  for (const group of groups) if (!sums.has(group.key)) sums.set(group.key, none);
  return sums;
}

export const emptyCriterionSums = (criteria: number): CriterionSums => ({
  respondents: 0,
  scored: 0,
  shareSum: 0,
  shareSqSum: 0,
  satisfied: Array<number>(criteria).fill(0),
  valid: Array<number>(criteria).fill(0),
  digest: combineDigests([]),
});

/** The sums of two disjoint sets of responses. */
export function addCriterionSums(a: CriterionSums, b: CriterionSums): CriterionSums {
  return {
    respondents: a.respondents + b.respondents,
    scored: a.scored + b.scored,
    shareSum: a.shareSum + b.shareSum,
    shareSqSum: a.shareSqSum + b.shareSqSum,
    satisfied: a.satisfied.map((value, i) => value + (b.satisfied[i] ?? 0)),
    valid: a.valid.map((value, i) => value + (b.valid[i] ?? 0)),
    digest: combineDigests([a.digest, b.digest]),
  };
}

/** A scorer (scoreUnit, scoreOverall) of sums read under this definition (readGroupSums). */
export function sumsScorer<S>(definition: ScoredVersion, scorer: (spec: ScoredVersion['scoring'], tallies: UnitTallies) => S): (sums: CriterionSums) => S {
  const criteria = [...new Set(definition.scoring.components.flatMap((c) => c.criteria))];
  return (sums) => scorer(definition.scoring, unitTalliesFromCounts(criteria, sums.satisfied, sums.valid, sums));
}
