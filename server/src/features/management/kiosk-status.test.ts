import { describe, expect, it } from 'vitest';
import { kioskStatus } from './kiosk-status.ts';

const now = new Date('2025-08-01T03:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const base = { revokedAt: null, enrolledAt: ago(3600), enrolmentCodeExpiresAt: null, lastContactAt: ago(30) };

describe('kioskStatus', () => {
  it.each([
    ['heard 30 s ago', {}, 'ok'],
    ['heard exactly 2 min ago (one heartbeat missed is still fine)', { lastContactAt: ago(120) }, 'ok'],
    ['heard 2 min 1 s ago', { lastContactAt: ago(121) }, 'late'],
    ['heard exactly 3 min ago', { lastContactAt: ago(180) }, 'late'],
    ['heard 3 min 1 s ago', { lastContactAt: ago(181) }, 'silent'],
    ['enrolled, no heartbeat yet', { lastContactAt: null }, 'never-seen'],
    ['a code still open', { enrolledAt: null, lastContactAt: null, enrolmentCodeExpiresAt: ago(-600) }, 'awaiting-enrolment'],
    ['a code that expired unused', { enrolledAt: null, lastContactAt: null, enrolmentCodeExpiresAt: ago(1) }, 'enrolment-expired'],
    ['revoked while heard recently', { revokedAt: ago(10) }, 'revoked'],
  ])('%s → %s', (_case, over, status) => {
    expect(kioskStatus({ ...base, ...over }, now)).toBe(status);
  });
});
