import { describe, expect, it } from 'vitest';
import { meanInterval, moverWilsonInterval, wilsonInterval } from './interval.ts';

// Expected limits computed by hand from the formulas in interval.ts with z = 1.959964 (z² = 3.841459),
// and checked against an independent script; compared to 2 decimals of a percent.
const expectInterval = (actual: { low: number; high: number } | null, low: number, high: number) => {
  expect(actual).not.toBeNull();
  expect(actual!.low).toBeCloseTo(low, 2);
  expect(actual!.high).toBeCloseTo(high, 2);
};

describe('wilsonInterval', () => {
  it.each([
    // 3/4: d = 1 + z²/4 = 1.960365; centre = (0.75 + z²/8)/d = 0.627526; half = z/d·√(0.046875 + z²/64) = 0.326888
    [3, 4, 30.06, 95.44],
    // 8/10: d = 1.384146; centre = (0.8 + 0.192073)/d = 0.716739; half = 0.226579
    [8, 10, 49.02, 94.33],
    // 5/10: symmetric about 50: half = z/1.384146·√(0.025 + 0.009604) = 0.263407
    [5, 10, 23.66, 76.34],
    // 0/5: low is exactly 0; high = 2·(z²/10)/(1 + z²/5) = 0.434482
    [0, 5, 0, 43.45],
    // 1/1 and 0/1 mirror each other: 1/(1 + z²) = 0.206549
    [1, 1, 20.65, 100],
    [0, 1, 0, 79.35],
    // 3/3: low = 3/(3 + z²) = 0.438503, high exactly 100 (not above)
    [3, 3, 43.85, 100],
  ])('%i of %i -> [%s, %s]', (satisfied, valid, low, high) => {
    const interval = wilsonInterval({ satisfied, valid });
    expectInterval(interval, low, high);
    expect(interval!.low).toBeGreaterThanOrEqual(0);
    expect(interval!.high).toBeLessThanOrEqual(100);
  });

  it('has no interval without valid answers', () => expect(wilsonInterval({ satisfied: 0, valid: 0 })).toBeNull());

  it('narrows as n grows at the same share', () => {
    const small = wilsonInterval({ satisfied: 8, valid: 10 })!;
    const large = wilsonInterval({ satisfied: 800, valid: 1000 })!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    // Large n: close to Wald, 80 ± 1.96·√(0.16/1000)·100 = 80 ± 2.48 (Wilson's centre shifts slightly to 50).
    expectInterval(large, 77.41, 82.36);
  });
});

describe('moverWilsonInterval', () => {
  it('is the Wilson interval for one term of weight 1', () => {
    expect(moverWilsonInterval([{ weight: 1, tally: { satisfied: 3, valid: 4 } }])).toEqual(wilsonInterval({ satisfied: 3, valid: 4 }));
  });

  it.each([
    // Mean of 3/4 (Wilson 0.300642–0.954413) and 2/3 (Wilson 0.207660–0.938508), weights ½:
    //   θ̂ = 0.708333; L = θ̂ − √((½·0.449358)² + (½·0.459007)²) = θ̂ − 0.321175 = 0.387160;
    //   U = θ̂ + √((½·0.204413)² + (½·0.271841)²) = θ̂ + 0.170061 = 0.878394.
    [[[0.5, 3, 4], [0.5, 2, 3]], 38.72, 87.84],
    // Weights ¼, ¼, ½ on 3/4, 2/3, 3/3 (3/3: Wilson 0.438503–1):
    //   θ̂ = 0.854167; L = θ̂ − √((¼·0.449358)² + (¼·0.459007)² + (½·0.561497)²) = θ̂ − 0.323432 = 0.530735;
    //   U = θ̂ + √((¼·0.204413)² + (¼·0.271841)² + 0) = θ̂ + 0.085031 = 0.939197.
    [[[0.25, 3, 4], [0.25, 2, 3], [0.5, 3, 3]], 53.07, 93.92],
  ] as const)('%j -> [%s, %s]', (terms, low, high) => {
    const interval = moverWilsonInterval(terms.map(([weight, satisfied, valid]) => ({ weight, tally: { satisfied, valid } })));
    expectInterval(interval, low, high);
  });

  it('is null without terms and refuses a term without valid answers', () => {
    expect(moverWilsonInterval([])).toBeNull();
    expect(() => moverWilsonInterval([{ weight: 1, tally: { satisfied: 0, valid: 0 } }])).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it.each([
    // Shares 100, 50, 66.67, 100: S₁ = 316.67, S₂ = 26944.44; ȳ = 79.17; s² = (26944.44 − 316.67²/4)/3 = 625;
    // half = z·25/2 = 24.50; high 103.67 clipped to 100.
    [4, 950 / 3, 970000 / 36, 54.67, 100],
    // Shares 20, 40, 60: ȳ = 40, s² = 400, half = z·20/√3 = 22.63.
    [3, 120, 5600, 17.37, 62.63],
    // Every share 100: zero variance, a degenerate interval.
    [5, 500, 50000, 100, 100],
  ])('n=%i S1=%s S2=%s -> [%s, %s]', (n, sum, sumOfSquares, low, high) => {
    expectInterval(meanInterval(n, sum, sumOfSquares), low, high);
  });

  it.each([[0], [1]])('is null for n = %i', (n) => expect(meanInterval(n, n * 50, n * 2500)).toBeNull());
});
