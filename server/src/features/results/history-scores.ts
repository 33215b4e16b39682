/**
 * Many units scored over one or more periods in one read of the tallies, each on its subtree, with the history
 * of the 2025 mergers: a unit that began inside a period has the days before it existed re-aggregated from its
 * predecessors (history.ts, as GET /api/results reads a unit) and is flagged `derived`. Rankings, the analysis
 * report and the scores export read units this way, so the same unit and period show the same figure
 * everywhere.
 */
import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { Database } from '../../db/database.ts';
import type { UnitTallies } from '../../scoring/unit-score.ts';
import type { TallyGroup } from '../aggregates/aggregates.queries.ts';
import { addCriterionSums, readGroupSums, sumsScorer } from '../aggregates/aggregates.service.ts';
import type { DateRange } from '../aggregates/period-slices.ts';
import { combineDigests, fingerprint } from './fingerprint.ts';
import { planSources, type LineageUnit, type Predecessor } from './history.ts';
import { listPredecessors, listPredecessorsOf } from './results.queries.ts';

export interface HistoryScore<S> {
  /** Responses counted (the unit's subtree, and its predecessors' before it existed). */
  respondents: number;
  /** Responses of the unit's predecessors count (days of the period before the unit existed). */
  derived: boolean;
  score: S;
}

/** One period: a score per unit (in the order given), and the fingerprint line of some of them. */
export interface PeriodScores<S> {
  units: Array<HistoryScore<S>>;
  /** The fingerprint of the figures of these units (by index), each response counted once. */
  fingerprintOf: (indices: readonly number[]) => string;
}

type Scorer<S> = (spec: SurveyDefinition['scoring'], tallies: UnitTallies) => S;

/**
 * The predecessors of the units that began after `from` (read together), and of theirs when asked (rare:
 * a chain of mergers), each read once per call.
 */
async function lineageLookup(db: Kysely<Database>, units: readonly LineageUnit[], from: string) {
  const known = await listPredecessorsOf(db, units.filter((unit) => unit.validFrom > from).map((unit) => unit.id));
  const asked = new Set(units.map((unit) => unit.id));
  return async (unitId: number): Promise<Predecessor[]> => {
    if (!asked.has(unitId)) {
      asked.add(unitId);
      known.set(unitId, await listPredecessors(db, unitId));
    }
    return known.get(unitId) ?? [];
  };
}

/**
 * Each (unit, range) read is one tally group, so a split predecessor counting toward two successors is read
 * once, and counted once in a fingerprint. The units of one plan are distinct peers (a unit and its
 * predecessors), whose subtrees do not overlap, so their sums add up.
 */
export async function scoreUnitsWithHistory<S>(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  units: readonly LineageUnit[],
  periods: readonly DateRange[],
  scorer: Scorer<S>,
): Promise<Array<PeriodScores<S>>> {
  if (units.length === 0) return periods.map(() => ({ units: [], fingerprintOf: () => fingerprint(definition, 0, combineDigests([])).text }));
  const predecessorsOf = await lineageLookup(db, units, periods.map((p) => p.from).reduce((a, b) => (a < b ? a : b)));
  // Per period: its tally groups, and per unit the groups it adds up and those read from its predecessors.
  const plans: Array<{ groups: TallyGroup[]; units: Array<{ keys: number[]; derivedKeys: number[] }> }> = [];
  for (const period of periods) {
    const groups: TallyGroup[] = [];
    const keys = new Map<string, number>();
    const groupOf = (unitId: number, range: DateRange) => {
      const id = `${unitId}|${range.from}|${range.to}`;
      if (!keys.has(id)) {
        keys.set(id, groups.length);
        groups.push({ key: groups.length, unitIds: [unitId], range });
      }
      return keys.get(id)!;
    };
    const planned = [];
    for (const unit of units) {
      if (unit.validFrom <= period.from) {
        planned.push({ keys: [groupOf(unit.id, period)], derivedKeys: [] }); // existed all along: nothing to plan
        continue;
      }
      const { parts } = await planSources(unit, period, predecessorsOf);
      const keysOf = (part: (typeof parts)[number]) => part.unitIds.map((id) => groupOf(id, part.range));
      planned.push({ keys: parts.flatMap(keysOf), derivedKeys: parts.filter((part) => part.derived).flatMap(keysOf) });
    }
    plans.push({ groups, units: planned });
  }
  // One query per period, run side by side: the database uses more than one core.
  const read = await Promise.all(plans.map(({ groups }) => readGroupSums(db, definition, groups, { subtree: true })));
  const score = sumsScorer(definition, scorer);

  return plans.map(({ groups, units: planned }, p) => {
    const sums = read[p]!;
    return {
      units: planned.map(({ keys: unitKeys, derivedKeys }) => {
        const total = unitKeys.map((key) => sums.get(key)!).reduce(addCriterionSums);
        // Flagged only when the predecessors' responses count: a unit formed mid-period without them reads as itself.
        const derived = derivedKeys.some((key) => sums.get(key)!.respondents > 0);
        return { respondents: total.respondents, derived, score: score(total) };
      }),
      fingerprintOf: (indices) => {
        // A source unit read over several ranges of the period (they all start on its first day): its longest.
        const longest = new Map<number, TallyGroup>();
        for (const key of indices.flatMap((i) => planned[i]!.keys)) {
          const group = groups[key]!;
          const unitId = group.unitIds[0]!;
          if ((longest.get(unitId)?.range.to ?? '') < group.range.to) longest.set(unitId, group);
        }
        const counted = [...longest.values()].map((group) => sums.get(group.key)!);
        const responses = counted.reduce((sum, s) => sum + s.respondents, 0);
        return fingerprint(definition, responses, combineDigests(counted.map((s) => s.digest))).text;
      },
    };
  });
}
