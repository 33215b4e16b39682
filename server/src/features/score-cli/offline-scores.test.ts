import type { Answers, Scoring } from '@sipas/survey-definitions/schema';
import { describe, expect, it } from 'vitest';
import { scoreResponses } from './offline-scores.ts';
import { ancestorsOf, buildHierarchy } from './unit-hierarchy.ts';
import type { UnitImportRow } from '../units/units.csv.ts';

const scoring = (overallMethod: Scoring['overallMethod']): Scoring => ({
  satisfiedLevels: [4, 5],
  components: [
    { id: 'a', label: { vi: 'A' }, criteria: ['a1', 'a2'] },
    { id: 'b', label: { vi: 'B' }, criteria: ['b1'] },
  ],
  overallMethod,
  minSampleToRank: 3,
  provenance: { source: 'test' },
});

// Three respondents: r1 all satisfied; r2 a1=2, a2 n/a, b1=4 (1 of 2); r3 a1=3, b1=1 (0 of 2), a2 blank.
const RESPONSES: Array<{ id: string; answers: Answers }> = [
  { id: 'r1', answers: { a1: 5, a2: 4, b1: 5 } },
  { id: 'r2', answers: { a1: 2, a2: 'na', b1: 4 } },
  { id: 'r3', answers: { a1: 3, b1: 1 } },
];
const oneUnit = () => [{ key: 'u', unitCode: 'u' }];

describe('scoreResponses', () => {
  it('tallies satisfied and valid answers per criterion, "na" and blanks excluded', () => {
    const [unit] = scoreResponses(scoring('mean-of-components'), RESPONSES, oneUnit);
    const criteria = unit!.score.components.flatMap((c) => c.criteria.map((k) => [k.id, k.satisfied, k.valid]));
    expect(criteria).toEqual([
      ['a1', 1, 3],
      ['a2', 1, 1],
      ['b1', 2, 3],
    ]);
    expect(unit!.responseIds).toEqual(['r1', 'r2', 'r3']);
    // a = (33.33… + 100) / 2 = 66.67; b = 66.67; mean of components = 66.67.
    expect(unit!.score.overall.share).toBeCloseTo(66.6667, 4);
    expect(unit!.score.overall).toMatchObject({ respondents: 3, validAnswers: 7, belowMinimum: false });
  });

  it('pooled-items: 4 satisfied of 7 valid answers', () => {
    const [unit] = scoreResponses(scoring('pooled-items'), RESPONSES, oneUnit);
    expect(unit!.score.overall.share).toBeCloseTo((100 * 4) / 7, 10);
  });

  it('respondent-level: mean of 100, 50 and 0 (each share rounded to 10 decimals as the tallies do)', () => {
    const [unit] = scoreResponses(scoring('respondent-level'), RESPONSES, oneUnit);
    expect(unit!.score.overall.share).toBe(50);
    const [thirds] = scoreResponses(scoring('respondent-level'), [{ id: 'x', answers: { a1: 5, a2: 2, b1: 2 } }], oneUnit);
    expect(thirds!.score.overall.share).toBe(33.3333333333); // round(100/3, 10)
  });

  it('counts a response in every group it belongs to', () => {
    const units = scoreResponses(scoring('mean-of-components'), RESPONSES, (i) =>
      i === 0 ? [{ key: 'child', unitCode: 'c' }, { key: 'parent', unitCode: 'p' }] : [{ key: 'parent', unitCode: 'p' }],
    );
    expect(units.map((u) => [u.key, u.responseIds.length, u.score.overall.belowMinimum])).toEqual([
      ['child', 1, true],
      ['parent', 3, false],
    ]);
  });
});

const unitRow = (line: number, code: string, parentCode: string | null, validFrom: string, validTo: string | null = null): UnitImportRow => ({
  line,
  code,
  nameVi: code,
  nameEn: null,
  fullNameVi: code,
  level: parentCode ? 'commune' : 'province',
  type: 'x',
  parentCode,
  validFrom,
  validTo,
  groupTags: [],
  mergedFrom: [],
  mergedPartial: [],
});

describe('buildHierarchy', () => {
  it('finds a reused code by date and links each unit to the parent valid on its start', () => {
    const { unitOn, problems } = buildHierarchy([
      unitRow(2, '92', null, '2004-01-01', '2025-06-30'),
      unitRow(3, '92', null, '2025-07-01'),
      unitRow(4, '31120', '92', '2025-07-01'),
    ]);
    expect(problems).toEqual([]);
    expect(unitOn('92', '2025-01-01')!.validFrom).toBe('2004-01-01');
    expect(ancestorsOf(unitOn('31120', '2026-01-01')!).map((u) => `${u.code}@${u.validFrom}`)).toEqual(['31120@2025-07-01', '92@2025-07-01']);
    expect(unitOn('31120', '2025-01-01')).toBeUndefined();
  });

  it('reports a missing parent and a cycle', () => {
    const { problems } = buildHierarchy([unitRow(2, 'a', 'b', '2025-07-01'), unitRow(3, 'b', 'a', '2025-07-01'), unitRow(4, 'c', 'z', '2025-07-01')]);
    expect(problems).toEqual([
      { line: 4, column: 'parent_code', reason: 'no unit z valid on 2025-07-01 in the file' },
      { line: 2, column: 'parent_code', reason: 'its parents form a cycle' },
      { line: 3, column: 'parent_code', reason: 'its parents form a cycle' },
    ]);
  });
});
