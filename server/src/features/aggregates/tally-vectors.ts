import type { Tally } from '../../scoring/satisfaction.ts';
import type { UnitTallies } from '../../scoring/unit-score.ts';

/**
 * The stored level counts of migration 0005, made into what the scoring takes. Pure.
 * A tally row holds one integer vector: for the level question with ordinal i (1-based, definition order),
 * slot 6·(i−1)+k counts answers at level k (1..5) and slot 6·i counts "na".
 */

export const LEVELS = ['1', '2', '3', '4', '5', 'na'] as const;
export type Level = (typeof LEVELS)[number];
export type LevelCounts = Record<Level, number>;

/** A level question of a survey version (the view tally_questions). */
export interface TallyQuestion {
  ordinal: number;
  questionId: string;
  questionType: string;
  criterion: boolean;
}

/** The respondent-level sums of a tally row: respondents with a valid scored answer, Σ share, Σ share². */
export interface RespondentSums {
  scored: number;
  shareSum: number;
  shareSqSum: number;
}

export function emptyLevelCounts(): LevelCounts {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, na: 0 };
}

/** Per question id, its answers at each level; a vector shorter than the questions counts zeros. */
export function decodeLevelCounts(questions: readonly TallyQuestion[], vector: readonly number[]): Map<string, LevelCounts> {
  const decoded = new Map<string, LevelCounts>();
  for (const question of questions) {
    const base = 6 * (question.ordinal - 1);
    const counts = emptyLevelCounts();
    LEVELS.forEach((level, k) => (counts[level] = vector[base + k] ?? 0));
    decoded.set(question.questionId, counts);
  }
  return decoded;
}

/** Elementwise sum (lengths may differ; a missing element counts zero). */
export function addVectors(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/**
 * satisfied = answers at a satisfied level; valid = answers at levels 1–5 ("na" and blank are not valid),
 * the criterion score's numerator and denominator (domain.md, "Formulas").
 */
export function criterionTally(levels: LevelCounts, satisfiedLevels: readonly number[]): Tally {
  const satisfied = satisfiedLevels.reduce((sum, level) => sum + (levels[String(level) as Level] ?? 0), 0);
  const valid = levels['1'] + levels['2'] + levels['3'] + levels['4'] + levels['5'];
  return { satisfied, valid };
}

/**
 * What scoreUnit takes, from a tally row under a spec's satisfied levels. `respondents` is the row's `scored`
 * (respondents with a valid answer to a scored criterion); the respondent-level sums were stored under the
 * version's own spec, so that method is right only with it, while the others take any satisfied levels.
 */
export function unitTallies(
  spec: { components: ReadonlyArray<{ criteria: readonly string[] }>; satisfiedLevels: readonly number[] },
  levels: ReadonlyMap<string, LevelCounts>,
  sums: RespondentSums,
): UnitTallies {
  const criteria = new Map<string, Tally>();
  for (const id of spec.components.flatMap((c) => c.criteria)) {
    criteria.set(id, criterionTally(levels.get(id) ?? emptyLevelCounts(), spec.satisfiedLevels));
  }
  return {
    criteria,
    respondents: sums.scored,
    respondentShares: { respondents: sums.scored, sumOfShares: sums.shareSum, sumOfSquaredShares: sums.shareSqSum },
  };
}

/**
 * The same from per-criterion counts already reduced under the spec's satisfied levels (readCriterionTallies),
 * `satisfied[i]` and `valid[i]` belonging to `criteria[i]`.
 */
export function unitTalliesFromCounts(
  criteria: readonly string[],
  satisfied: readonly number[],
  valid: readonly number[],
  sums: RespondentSums,
): UnitTallies {
  return {
    criteria: new Map(criteria.map((id, i) => [id, { satisfied: satisfied[i] ?? 0, valid: valid[i] ?? 0 }])),
    respondents: sums.scored,
    respondentShares: { respondents: sums.scored, sumOfShares: sums.shareSum, sumOfSquaredShares: sums.shareSqSum },
  };
}

/** The values of a tally row that a check compares (sums as exact decimal text). */
export interface ComparedTally {
  respondents: number;
  levelCounts: readonly number[];
  scored: number;
  shareSum: string;
  shareSqSum: string;
  idDigest?: string | null;
}

/**
 * What differs between a stored tally row and its recomputation, one line each, naming the question and
 * level of each wrong count: "level_counts access_seats level 4: stored 7, expected 6".
 */
export function describeTallyDifference(
  stored: ComparedTally | null,
  expected: ComparedTally | null,
  questions: readonly TallyQuestion[],
): string[] {
  if (!stored && !expected) return [];
  if (!stored) return [`missing: ${expected!.respondents} responses are not counted`];
  if (!expected) return [`no responses behind this row (stored ${stored.respondents} respondents)`];
  const lines: string[] = [];
  for (const column of ['respondents', 'scored'] as const) {
    if (stored[column] !== expected[column]) lines.push(`${column}: stored ${stored[column]}, expected ${expected[column]}`);
  }
  const byOrdinal = new Map(questions.map((q) => [q.ordinal, q.questionId]));
  for (let i = 0; i < Math.max(stored.levelCounts.length, expected.levelCounts.length); i++) {
    const [s, e] = [stored.levelCounts[i], expected.levelCounts[i]];
    if ((s ?? 0) === (e ?? 0)) continue;
    const question = byOrdinal.get(Math.floor(i / 6) + 1);
    const where = question === undefined ? `slot ${i + 1}` : `${question} level ${LEVELS[i % 6]}`;
    lines.push(`level_counts ${where}: stored ${s ?? 'none'}, expected ${e ?? 'none'}`);
  }
  for (const column of ['shareSum', 'shareSqSum'] as const) {
    if (normalDecimal(stored[column]) !== normalDecimal(expected[column])) {
      lines.push(`${column === 'shareSum' ? 'share_sum' : 'share_sq_sum'}: stored ${stored[column]}, expected ${expected[column]}`);
    }
  }
  if ((stored.idDigest ?? null) !== (expected.idDigest ?? null)) {
    lines.push(`id_digest: stored ${stored.idDigest ?? 'none'}, expected ${expected.idDigest ?? 'none'}`);
  }
  return lines;
}

/** "50.0000" and "50" are the same numeric value; "-0" is 0. */
function normalDecimal(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * "12,-3,0" -> [12, -3, 0]. Text rather than an int[] (the drivers' array parsers cost more than the query),
 * read without making a string per number (a 1,000-unit report reads 44,000 numbers).
 */
export function parseIntegers(text: string): number[] {
  const numbers: number[] = [];
  if (text === '') return numbers;
  let value = 0;
  let sign = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */) {
      numbers.push(sign * value);
      value = 0;
      sign = 1;
    } else if (code === 45 /* - */) {
      sign = -1;
    } else {
      value = value * 10 + (code - 48);
    }
  }
  numbers.push(sign * value);
  return numbers;
}
