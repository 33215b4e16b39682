import { describe, expect, it } from 'vitest';
import { scoreUnit } from '../../scoring/unit-score.ts';
import {
  addVectors,
  criterionTally,
  decodeLevelCounts,
  describeTallyDifference,
  emptyLevelCounts,
  parseIntegers,
  unitTallies,
  type ComparedTally,
  type LevelCounts,
  type TallyQuestion,
} from './tally-vectors.ts';

const questions: TallyQuestion[] = [
  { ordinal: 1, questionId: 'a', questionType: 'satisfaction5', criterion: true },
  { ordinal: 2, questionId: 'b', questionType: 'satisfaction5', criterion: true },
  { ordinal: 3, questionId: 'e', questionType: 'scale4', criterion: false },
];
const levels = (l1: number, l2: number, l3: number, l4: number, l5: number, na = 0): LevelCounts => ({
  '1': l1,
  '2': l2,
  '3': l3,
  '4': l4,
  '5': l5,
  na,
});

describe('decodeLevelCounts', () => {
  it('reads six slots per question: levels 1..5 then na', () => {
    const vector = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 0, 2, 3, 0, 0];
    expect(decodeLevelCounts(questions, vector)).toEqual(
      new Map([
        ['a', levels(0, 1, 2, 3, 4, 5)],
        ['b', levels(6, 7, 8, 9, 10, 11)],
        ['e', levels(1, 0, 2, 3, 0, 0)],
      ]),
    );
  });

  it('counts zeros beyond a short vector', () => {
    expect(decodeLevelCounts(questions, [1]).get('b')).toEqual(emptyLevelCounts());
  });
});

describe('addVectors', () => {
  it.each([
    [[1, 2, 3], [10, 20, 30], [11, 22, 33]],
    [[], [1, 2], [1, 2]],
    [[5], [1, 1, 1], [6, 1, 1]],
  ])('%o + %o', (a, b, sum) => {
    expect(addVectors(a, b)).toEqual(sum);
  });
});

describe('criterionTally', () => {
  it.each([
    // 2 + 3 at levels 4, 5 of 1+1+1+2+3 valid; "na" is not valid.
    ['satisfied 4–5', levels(1, 1, 1, 2, 3, 7), [4, 5], { satisfied: 5, valid: 8 }],
    ['only 5 satisfies (another spec on the same counts)', levels(1, 1, 1, 2, 3, 7), [5], { satisfied: 3, valid: 8 }],
    ['only n/a answers', levels(0, 0, 0, 0, 0, 4), [4, 5], { satisfied: 0, valid: 0 }],
  ])('%s', (_name, counts, satisfiedLevels, expected) => {
    expect(criterionTally(counts, satisfiedLevels)).toEqual(expected);
  });
});

describe('unitTallies, then scoreUnit', () => {
  // Criterion a: 3 of 4 satisfied (75); b: 1 of 2 (50), 2 n/a; c: nothing valid. Three scored respondents, Σ 200.
  const counts = new Map([
    ['a', levels(1, 0, 0, 2, 1)],
    ['b', levels(0, 1, 0, 0, 1, 2)],
  ]);
  const components = [
    { id: 'x', criteria: ['a', 'b'] },
    { id: 'y', criteria: ['c'] },
  ];
  const sums = { scored: 3, shareSum: 200, shareSqSum: 15_000 };

  it('applies the satisfied levels and passes the respondent sums through', () => {
    const tallies = unitTallies({ components, satisfiedLevels: [4, 5] }, counts, sums);
    expect(tallies).toEqual({
      criteria: new Map([
        ['a', { satisfied: 3, valid: 4 }],
        ['b', { satisfied: 1, valid: 2 }],
        ['c', { satisfied: 0, valid: 0 }],
      ]),
      respondents: 3,
      respondentShares: { respondents: 3, sumOfShares: 200, sumOfSquaredShares: 15_000 },
    });
    // The same counts under a spec where only 5 satisfies: a 1 of 4, b 1 of 2.
    expect(unitTallies({ components, satisfiedLevels: [5] }, counts, sums).criteria.get('a')).toEqual({ satisfied: 1, valid: 4 });
  });

  it.each([
    // Mean of component indices: x = (75 + 50) / 2 = 62.5; y has no valid answer and is left out.
    ['mean-of-components', 62.5],
    // Pooled: (3 + 1) / (4 + 2).
    ['pooled-items', (100 * 4) / 6],
    // Respondent-level: Σ shares / scored respondents = 200 / 3.
    ['respondent-level', 200 / 3],
  ] as const)('%s', (overallMethod, overall) => {
    const score = scoreUnit(
      { components, overallMethod, minSampleToRank: 30 },
      unitTallies({ components, satisfiedLevels: [4, 5] }, counts, sums),
    );
    expect(score.overall.share).toBeCloseTo(overall, 10);
    expect(score.overall.respondents).toBe(3);
    expect(score.overall.belowMinimum).toBe(true);
    expect(score.components.map((c) => c.share)).toEqual([62.5, null]);
  });
});

describe('describeTallyDifference', () => {
  const row = (overrides: Partial<ComparedTally> = {}): ComparedTally => ({
    respondents: 2,
    levelCounts: [0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0],
    scored: 2,
    shareSum: '150.0000000000',
    shareSqSum: '12500.00000000000000000000',
    ...overrides,
  });

  it.each<[string, ComparedTally | null, ComparedTally | null, string[]]>([
    ['equal rows', row(), row(), []],
    ['the same sums written differently', row({ shareSum: '150' }), row(), []],
    ['a missing row', null, row(), ['missing: 2 responses are not counted']],
    ['a row without responses', row(), null, ['no responses behind this row (stored 2 respondents)']],
    [
      'wrong counts, named by question and level',
      row({ respondents: 3, levelCounts: [0, 0, 0, 2, 1, 0, 0, 0, 1, 1, 0, 1] }),
      row(),
      [
        'respondents: stored 3, expected 2',
        'level_counts a level 4: stored 2, expected 1',
        'level_counts b level na: stored 1, expected 0',
      ],
    ],
    ['a slot beyond the questions', row({ levelCounts: [...row().levelCounts, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7] }), row(), ['level_counts slot 31: stored 7, expected none']],
    ['wrong sums', row({ shareSum: '100', shareSqSum: '10000' }), row(), ['share_sum: stored 100, expected 150.0000000000', 'share_sq_sum: stored 10000, expected 12500.00000000000000000000']],
    ['a wrong response-id digest', row({ idDigest: '12' }), row({ idDigest: '34' }), ['id_digest: stored 12, expected 34']],
  ])('%s', (_name, stored, expected, lines) => {
    expect(describeTallyDifference(stored, expected, questions)).toEqual(lines);
  });
});

describe('parseIntegers', () => {
  it.each([
    ['', []],
    ['0', [0]],
    ['12,0,345', [12, 0, 345]],
    ['-3,7', [-3, 7]], // only a damaged tally is negative, and verify must still show it
    ['2147483647,1', [2147483647, 1]],
  ])('%j', (text, numbers) => {
    expect(parseIntegers(text)).toEqual(numbers);
  });
});
