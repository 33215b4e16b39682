// Pure: how a kiosk looks to an administrator, from what the server last heard of it.

/** Three missed heartbeats (one a minute): the tablet is off, offline or stuck. */
export const SILENT_AFTER_MS = 3 * 60_000;

export type DeviceState = 'revoked' | 'awaiting-enrolment' | 'enrolment-expired' | 'never-seen' | 'silent' | 'online';

export function deviceState(
  device: { revokedAt: Date | null; enrolledAt: Date | null; enrolmentCodeExpiresAt: Date | null; lastContactAt: Date | null },
  now: Date,
): DeviceState {
  if (device.revokedAt) return 'revoked';
  if (!device.enrolledAt) {
    return device.enrolmentCodeExpiresAt && device.enrolmentCodeExpiresAt > now ? 'awaiting-enrolment' : 'enrolment-expired';
  }
  if (!device.lastContactAt) return 'never-seen';
  return now.getTime() - device.lastContactAt.getTime() > SILENT_AFTER_MS ? 'silent' : 'online';
}
