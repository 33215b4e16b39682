/** The ids of the `count` criteria with the lowest share (ties broken by id, so the choice is stable); no data is skipped. */
export function weakestCriteria(criteria: ReadonlyArray<{ id: string; share: number | null }>, count = 3): Set<string> {
  const scored = criteria.filter((c): c is { id: string; share: number } => c.share !== null);
  scored.sort((a, b) => a.share - b.share || a.id.localeCompare(b.id));
  return new Set(scored.slice(0, count).map((c) => c.id));
}
