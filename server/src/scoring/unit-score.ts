/**
 * Scores of one unit under the scoring spec of a survey version (domain.md, "Formulas"), from stored
 * aggregates only, so that a report costs units × criteria, never respondents. Pure: no I/O, no clock.
 *
 * - Criterion share = satisfied ÷ valid × 100 (blank and not-applicable are not valid); 95 % Wilson interval.
 * - Component index = unweighted mean of its criterion shares that have valid answers; 95 % MOVER-Wilson
 *   interval treating the criteria as independent binomial samples (interval.ts).
 * - Overall, by the spec's method:
 *   - mean-of-components: mean of the component indices that exist, i.e. Σ wᵢ·pᵢ with wᵢ = 1/(K·kⱼ) for
 *     criterion i of component j (K components with data, kⱼ criteria with data in j); MOVER-Wilson on those weights;
 *   - pooled-items: Σ satisfied ÷ Σ valid over the distinct scored criteria; Wilson on the pooled counts.
 *     One respondent gives several answers, which are correlated, so the effective n is below the number of
 *     answers and this interval is too narrow (by √deff; at worst n_eff = respondents);
 *   - respondent-level: mean over respondents of their own share satisfied (over their valid scored answers);
 *     normal-approximation interval from the sums of shares and of squared shares.
 * - n: `validAnswers` counts valid answers (a respondent answering k criteria counts k times); `respondents`
 *   counts respondents with at least one valid scored answer, and is the n compared with minSampleToRank.
 */
import type { OverallMethod } from '@sipas/survey-definitions/schema';
import { meanInterval, moverWilsonInterval, wilsonInterval, type Interval, type WeightedTally } from './interval.ts';
import { checkTally, meanOfPresent, shareSatisfied, type Tally } from './satisfaction.ts';

/** The part of the survey definition's `Scoring` that scoring needs (a `Scoring` is one). */
export interface ScoringSpec {
  components: ReadonlyArray<{ id: string; criteria: readonly string[] }>;
  overallMethod: OverallMethod;
  minSampleToRank: number;
}

/**
 * Sums over the respondents with at least one valid scored answer of yᵣ = 100 × their satisfied ÷ valid
 * scored answers (percent, like every share here): count, Σ yᵣ and Σ yᵣ². The `scored`, `share_sum` and
 * `share_sq_sum` of response_tallies (migration 0005), or a count(*), sum(y), sum(y * y) over a per-respondent subquery.
 */
export interface RespondentShareSums {
  respondents: number;
  sumOfShares: number;
  sumOfSquaredShares: number;
}

export interface UnitTallies {
  /** Per criterion id; a criterion absent from the map has no valid answer. */
  criteria: ReadonlyMap<string, Tally>;
  /**
   * Respondents with at least one valid answer to a scored criterion. Not checked against the criteria's
   * valid counts: aggregates read in separate queries may be a few responses apart.
   */
  respondents: number;
  /** Required by the respondent-level method (its `respondents` must equal the one above); ignored otherwise. */
  respondentShares?: RespondentShareSums | undefined;
}

export interface CriterionScore extends Tally {
  id: string;
  share: number | null;
  interval: Interval | null;
}

export interface ComponentScore {
  id: string;
  share: number | null;
  interval: Interval | null;
  validAnswers: number;
  criteria: CriterionScore[];
}

export type IntervalMethod = 'wilson' | 'mover-wilson' | 'normal-mean';

export interface OverallScore {
  method: OverallMethod;
  share: number | null;
  interval: Interval | null;
  /** How `interval` was computed, so that a report can name it in a footnote. */
  intervalMethod: IntervalMethod;
  respondents: number;
  validAnswers: number;
  minSampleToRank: number;
  /** respondents < minSampleToRank: show, but do not rank. */
  belowMinimum: boolean;
}

export interface UnitScore {
  components: ComponentScore[];
  overall: OverallScore;
}

export function scoreUnit(spec: ScoringSpec, tallies: UnitTallies): UnitScore {
  checkRespondents(spec, tallies);
  const components = spec.components.map((component) => scoreComponent(component, tallies.criteria));
  const distinct = new Map<string, Tally>(components.flatMap((c) => c.criteria).map((c) => [c.id, c]));
  const shares = components.map((c) => ({ share: c.share, withData: c.criteria.filter((criterion) => criterion.valid > 0) }));
  return { components, overall: overallScore(spec, tallies, shares, distinct) };
}

/**
 * The overall index alone, with the same numbers as scoreUnit's `overall` (the same code computes both), but
 * without the criteria's and components' own intervals: what a ranking of a thousand units needs.
 */
export function scoreOverall(spec: ScoringSpec, tallies: UnitTallies): OverallScore {
  checkRespondents(spec, tallies);
  const { shares, distinct } = componentShares(spec, tallies);
  return overallScore(spec, tallies, shares, distinct);
}

/** What ranks a unit: the overall share, n and whether n is below the minimum. */
export type RankingFigures = Pick<OverallScore, 'share' | 'respondents' | 'belowMinimum'>;

/**
 * The overall share alone, without any interval: what a ranking needs of the previous period (its ranks and
 * point changes). The same share as scoreOverall's and scoreUnit's (the same code computes it).
 */
export function scoreOverallShare(spec: ScoringSpec, tallies: UnitTallies): RankingFigures {
  checkRespondents(spec, tallies);
  const { shares, distinct } = componentShares(spec, tallies);
  return {
    share: overallShareValue(spec.overallMethod, shares, distinct, tallies.respondentShares),
    respondents: tallies.respondents,
    belowMinimum: tallies.respondents < spec.minSampleToRank,
  };
}

function componentShares(spec: ScoringSpec, tallies: UnitTallies) {
  const distinct = new Map<string, Tally>();
  const shares = spec.components.map((component): ComponentShare => {
    const withData: CriterionTally[] = [];
    for (const id of component.criteria) {
      const tally = tallies.criteria.get(id) ?? NO_ANSWERS;
      checkTally(id, tally);
      distinct.set(id, tally);
      if (tally.valid > 0) withData.push({ id, satisfied: tally.satisfied, valid: tally.valid });
    }
    return { share: meanOfPresent(withData.map(shareSatisfied)), withData };
  });
  return { shares, distinct };
}

const NO_ANSWERS: Tally = { satisfied: 0, valid: 0 };

interface CriterionTally extends Tally {
  id: string;
}

/** A component's index and the criteria behind it that have valid answers, in the spec's order. */
interface ComponentShare {
  share: number | null;
  withData: readonly CriterionTally[];
}

function overallScore(
  spec: ScoringSpec,
  tallies: UnitTallies,
  components: readonly ComponentShare[],
  distinct: ReadonlyMap<string, Tally>,
): OverallScore {
  let validAnswers = 0;
  for (const tally of distinct.values()) validAnswers += tally.valid;
  return {
    ...overallShare(spec.overallMethod, components, distinct, tallies.respondentShares),
    method: spec.overallMethod,
    respondents: tallies.respondents,
    validAnswers,
    minSampleToRank: spec.minSampleToRank,
    belowMinimum: tallies.respondents < spec.minSampleToRank,
  };
}

/** Sums for respondent-level scoring from each respondent's own share (percent 0–100); for tests and small sets. */
export function sumRespondentShares(shares: readonly number[]): RespondentShareSums {
  return {
    respondents: shares.length,
    sumOfShares: shares.reduce((sum, y) => sum + y, 0),
    sumOfSquaredShares: shares.reduce((sum, y) => sum + y * y, 0),
  };
}

function scoreComponent(component: ScoringSpec['components'][number], tallies: ReadonlyMap<string, Tally>): ComponentScore {
  const criteria = component.criteria.map((id): CriterionScore => {
    const tally = tallies.get(id) ?? NO_ANSWERS;
    checkTally(id, tally);
    return { id, satisfied: tally.satisfied, valid: tally.valid, share: shareSatisfied(tally), interval: wilsonInterval(tally) };
  });
  const withData = criteria.filter((c) => c.valid > 0);
  return {
    id: component.id,
    share: meanOfPresent(criteria.map((c) => c.share)),
    interval: moverWilsonInterval(withData.map((tally) => ({ weight: 1 / withData.length, tally }))),
    validAnswers: criteria.reduce((sum, c) => sum + c.valid, 0),
    criteria,
  };
}

/** The overall share by the method, as overallShare computes it, without its interval. */
function overallShareValue(
  method: OverallMethod,
  components: readonly ComponentShare[],
  distinct: ReadonlyMap<string, Tally>,
  sums: RespondentShareSums | undefined,
): number | null {
  switch (method) {
    case 'mean-of-components':
      return meanOfPresent(components.map((c) => c.share));
    case 'pooled-items':
      return shareSatisfied(pooledTally(distinct));
    case 'respondent-level': {
      const { respondents, sumOfShares } = sums!; // checked in checkRespondents
      return respondents === 0 ? null : sumOfShares / respondents;
    }
  }
}

function pooledTally(distinct: ReadonlyMap<string, Tally>): Tally {
  return [...distinct.values()].reduce((sum, c) => ({ satisfied: sum.satisfied + c.satisfied, valid: sum.valid + c.valid }), { satisfied: 0, valid: 0 });
}

function overallShare(
  method: OverallMethod,
  components: readonly ComponentShare[],
  distinct: ReadonlyMap<string, Tally>,
  sums: RespondentShareSums | undefined,
): Pick<OverallScore, 'share' | 'interval' | 'intervalMethod'> {
  const share = overallShareValue(method, components, distinct, sums);
  switch (method) {
    case 'mean-of-components': {
      const scored = components.filter((c) => c.share !== null);
      // A criterion listed in two components carries both weights; MOVER needs one term per independent tally.
      const weights = new Map<string, WeightedTally>();
      for (const { withData } of scored) {
        for (const criterion of withData) {
          const weight = 1 / (scored.length * withData.length) + (weights.get(criterion.id)?.weight ?? 0);
          weights.set(criterion.id, { weight, tally: criterion });
        }
      }
      return { share, interval: moverWilsonInterval([...weights.values()]), intervalMethod: 'mover-wilson' };
    }
    case 'pooled-items':
      return { share, interval: wilsonInterval(pooledTally(distinct)), intervalMethod: 'wilson' };
    case 'respondent-level': {
      const { respondents, sumOfShares, sumOfSquaredShares } = sums!; // checked in checkRespondents
      return { share, interval: meanInterval(respondents, sumOfShares, sumOfSquaredShares), intervalMethod: 'normal-mean' };
    }
  }
}

function checkRespondents(spec: ScoringSpec, { respondents, respondentShares: sums }: UnitTallies): void {
  if (!Number.isInteger(respondents) || respondents < 0) {
    throw new RangeError(`respondents must be a whole number, got ${respondents}`);
  }
  if (spec.overallMethod !== 'respondent-level') return;
  if (!sums) throw new RangeError('The respondent-level method needs respondentShares');
  if (sums.respondents !== respondents) {
    throw new RangeError(`respondentShares counts ${sums.respondents} respondents, the tallies ${respondents}`);
  }
  // Each share is in [0, 100], so 0 ≤ Σy ≤ 100·n and 0 ≤ Σy² ≤ 100·Σy (with room for rounding in the sums).
  const slack = 1e-6 * Math.max(1, respondents);
  const { sumOfShares, sumOfSquaredShares } = sums;
  const inRange = (value: number, max: number) => value >= 0 && value <= max + slack;
  if (!inRange(sumOfShares, 100 * respondents) || !inRange(sumOfSquaredShares, 100 * sumOfShares)) {
    throw new RangeError('respondentShares must be sums of shares in percent (0–100) and of their squares');
  }
}
