import type { RankedEntry } from '@sipas/server/api/rankings';
import { describe, expect, it } from 'vitest';
import { nextSort, sortRanked } from './sub-unit-sort.ts';

function entry(code: string, nameVi: string, rank: number, share: number, n: number, rankChange: number | null, pointChange: number | null): RankedEntry {
  return {
    unit: { id: Number(code), code, nameVi, nameEn: null, fullNameVi: nameVi, type: 'xã', level: 'commune', groupTags: [] },
    share,
    n,
    respondents: n,
    interval: null,
    derived: false,
    rank,
    of: 3,
    previousRank: null,
    previousOf: null,
    rankChange,
    pointChange,
    previousDerived: false,
    groupRanks: [],
  };
}

const entries = [entry('1', 'Phường Ninh Kiều', 1, 90, 40, -1, 1.5), entry('2', 'Xã An Bình', 2, 85, 120, 2, null), entry('3', 'Phường Cái Khế', 3, 80, 60, null, -2)];
const codes = (list: RankedEntry[]) => list.map((e) => e.unit.code);

describe('sortRanked', () => {
  it.each([
    [{ column: 'rank', direction: 'ascending' }, ['1', '2', '3']],
    [{ column: 'rank', direction: 'descending' }, ['3', '2', '1']],
    [{ column: 'name', direction: 'ascending' }, ['3', '1', '2']], // Cái Khế, Ninh Kiều, An Bình: "Phường" < "Xã"
    [{ column: 'n', direction: 'descending' }, ['2', '3', '1']],
    [{ column: 'share', direction: 'ascending' }, ['3', '2', '1']],
    // Units without a change come last in both directions.
    [{ column: 'rankChange', direction: 'descending' }, ['2', '1', '3']],
    [{ column: 'rankChange', direction: 'ascending' }, ['1', '2', '3']],
    [{ column: 'pointChange', direction: 'ascending' }, ['3', '1', '2']],
  ] as const)('%j', (sort, expected) => {
    expect(codes(sortRanked(entries, sort))).toEqual(expected);
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column, starts figures largest first', () => {
    expect(nextSort({ column: 'rank', direction: 'ascending' }, 'rank')).toEqual({ column: 'rank', direction: 'descending' });
    expect(nextSort({ column: 'rank', direction: 'ascending' }, 'share')).toEqual({ column: 'share', direction: 'descending' });
    expect(nextSort({ column: 'share', direction: 'descending' }, 'name')).toEqual({ column: 'name', direction: 'ascending' });
  });
});
