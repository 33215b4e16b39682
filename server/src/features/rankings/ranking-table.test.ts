import { describe, expect, it } from 'vitest';
import { scoreUnit } from '../../scoring/unit-score.ts';
import { buildRankingTable, type ScoredUnit } from './ranking-table.ts';

const spec = { components: [{ id: 'c', criteria: ['q'] }], overallMethod: 'pooled-items' as const, minSampleToRank: 30 };

/** A unit whose share is satisfied/valid of one criterion, with `valid` respondents. */
function unit(id: number, level: string, tags: string[], satisfied: number, valid: number): ScoredUnit {
  return {
    unit: { id, code: `U${id}`, nameVi: `U${id}`, nameEn: null, fullNameVi: `U${id}`, type: level, level, groupTags: tags },
    respondents: valid,
    derived: false,
    score: scoreUnit(spec, { criteria: new Map([['q', { satisfied, valid }]]), respondents: valid }),
  };
}

describe('buildRankingTable', () => {
  it('ranks departments and communes together, and each within its level and its tags, in the unit’s own order', () => {
    const units = [
      unit(1, 'department', ['kind:sở'], 36, 40), // 90
      unit(2, 'commune', ['region:A'], 34, 40), // 85
      unit(3, 'commune', ['region:A'], 38, 40), // 95
      unit(4, 'department', [], 10, 10), // below the minimum
    ];
    const table = buildRankingTable(units, units);
    expect(table.ranked.map((r) => [r.unit.id, r.rank, r.of, r.groupRanks])).toEqual([
      [3, 1, 3, [{ group: 'region:A', rank: 1, of: 2 }, { group: 'level:commune', rank: 1, of: 2 }]],
      [1, 2, 3, [{ group: 'kind:sở', rank: 1, of: 1 }, { group: 'level:department', rank: 1, of: 1 }]],
      [2, 3, 3, [{ group: 'region:A', rank: 2, of: 2 }, { group: 'level:commune', rank: 2, of: 2 }]],
    ]);
    expect(table.unranked.map((u) => [u.unit.id, u.reason])).toEqual([[4, 'below-minimum']]);
    expect(table.ranksComparable).toBe(true);
    expect(table.ranked.map((r) => [r.rankChange, r.pointChange])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('compares points but not ranks when the units differ between the periods (63 provinces against 34)', () => {
    const now = [unit(1, 'province', [], 36, 40), unit(2, 'province', [], 34, 40)];
    const before = [unit(1, 'province', [], 32, 40), unit(2, 'province', [], 38, 40), unit(9, 'province', [], 39, 40)];
    const table = buildRankingTable(now, before);
    expect(table.ranksComparable).toBe(false);
    expect(table.ranked.map((r) => [r.unit.id, r.rank, r.previousRank, r.previousOf, r.rankChange, r.pointChange])).toEqual([
      [1, 1, 3, 3, null, 10],
      [2, 2, 2, 3, null, -10],
    ]);
  });

  it('has nothing to compare in an empty universe', () => {
    expect(buildRankingTable([], [])).toEqual({ ranked: [], unranked: [], ranksComparable: false });
  });
});
