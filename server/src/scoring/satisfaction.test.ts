import { describe, expect, it } from 'vitest';
import { checkTally, meanOfPresent, shareSatisfied } from './satisfaction.ts';

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

describe('checkTally', () => {
  it.each([
    [{ satisfied: 0, valid: 0 }],
    [{ satisfied: 4, valid: 4 }],
  ])('accepts %j', (tally) => expect(() => checkTally('a1', tally)).not.toThrow());

  it.each([
    [{ satisfied: 5, valid: 4 }],
    [{ satisfied: -1, valid: 4 }],
    [{ satisfied: 1.5, valid: 4 }],
    [{ satisfied: 0, valid: Number.NaN }],
  ])('rejects %j', (tally) => expect(() => checkTally('a1', tally)).toThrow(/a1/));
});
