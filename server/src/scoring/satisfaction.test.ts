import { describe, expect, it } from 'vitest';
import { meanOfPresent, overallIndex, scoreComponents, shareSatisfied, type Tally } from './satisfaction.ts';

describe('shareSatisfied', () => {
  it.each([
    [{ satisfied: 0, valid: 0 }, null],
    [{ satisfied: 3, valid: 4 }, 75],
    [{ satisfied: 1, valid: 3 }, 100 / 3], // 33.33…
    [{ satisfied: 5, valid: 5 }, 100],
  ])('%j -> %s', (tally, expected) => {
    if (expected === null) expect(shareSatisfied(tally)).toBeNull();
    else expect(shareSatisfied(tally)).toBeCloseTo(expected, 10);
  });
});

describe('meanOfPresent', () => {
  it.each([
    [[], null],
    [[null, null], null],
    [[50, null, 100], 75],
    [[80, 90, 100], 90],
  ])('%j -> %s', (values, expected) => {
    expect(meanOfPresent(values)).toBe(expected);
  });
});

// Hand-computed example: three respondents, two components.
//   a1: 5, 4, na  -> a1 satisfied 2 of 2 valid (na excluded)
//   a2: 3, na, 4  -> a2 criterion: 1 of 2
//   b1: 2, 5, 5   -> 2 of 3
// Respondent 1 (5,3,2): 1/3; respondent 2 (4,na,5): 2/2; respondent 3 (na,4,5): 2/2.
const tallies = new Map<string, Tally>([
  ['a1', { satisfied: 2, valid: 2 }],
  ['a2', { satisfied: 1, valid: 2 }],
  ['b1', { satisfied: 2, valid: 3 }],
]);
const spec = [
  { id: 'a', criteria: ['a1', 'a2'] },
  { id: 'b', criteria: ['b1', 'b2'] },
];

describe('scoreComponents', () => {
  const scores = scoreComponents(spec, tallies);

  it('averages criterion shares, ignoring criteria without answers', () => {
    expect(scores.map((c) => [c.id, c.n])).toEqual([
      ['a', 4],
      ['b', 3],
    ]);
    expect(scores[0]!.share).toBe(75); // (100 + 50) / 2
    expect(scores[1]!.share).toBeCloseTo(200 / 3, 10); // b2 has no answer, so only b1 counts
    expect(scores[1]!.criteria[1]).toEqual({ id: 'b2', satisfied: 0, valid: 0, share: null });
  });

  it.each([
    ['mean-of-components', (75 + 200 / 3) / 2], // 70.83
    ['pooled-items', (5 / 7) * 100], // 5 satisfied of 7 valid: 71.43
    ['respondent-level', ((1 / 3) * 100 + 100 + 100) / 3], // 77.78
  ] as const)('overall by %s', (method, expected) => {
    expect(overallIndex(method, scores, [(1 / 3) * 100, 100, 100])).toBeCloseTo(expected, 10);
  });

  it('has no overall without data', () => {
    const empty = scoreComponents(spec, new Map());
    expect(overallIndex('mean-of-components', empty, [])).toBeNull();
    expect(overallIndex('pooled-items', empty, [])).toBeNull();
    expect(overallIndex('respondent-level', empty, [])).toBeNull();
  });
});
