import { describe, expect, it } from 'vitest';
import type { Tally } from './satisfaction.ts';
import { scoreOverall, scoreOverallShare, scoreUnit, sumRespondentShares, type ScoringSpec, type UnitTallies } from './unit-score.ts';

// Hand-computed example: five respondents, two components; satisfied = 4 or 5; "na" = not applicable, "—" = blank.
//
//        a1   a2   b1   b2 (never shown)   own share (valid scored answers only)
//   R1    5    4   na   —                  2/2 = 100 %
//   R2    3   na    4   —                  1/2 = 50 %
//   R3    4    2    5   —                  2/3 = 66.67 %
//   R4   na    —   na   —                  no valid answer: not counted among respondents
//   R5    5    5    4   —                  3/3 = 100 %
//
// Criteria: a1 3/4 = 75 %; a2 2/3 = 66.67 %; b1 3/3 = 100 %; b2 no valid answer (null, left out of B's mean).
// Components: A = (75 + 66.67)/2 = 70.83 (7 valid answers); B = 100 (3 valid answers).
// Overall, 4 respondents, 10 valid answers:
//   mean of components = (70.83 + 100)/2 = 85.42;
//   pooled = (3 + 2 + 3)/(4 + 3 + 3) = 8/10 = 80.00;
//   respondent-level = (100 + 50 + 66.67 + 100)/4 = 79.17.
// Intervals (95 %): Wilson limits and MOVER/normal sums as worked out in interval.test.ts:
//   a1 3/4 [30.06, 95.44]; a2 2/3 [20.77, 93.85]; b1 3/3 [43.85, 100];
//   A: MOVER, weights ½, ½ [38.72, 87.84]; B: one criterion, so b1's Wilson [43.85, 100];
//   mean of components: MOVER, weights ¼ (a1), ¼ (a2), ½ (b1) [53.07, 93.92];
//   pooled: Wilson 8/10 [49.02, 94.33];
//   respondent-level: S₁ = 316.67, S₂ = 100² + 50² + 66.67² + 100² = 26944.44, s² = 625, 79.17 ± 1.96·25/2
//     -> [54.67, 100 (clipped)].
const criteria = new Map<string, Tally>([
  ['a1', { satisfied: 3, valid: 4 }],
  ['a2', { satisfied: 2, valid: 3 }],
  ['b1', { satisfied: 3, valid: 3 }],
]);
const respondentShares = sumRespondentShares([100, 50, 200 / 3, 100]);
const tallies: UnitTallies = { criteria, respondents: 4, respondentShares };
const components = [
  { id: 'a', criteria: ['a1', 'a2'] },
  { id: 'b', criteria: ['b1', 'b2'] },
];
const specFor = (overallMethod: ScoringSpec['overallMethod'], minSampleToRank = 4): ScoringSpec => ({
  components,
  overallMethod,
  minSampleToRank,
});

type Expected = [number | null, number | null, number | null];
const expectScore = (actual: { share: number | null; interval: { low: number; high: number } | null }, [share, low, high]: Expected) => {
  if (share === null) expect(actual.share).toBeNull();
  else expect(actual.share).toBeCloseTo(share, 2);
  if (low === null || high === null) return expect(actual.interval).toBeNull();
  expect(actual.interval!.low).toBeCloseTo(low, 2);
  expect(actual.interval!.high).toBeCloseTo(high, 2);
};

describe('scoreUnit, hand-computed example', () => {
  const score = scoreUnit(specFor('mean-of-components'), tallies);
  const criterion = (id: string) => score.components.flatMap((c) => c.criteria).find((c) => c.id === id)!;

  it.each([
    ['a1', 3, 4, [75, 30.06, 95.44]],
    ['a2', 2, 3, [66.67, 20.77, 93.85]],
    ['b1', 3, 3, [100, 43.85, 100]],
    ['b2', 0, 0, [null, null, null]],
  ] as const)('criterion %s: %i of %i', (id, satisfied, valid, expected) => {
    expect(criterion(id)).toMatchObject({ satisfied, valid });
    expectScore(criterion(id), [...expected]);
  });

  it.each([
    ['a', 7, [70.83, 38.72, 87.84]],
    ['b', 3, [100, 43.85, 100]],
  ] as const)('component %s: %i valid answers', (id, validAnswers, expected) => {
    const component = score.components.find((c) => c.id === id)!;
    expect(component.validAnswers).toBe(validAnswers);
    expectScore(component, [...expected]);
  });

  it.each([
    ['mean-of-components', 'mover-wilson', [85.42, 53.07, 93.92]],
    ['pooled-items', 'wilson', [80, 49.02, 94.33]],
    ['respondent-level', 'normal-mean', [79.17, 54.67, 100]],
  ] as const)('overall by %s', (method, intervalMethod, expected) => {
    const { overall } = scoreUnit(specFor(method), tallies);
    expect(overall).toMatchObject({ method, intervalMethod, respondents: 4, validAnswers: 10 });
    expectScore(overall, [...expected]);
  });

  it.each([
    [4, false], // n = minimum: rankable
    [5, true],
    [30, true],
  ])('minSampleToRank %i -> belowMinimum %s', (minSampleToRank, belowMinimum) => {
    for (const method of ['mean-of-components', 'pooled-items', 'respondent-level'] as const) {
      expect(scoreUnit(specFor(method, minSampleToRank), tallies).overall).toMatchObject({ minSampleToRank, belowMinimum });
    }
  });
});

describe('scoreUnit, edge cases', () => {
  it.each(['mean-of-components', 'pooled-items', 'respondent-level'] as const)('%s without any answer: no score, below minimum', (method) => {
    const { overall, components: scored } = scoreUnit(specFor(method, 1), {
      criteria: new Map(),
      respondents: 0,
      respondentShares: sumRespondentShares([]),
    });
    expect(overall).toMatchObject({ share: null, interval: null, respondents: 0, validAnswers: 0, belowMinimum: true });
    expect(scored.map((c) => [c.share, c.interval, c.validAnswers])).toEqual([
      [null, null, 0],
      [null, null, 0],
    ]);
  });

  it('leaves a component without data out of the mean of components', () => {
    // Only a1 answered (1 of 2): A = 50, B none -> overall = A, and its interval is a1's Wilson interval.
    const { overall } = scoreUnit(specFor('mean-of-components', 1), {
      criteria: new Map([['a1', { satisfied: 1, valid: 2 }]]),
      respondents: 2,
    });
    expect(overall.share).toBe(50);
    // Wilson 1/2: centre ½, half = z/(1 + z²/2)·√(⅛ + z²/16) = 0.405469 -> [9.45, 90.55].
    expect(overall.interval!.low).toBeCloseTo(9.45, 2);
    expect(overall.interval!.high).toBeCloseTo(90.55, 2);
  });

  it('counts a criterion listed in two components once when pooling, in both when averaging', () => {
    // x: 1/1 in both A' and B'; y: 0/1 in A' only. A' = (100 + 0)/2 = 50, B' = 100; mean 75; pooled 1/2 = 50.
    const shared = [
      { id: 'a', criteria: ['x', 'y'] },
      { id: 'b', criteria: ['x'] },
    ];
    const input: UnitTallies = {
      criteria: new Map([
        ['x', { satisfied: 1, valid: 1 }],
        ['y', { satisfied: 0, valid: 1 }],
      ]),
      respondents: 1,
    };
    const mean = scoreUnit({ components: shared, overallMethod: 'mean-of-components', minSampleToRank: 1 }, input).overall;
    const pooled = scoreUnit({ components: shared, overallMethod: 'pooled-items', minSampleToRank: 1 }, input).overall;
    expect([mean.share, mean.validAnswers]).toEqual([75, 2]);
    expect([pooled.share, pooled.validAnswers]).toEqual([50, 2]);
    // MOVER with x weighted ¼ + ½ = ¾ and y ¼: Wilson 1/1 = [0.206549, 1], 0/1 = [0, 0.793451];
    // L = 0.75 − √((¾·0.793451)²) = 0.154912; U = 0.75 + √((¼·0.793451)²) = 0.948363.
    expect(mean.interval!.low).toBeCloseTo(15.49, 2);
    expect(mean.interval!.high).toBeCloseTo(94.84, 2);
  });

  it('ignores tallies of questions that are not scored criteria', () => {
    const extra = new Map([...criteria, ['feedback_given', { satisfied: 99, valid: 99 }]]);
    const { overall } = scoreUnit(specFor('pooled-items'), { ...tallies, criteria: extra });
    expect([overall.share, overall.validAnswers]).toEqual([80, 10]);
  });

  it('has a respondent-level score but no interval for one respondent', () => {
    const { overall } = scoreUnit(specFor('respondent-level', 1), {
      criteria: new Map([['a1', { satisfied: 1, valid: 1 }]]),
      respondents: 1,
      respondentShares: sumRespondentShares([100]),
    });
    expect([overall.share, overall.interval]).toEqual([100, null]);
  });
});

describe('scoreUnit, rejected input', () => {
  it.each([
    ['respondent-level without sums', specFor('respondent-level'), { criteria, respondents: 4 }, /needs respondentShares/],
    ['sums over other respondents', specFor('respondent-level'), { ...tallies, respondents: 5 }, /counts 4 respondents/],
    [
      'sums above 100 % a respondent',
      specFor('respondent-level'),
      { ...tallies, respondentShares: { respondents: 4, sumOfShares: 500, sumOfSquaredShares: 0 } },
      /percent \(0–100\)/,
    ],
    [
      'squares that do not match the shares',
      specFor('respondent-level'),
      { ...tallies, respondentShares: { respondents: 4, sumOfShares: 3.17, sumOfSquaredShares: 26944.44 } },
      /and of their squares/,
    ],
    ['more satisfied than valid', specFor('pooled-items'), { criteria: new Map([['a1', { satisfied: 5, valid: 4 }]]), respondents: 4 }, /a1/],
    ['negative respondents', specFor('pooled-items'), { criteria: new Map(), respondents: -1 }, /whole number/],
  ] as Array<[string, ScoringSpec, UnitTallies, RegExp]>)('%s', (_, spec, input, message) => {
    expect(() => scoreUnit(spec, input)).toThrow(message);
  });
});

describe('sumRespondentShares', () => {
  it.each([
    [[], { respondents: 0, sumOfShares: 0, sumOfSquaredShares: 0 }],
    [[100, 50], { respondents: 2, sumOfShares: 150, sumOfSquaredShares: 12500 }],
  ])('%j -> %j', (shares, expected) => expect(sumRespondentShares(shares)).toEqual(expected));
});

describe('scoreOverall', () => {
  // A small deterministic generator, so that a failure names a case that can be replayed.
  function random(seed: number) {
    let state = seed;
    return (below: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % below;
    };
  }
  const overlapping: ScoringSpec['components'] = [
    { id: 'A', criteria: ['a1', 'a2', 'shared'] },
    { id: 'B', criteria: ['b1', 'shared'] },
    { id: 'C', criteria: ['c1'] },
  ];

  it.each(['mean-of-components', 'pooled-items', 'respondent-level'] as const)(
    'gives exactly the overall of scoreUnit (%s), and scoreOverallShare its share, with missing, empty and shared criteria',
    (overallMethod) => {
      const spec: ScoringSpec = { components: overlapping, overallMethod, minSampleToRank: 30 };
      const next = random(overallMethod.length);
      for (let run = 0; run < 300; run++) {
        const criteria = new Map<string, Tally>();
        for (const id of ['a1', 'a2', 'shared', 'b1', 'c1']) {
          if (next(5) === 0) continue; // absent: no valid answer
          const valid = next(4) === 0 ? 0 : next(200);
          criteria.set(id, { satisfied: next(valid + 1), valid });
        }
        const respondents = next(120);
        const meanShare = next(101);
        const tallies: UnitTallies = {
          criteria,
          respondents,
          respondentShares: { respondents, sumOfShares: meanShare * respondents, sumOfSquaredShares: meanShare * meanShare * respondents },
        };
        const { overall } = scoreUnit(spec, tallies);
        expect(scoreOverall(spec, tallies)).toEqual(overall);
        expect(scoreOverallShare(spec, tallies)).toEqual({ share: overall.share, respondents: overall.respondents, belowMinimum: overall.belowMinimum });
      }
    },
  );

  it('refuses impossible counts as scoreUnit does', () => {
    const spec: ScoringSpec = { components: overlapping, overallMethod: 'pooled-items', minSampleToRank: 30 };
    const tallies: UnitTallies = { criteria: new Map([['a1', { satisfied: 5, valid: 4 }]]), respondents: 4 };
    expect(() => scoreOverall(spec, tallies)).toThrow(/a1/);
  });
});
