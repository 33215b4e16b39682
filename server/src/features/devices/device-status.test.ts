import { describe, expect, it } from 'vitest';
import { deviceState } from './device-status.ts';

const now = new Date('2025-08-01T03:00:00.000Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const base = { revokedAt: null, enrolledAt: ago(60), enrolmentCodeExpiresAt: null, lastContactAt: ago(1) };

describe('deviceState', () => {
  it.each([
    ['revoked, whatever else', { revokedAt: ago(5) }, 'revoked'],
    ['a code still open', { enrolledAt: null, enrolmentCodeExpiresAt: ago(-30) }, 'awaiting-enrolment'],
    ['a code that expired unused', { enrolledAt: null, enrolmentCodeExpiresAt: ago(1) }, 'enrolment-expired'],
    ['enrolled, no heartbeat yet', { lastContactAt: null }, 'never-seen'],
    ['heard 1 min ago', {}, 'online'],
    ['heard exactly 3 min ago (the limit)', { lastContactAt: ago(3) }, 'online'],
    ['heard 3 min 1 s ago', { lastContactAt: new Date(ago(3).getTime() - 1000) }, 'silent'],
  ])('%s → %s', (_case, over, state) => {
    expect(deviceState({ ...base, ...over }, now)).toBe(state);
  });
});
