import type { Answers, Scoring } from '@sipas/survey-definitions/schema';
import type { Tally } from '../../scoring/satisfaction.ts';
import { scoreUnit, type UnitScore } from '../../scoring/unit-score.ts';

/** The group a response counts in: its unit, or (with a units file) also each unit above it. */
export interface ScoredUnitKey {
  key: string;
  unitCode: string;
}

/** Running tallies of one unit, as the database keeps them (migration 0005), from raw answers. */
interface UnitAccumulator {
  unitCode: string;
  ids: string[];
  criteria: Map<string, Tally>;
  scored: number;
  /** Σ of respondent shares in units of 1e-10 percent, and Σ of their squares in 1e-20: exact, like numeric. */
  shareSum: bigint;
  shareSqSum: bigint;
}

export interface OfflineUnitScore {
  key: string;
  unitCode: string;
  /** Ids of the responses counted (for the fingerprint). */
  responseIds: string[];
  score: UnitScore;
}

const SHARE_SCALE = 10n ** 10n;

/**
 * A respondent's share satisfied in 1e-10 percent: round(100 × satisfied ÷ valid, 10), halves away from zero,
 * exactly as PostgreSQL's numeric round in the tallies, so that sums match the database to the last digit.
 */
function scaledShare(satisfied: number, valid: number): bigint {
  const numerator = 2n * 100n * BigInt(satisfied) * SHARE_SCALE + BigInt(valid);
  return numerator / (2n * BigInt(valid));
}

/** "123" in units of 10^-digits as a decimal string, parsed to the nearest double (as numeric::float8 does). */
function scaledToNumber(value: bigint, digits: number): number {
  const text = value.toString().padStart(digits + 1, '0');
  return Number(`${text.slice(0, -digits)}.${text.slice(-digits)}`);
}

/**
 * Pure: scores per unit from valid responses, with the engine the API uses (scoreUnit) fed the same counts
 * the aggregates hold: per criterion, answers at a satisfied level and at levels 1–5 ("na" and blanks are not
 * valid); respondents with a valid scored answer; and the sums of their own shares. `groupsOf` says which
 * units a response counts in. Units come out in the order first met; the caller sorts.
 */
export function scoreResponses(
  scoring: Scoring,
  responses: ReadonlyArray<{ id: string; answers: Answers }>,
  groupsOf: (index: number) => ScoredUnitKey[],
): OfflineUnitScore[] {
  const criteria = [...new Set(scoring.components.flatMap((c) => c.criteria))];
  const satisfiedLevels = new Set<unknown>(scoring.satisfiedLevels);
  const units = new Map<string, UnitAccumulator>();

  responses.forEach((response, index) => {
    let satisfied = 0;
    let valid = 0;
    const answered: Array<[string, boolean]> = [];
    for (const id of criteria) {
      const value = response.answers[id];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) continue;
      const isSatisfied = satisfiedLevels.has(value);
      answered.push([id, isSatisfied]);
      valid++;
      if (isSatisfied) satisfied++;
    }
    const share = valid === 0 ? null : scaledShare(satisfied, valid);
    for (const group of groupsOf(index)) {
      let unit = units.get(group.key);
      if (!unit) {
        unit = { unitCode: group.unitCode, ids: [], criteria: new Map(), scored: 0, shareSum: 0n, shareSqSum: 0n };
        units.set(group.key, unit);
      }
      unit.ids.push(response.id);
      for (const [id, isSatisfied] of answered) {
        const tally = unit.criteria.get(id) ?? { satisfied: 0, valid: 0 };
        unit.criteria.set(id, { satisfied: tally.satisfied + (isSatisfied ? 1 : 0), valid: tally.valid + 1 });
      }
      if (share !== null) {
        unit.scored++;
        unit.shareSum += share;
        unit.shareSqSum += share * share;
      }
    }
  });

  return [...units.entries()].map(([key, unit]) => ({
    key,
    unitCode: unit.unitCode,
    responseIds: unit.ids,
    score: scoreUnit(scoring, {
      criteria: unit.criteria,
      respondents: unit.scored,
      respondentShares: {
        respondents: unit.scored,
        sumOfShares: scaledToNumber(unit.shareSum, 10),
        sumOfSquaredShares: scaledToNumber(unit.shareSqSum, 20),
      },
    }),
  }));
}
