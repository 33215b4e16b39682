import { describe, expect, it } from 'vitest';
import { weakestCriteria } from './weakest.ts';

describe('weakestCriteria', () => {
  it('picks the lowest shares, skipping criteria without data', () => {
    const criteria = [
      { id: 'a', share: 90 },
      { id: 'b', share: 70 },
      { id: 'c', share: null },
      { id: 'd', share: 75 },
      { id: 'e', share: 80 },
    ];
    expect([...weakestCriteria(criteria, 2)]).toEqual(['b', 'd']);
  });

  it('breaks ties by id and copes with fewer criteria than asked', () => {
    expect([...weakestCriteria([{ id: 'z', share: 50 }, { id: 'y', share: 50 }], 3)]).toEqual(['y', 'z']);
    expect(weakestCriteria([{ id: 'x', share: null }]).size).toBe(0);
  });
});
