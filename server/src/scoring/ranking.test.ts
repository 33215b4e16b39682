import { describe, expect, it } from 'vitest';
import { compareRankings, publishedShare, rankUnits, rankWithinGroups, type RankCandidate } from './ranking.ts';

const unit = (id: string, share: number | null, belowMinimum = false): RankCandidate => ({ id, share, belowMinimum });
const ranksOf = (units: RankCandidate[]) => rankUnits(units).ranked.map((r) => [r.unit.id, r.rank, r.of]);

describe('publishedShare', () => {
  it.each([
    [85.5432, 85.54],
    [85.545, 85.55], // half up, as printed ("85,55%")
    [85.5449, 85.54],
    [(2 / 3) * 100, 66.67],
    [100, 100],
    [-0.001, 0], // no "-0"
  ])('%s -> %s', (share, expected) => expect(Object.is(publishedShare(share), expected)).toBe(true));
});

describe('rankUnits', () => {
  it.each([
    // The example: competition ranking.
    ['ties share a rank, the next skips', [unit('a', 90), unit('b', 85), unit('c', 85), unit('d', 80)], [['a', 1, 4], ['b', 2, 4], ['c', 2, 4], ['d', 4, 4]]],
    ['sorts by share, highest first', [unit('a', 70), unit('b', 95.1), unit('c', 80)], [['b', 1, 3], ['c', 2, 3], ['a', 3, 3]]],
    ['all tied', [unit('a', 80), unit('b', 80), unit('c', 80)], [['a', 1, 3], ['b', 1, 3], ['c', 1, 3]]],
    ['ties at the bottom', [unit('a', 90), unit('b', 70), unit('c', 70)], [['a', 1, 3], ['b', 2, 3], ['c', 2, 3]]],
    // Compared at 2 decimals: both print "85,54%", so they tie; 85.545 prints "85,55%" and is ahead.
    ['ties on the published figure', [unit('a', 85.5351), unit('b', 85.5449), unit('c', 85.545)], [['c', 1, 3], ['a', 2, 3], ['b', 2, 3]]],
    ['200/3 ties 66.67', [unit('a', 66.67), unit('b', 200 / 3)], [['a', 1, 2], ['b', 1, 2]]],
    ['ties keep the caller order', [unit('z', 85), unit('a', 85)], [['z', 1, 2], ['a', 1, 2]]],
    ['nothing to rank', [], []],
  ])('%s', (_, units, expected) => expect(ranksOf(units)).toEqual(expected));

  it('lists units below the minimum sample or without a score apart, and leaves them out of "of"', () => {
    const ranking = rankUnits([unit('a', 90), unit('small', 99, true), unit('b', 85), unit('empty', null, true), unit('c', 80)]);
    expect(ranking.ranked.map((r) => [r.unit.id, r.rank, r.of])).toEqual([
      ['a', 1, 3],
      ['b', 2, 3],
      ['c', 3, 3],
    ]);
    expect(ranking.unranked.map((u) => [u.unit.id, u.reason])).toEqual([
      ['small', 'below-minimum'],
      ['empty', 'no-score'],
    ]);
  });

  it('gives back the caller\'s objects', () => {
    const hanoi = { id: '01', share: 88, belowMinimum: false, nameVi: 'Hà Nội' };
    expect(rankUnits([hanoi]).ranked[0]!.unit).toBe(hanoi);
  });

  it('refuses a unit listed twice', () => expect(() => rankUnits([unit('a', 1), unit('a', 2)])).toThrow(/a appears twice/));
});

describe('rankWithinGroups', () => {
  // Bắc Trung Bộ (6 provinces) and two of Đồng bằng sông Cửu Long; made-up shares except Hà Tĩnh 2021 (91.17).
  const provinces = [
    { ...unit('38', 86.1), region: 'Bắc Trung Bộ' }, // Thanh Hóa
    { ...unit('92', 84.0), region: 'Đồng bằng sông Cửu Long' }, // Cần Thơ
    { ...unit('40', 88.3), region: 'Bắc Trung Bộ' }, // Nghệ An
    { ...unit('42', 91.17), region: 'Bắc Trung Bộ' }, // Hà Tĩnh
    { ...unit('44', 88.3), region: 'Bắc Trung Bộ' }, // Quảng Bình, tied with Nghệ An
    { ...unit('45', 80.2), region: 'Bắc Trung Bộ' }, // Quảng Trị
    { ...unit('46', 85.0), region: 'Bắc Trung Bộ' }, // Thừa Thiên Huế
    { ...unit('86', 90.0, true), region: 'Đồng bằng sông Cửu Long' }, // Vĩnh Long, too few respondents
  ];
  const groups = rankWithinGroups(provinces, (p) => p.region);

  it('ranks each group on its own, groups in order of first appearance', () => {
    expect([...groups.keys()]).toEqual(['Bắc Trung Bộ', 'Đồng bằng sông Cửu Long']);
    expect(groups.get('Bắc Trung Bộ')!.ranked.map((r) => [r.unit.id, r.rank, r.of])).toEqual([
      ['42', 1, 6], // "thứ 1/6 trong vùng"
      ['40', 2, 6],
      ['44', 2, 6],
      ['38', 4, 6],
      ['46', 5, 6],
      ['45', 6, 6],
    ]);
    const mekong = groups.get('Đồng bằng sông Cửu Long')!;
    expect(mekong.ranked.map((r) => [r.unit.id, r.rank, r.of])).toEqual([['92', 1, 1]]);
    expect(mekong.unranked.map((u) => u.unit.id)).toEqual(['86']);
  });

  it('agrees with the overall ranking on the order inside a group', () => {
    const overall = rankUnits(provinces).ranked.filter((r) => r.unit.region === 'Bắc Trung Bộ').map((r) => r.unit.id);
    expect(groups.get('Bắc Trung Bộ')!.ranked.map((r) => r.unit.id)).toEqual(overall);
  });
});

describe('compareRankings', () => {
  //            before   now
  //   a        90 (1)   85    (4)    down 3, −5.00
  //   b        88 (2)   89    (2=)   same,   +1.00
  //   c        86 (3)   89    (2=)   up 1,   +3.00
  //   d        84 (4)   91    (1)    up 3,   +7.00
  //   e        82 (5)   too few now: not ranked, not compared
  //   f        too few  80    (5)    not ranked before: no change
  //   g        —        79    (6)    new unit
  const previous = rankUnits([unit('a', 90), unit('b', 88), unit('c', 86), unit('d', 84), unit('e', 82), unit('f', 95, true)]);
  const current = rankUnits([unit('a', 85), unit('b', 89), unit('c', 89), unit('d', 91), unit('e', 99, true), unit('f', 80), unit('g', 79)]);
  const rows = (ranks: boolean, shares: boolean) =>
    compareRankings(current, previous, { ranks, shares }).map((m) => [m.unit.id, m.rank, m.of, m.previousRank, m.rankChange, m.pointChange]);

  it('gives rank and point changes for units ranked in both periods', () => {
    expect(rows(true, true)).toEqual([
      ['d', 1, 6, 4, 3, 7],
      ['b', 2, 6, 2, 0, 1],
      ['c', 2, 6, 3, 1, 3],
      ['a', 4, 6, 1, -3, -5],
      ['f', 5, 6, null, null, null],
      ['g', 6, 6, null, null, null],
    ]);
  });

  it('gives no rank change across universes that are not comparable (63 against 34 provinces)', () => {
    expect(rows(false, true).map(([id, , , previousRank, rankChange, pointChange]) => [id, previousRank, rankChange, pointChange])).toEqual([
      ['d', 4, null, 7],
      ['b', 2, null, 1],
      ['c', 3, null, 3],
      ['a', 1, null, -5],
      ['f', null, null, null],
      ['g', null, null, null],
    ]);
  });

  it('gives no point change across survey versions that are not comparable', () => {
    expect(rows(true, false).map(([id, , , , rankChange, pointChange]) => [id, rankChange, pointChange])).toEqual([
      ['d', 3, null],
      ['b', 0, null],
      ['c', 1, null],
      ['a', -3, null],
      ['f', null, null],
      ['g', null, null],
    ]);
  });

  it.each([
    // Published 85.54 − 86.06 = −0.52, although the unrounded difference is −0.5111 (which would print −0,51).
    [85.544, 86.0551, -0.52],
    [85.54, 86.06, -0.52], // floating point gives −0.519999…
    [91.17, 90.0049, 1.17],
    [80.004, 79.996, 0], // both print 80,00
  ])('point change of %s against %s is %s', (now, before, expected) => {
    const [movement] = compareRankings(rankUnits([unit('x', now)]), rankUnits([unit('x', before)]), { ranks: true, shares: true });
    expect(movement!.pointChange).toBe(expected);
  });

  it('Hà Tĩnh 2021: rank 5/63, up 6 from 11/63', () => {
    // 63 provinces with distinct shares; Hà Tĩnh (42) moves from 11th to 5th, the others keep their order.
    const others = Array.from({ length: 62 }, (_, i) => `p${i}`);
    const year = (haTinhRank: number) => {
      const order = [...others.slice(0, haTinhRank - 1), '42', ...others.slice(haTinhRank - 1)];
      return rankUnits(order.map((id, i) => unit(id, 95 - i * 0.25)));
    };
    const haTinh = compareRankings(year(5), year(11), { ranks: true, shares: true }).find((m) => m.unit.id === '42')!;
    expect([haTinh.rank, haTinh.of, haTinh.previousRank, haTinh.previousOf, haTinh.rankChange]).toEqual([5, 63, 11, 63, 6]);
  });
});
