import { describe, expect, it } from 'vitest';
import { idleWarningMs } from './use-idle.ts';

describe('idleWarningMs', () => {
  it.each([
    // 20 s when the idle time allows (WCAG 2.2.1), else a third of it
    [60_000, 20_000],
    [600_000, 20_000],
    [45_000, 15_000],
    [3_000, 1_000],
    [10_000, 3_333],
  ])('for an idle time of %i ms, warns %i ms before', (idleMs, warnMs) => {
    expect(idleWarningMs(idleMs)).toBe(warnMs);
  });
});
