import type { TrendResponse } from '@sipas/server/api/results';
import { describe, expect, it } from 'vitest';
import { OVERALL_SERIES, trendPoints } from './trend-points.ts';

type Point = TrendResponse['series'][number]['points'][number];

function point(label: string, share: number | null, derived = false): Point {
  return {
    period: { label, from: '', to: '' },
    respondents: share === null ? 0 : 40,
    derived,
    overall: { share, interval: null, n: share === null ? 0 : 40, belowMinimum: false },
    components: [{ id: 'access', share, interval: null, n: 0 }],
    responsesDigest: '000000000000000',
  };
}

describe('trendPoints', () => {
  it('drops the empty buckets before the first data, keeps later gaps, and marks derived buckets', () => {
    const points = [point('2024-Q4', null), point('2025-Q1', 80, true), point('2025-Q2', null), point('2025-Q3', 90)];
    expect(trendPoints(points, 'vi')).toEqual([
      { key: '2025-Q1', label: 'Quý I/2025', derived: true, values: { [OVERALL_SERIES]: 80, access: 80 } },
      { key: '2025-Q2', label: 'Quý II/2025', derived: false, values: { [OVERALL_SERIES]: null, access: null } },
      { key: '2025-Q3', label: 'Quý III/2025', derived: false, values: { [OVERALL_SERIES]: 90, access: 90 } },
    ]);
  });

  it('labels months in English and keeps a bucket label it cannot read', () => {
    expect(trendPoints([point('2025-06', 70), point('2025-07-01..2025-07-15', 75)], 'en').map((p) => p.label)).toEqual(['June 2025', '2025-07-01..2025-07-15']);
  });

  it('keeps every bucket when none has data', () => {
    expect(trendPoints([point('2025', null), point('2026', null)], 'vi')).toHaveLength(2);
  });
});
