import type { RankedEntry } from '@sipas/server/api/rankings';

export type SortColumn = 'rank' | 'name' | 'share' | 'n' | 'rankChange' | 'pointChange';
export type Sort = { column: SortColumn; direction: 'ascending' | 'descending' };

/** Missing changes (not ranked last period) sort after every number, whatever the direction. */
function compareNullable(a: number | null, b: number | null): number | null {
  if (a === null && b === null) return 0;
  if (a === null || b === null) return null;
  return a - b;
}

/** Sorted copy; ties keep rank order. */
export function sortRanked(entries: readonly RankedEntry[], sort: Sort): RankedEntry[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...entries].sort((a, b) => {
    let result: number | null;
    switch (sort.column) {
      case 'rank':
        result = a.rank - b.rank;
        break;
      case 'name':
        result = a.unit.nameVi.localeCompare(b.unit.nameVi, 'vi');
        break;
      case 'share':
        result = a.share - b.share;
        break;
      case 'n':
        result = a.n - b.n;
        break;
      case 'rankChange':
        result = compareNullable(a.rankChange, b.rankChange);
        if (result === null) return a.rankChange === null ? 1 : -1;
        break;
      case 'pointChange':
        result = compareNullable(a.pointChange, b.pointChange);
        if (result === null) return a.pointChange === null ? 1 : -1;
        break;
    }
    return result * sign || a.rank - b.rank || a.unit.code.localeCompare(b.unit.code, 'en', { numeric: true });
  });
}

/** A new column starts in its natural order: ranks and names ascending, figures largest first. */
export function nextSort(previous: Sort, column: SortColumn): Sort {
  if (previous.column === column) return { column, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'rank' || column === 'name' ? 'ascending' : 'descending' };
}
