/**
 * Rankings of units by share satisfied (domain.md, "Formulas"): rank 1 = highest; competition ranking, so ties
 * share a rank and the next rank skips (90, 85, 85, 80 -> 1, 2, 2, 4); rank change = previous − current rank
 * (+6 = "tăng 6 bậc"). Units below the minimum sample, or without a score, are listed apart and not ranked.
 * Pure: no I/O, no clock.
 */

/** What ranking needs of a unit; callers pass richer objects (names, region) and get them back. */
export interface RankCandidate {
  /** Identifies the same unit in both periods when comparing: a stable id, not a (reused) unit code. */
  id: string;
  /** Share satisfied in percent, unrounded; null without valid answers. */
  share: number | null;
  belowMinimum: boolean;
}

export interface RankedUnit<T extends RankCandidate> {
  unit: T;
  rank: number;
  /** Units ranked in the same ranking: the 63 of "48/63". Unranked units are not counted. */
  of: number;
}

export type UnrankedReason = 'below-minimum' | 'no-score';

export interface Ranking<T extends RankCandidate> {
  /** By rank; ties keep the order the caller gave (e.g. by name). */
  ranked: Array<RankedUnit<T>>;
  /** In the order the caller gave. */
  unranked: Array<{ unit: T; reason: UnrankedReason }>;
}

/**
 * The figure that is published, and so compared: the share rounded to 2 decimals, half up, as toFixed and
 * vi-VN formatting round it. Two units printed "85,54%" therefore tie, whatever their unrounded shares.
 */
export function publishedShare(share: number): number {
  const rounded = Number(share.toFixed(2));
  return rounded === 0 ? 0 : rounded; // no "-0"
}

export function rankUnits<T extends RankCandidate>(units: readonly T[]): Ranking<T> {
  const ids = new Set<string>();
  for (const unit of units) {
    if (ids.has(unit.id)) throw new RangeError(`Unit ${unit.id} appears twice in one ranking`);
    ids.add(unit.id);
  }
  const unranked: Ranking<T>['unranked'] = [];
  const rankable: Array<{ unit: T; published: number }> = [];
  for (const unit of units) {
    if (unit.share === null) unranked.push({ unit, reason: 'no-score' });
    else if (unit.belowMinimum) unranked.push({ unit, reason: 'below-minimum' });
    else rankable.push({ unit, published: publishedShare(unit.share) });
  }
  rankable.sort((a, b) => b.published - a.published); // stable: ties keep the caller's order
  const ranked = rankable.map(({ unit }) => ({ unit, rank: 0, of: rankable.length }));
  rankable.forEach(({ published }, index) => {
    const tiesPrevious = index > 0 && published === rankable[index - 1]!.published;
    ranked[index]!.rank = tiesPrevious ? ranked[index - 1]!.rank : index + 1;
  });
  return { ranked, unranked };
}

/** One ranking per group (region, unit type…), groups in order of first appearance: "thứ 1/6 trong vùng". */
export function rankWithinGroups<T extends RankCandidate>(
  units: readonly T[],
  groupOf: (unit: T) => string,
): Map<string, Ranking<T>> {
  const groups = new Map<string, T[]>();
  for (const unit of units) {
    const key = groupOf(unit);
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  return new Map([...groups].map(([key, members]) => [key, rankUnits(members)]));
}

/** What the caller knows about the two periods; neither can be inferred from the numbers. */
export interface Comparability {
  /** Same universe of units (not 63 provinces against 34, not departments against communes). */
  ranks: boolean;
  /** Same or a compatible survey version (the 2022 redesign breaks the series). */
  shares: boolean;
}

export interface RankMovement<T extends RankCandidate> extends RankedUnit<T> {
  /** Rank in the previous period, "11/63"; null when the unit was not ranked then. */
  previousRank: number | null;
  previousOf: number | null;
  /** previousRank − rank: +6 = up 6 places. Null when not ranked then, or when ranks are not comparable. */
  rankChange: number | null;
  /**
   * Published share now − published share then, rounded to 2 decimals, so that it matches the difference of
   * the printed figures. Null when not ranked then (below the minimum or no score), or shares not comparable.
   */
  pointChange: number | null;
}

/** Movement of each unit ranked now against the previous period's ranking, matched by id. */
export function compareRankings<T extends RankCandidate, P extends RankCandidate>(
  current: Ranking<T>,
  previous: Ranking<P>,
  comparable: Comparability,
): Array<RankMovement<T>> {
  const before = new Map(previous.ranked.map((entry) => [entry.unit.id, entry]));
  return current.ranked.map((entry) => {
    const then = before.get(entry.unit.id);
    return {
      ...entry,
      previousRank: then?.rank ?? null,
      previousOf: then?.of ?? null,
      rankChange: then && comparable.ranks ? then.rank - entry.rank : null,
      pointChange:
        then && comparable.shares ? publishedShare(publishedShare(entry.unit.share!) - publishedShare(then.unit.share!)) : null,
    };
  });
}
