/**
 * A ranking as the API answers it, from the scores of a universe of units in two periods: competition ranks
 * (scoring/ranking.ts), the movement against the previous period, and a rank within each group the units are
 * tagged with. Pure.
 */
import type { GroupRank, RankedEntry, RankedUnitInfo, UnrankedEntry } from '../../api/rankings.schemas.ts';
import { compareRankings, rankUnits, type RankCandidate } from '../../scoring/ranking.ts';
import type { RankingFigures, UnitScore } from '../../scoring/unit-score.ts';

/** What ranks a unit in a period: the previous period needs no more (scoreOverallShare). */
export interface RankableUnit {
  unit: RankedUnitInfo;
  /** Responses stored in the unit's subtree in the period. */
  respondents: number;
  /** The predecessors' responses count (days before the unit existed). */
  derived: boolean;
  score: { overall: RankingFigures };
}

/** The current period's units, shown with their interval (rankings score them with scoreOverall). */
export interface ScoredUnit extends RankableUnit {
  score: Pick<UnitScore, 'overall'>;
}

interface Candidate<T extends RankableUnit> extends RankCandidate {
  scored: T;
}

const candidate = <T extends RankableUnit>(scored: T): Candidate<T> => ({
  id: String(scored.unit.id),
  share: scored.score.overall.share,
  belowMinimum: scored.score.overall.belowMinimum,
  scored,
});

const figures = ({ respondents, score, derived }: ScoredUnit) => ({
  share: score.overall.share,
  n: score.overall.respondents,
  respondents,
  interval: score.overall.interval,
  derived,
});

/**
 * The groups a unit is ranked within: each of its tags (`region:…`), and its level when the universe mixes
 * levels (departments beside communes under a province), named `level:<level>`.
 */
function groupsOf(unit: RankedUnitInfo, mixedLevels: boolean): string[] {
  return mixedLevels ? [...unit.groupTags, `level:${unit.level}`] : unit.groupTags;
}

export interface RankingTable {
  ranked: RankedEntry[];
  unranked: UnrankedEntry[];
  /** Same set of units in both periods: only then are ranks compared. */
  ranksComparable: boolean;
}

/** `previous`: the same universe's units scored over the previous period. */
export function buildRankingTable(current: readonly ScoredUnit[], previous: readonly RankableUnit[]): RankingTable {
  const now = rankUnits(current.map(candidate));
  const then = rankUnits(previous.map(candidate));
  const ids = (units: readonly RankableUnit[]) => units.map((u) => u.unit.id).sort((a, b) => a - b).join(',');
  const ranksComparable = current.length > 0 && ids(current) === ids(previous);
  const movements = compareRankings(now, then, { ranks: ranksComparable, shares: true });

  const derivedBefore = new Set(previous.filter((u) => u.derived).map((u) => u.unit.id));
  const mixedLevels = new Set(current.map((u) => u.unit.level)).size > 1;
  const members = new Map<string, Array<Candidate<ScoredUnit>>>();
  for (const { unit } of now.ranked) {
    for (const group of groupsOf(unit.scored.unit, mixedLevels)) members.set(group, [...(members.get(group) ?? []), unit]);
  }
  const groupRanks = new Map<string, GroupRank[]>();
  for (const [group, units] of members) {
    for (const { unit, rank, of } of rankUnits(units).ranked) {
      groupRanks.set(unit.id, [...(groupRanks.get(unit.id) ?? []), { group, rank, of }]);
    }
  }

  return {
    ranked: movements.map((m) => ({
      unit: m.unit.scored.unit,
      ...figures(m.unit.scored),
      share: m.unit.share!,
      rank: m.rank,
      of: m.of,
      previousRank: m.previousRank,
      previousOf: m.previousOf,
      rankChange: m.rankChange,
      pointChange: m.pointChange,
      previousDerived: derivedBefore.has(m.unit.scored.unit.id),
      // In the order of the unit's own groups, whatever order the groups were ranked in.
      groupRanks: groupsOf(m.unit.scored.unit, mixedLevels).flatMap((group) => groupRanks.get(m.unit.id)?.filter((g) => g.group === group) ?? []),
    })),
    unranked: now.unranked.map(({ unit, reason }) => ({ unit: unit.scored.unit, reason, ...figures(unit.scored) })),
    ranksComparable,
  };
}
