// Pure: the status an administrator sees for a kiosk, refining deviceState's "online" by how fresh it is.
import type { KioskStatus } from '../../api/management.schemas.ts';
import { deviceState, type DeviceState } from '../devices/device-status.ts';

/** Heartbeats come once a minute: past two minutes at least one was missed (silent after three, as in deviceState). */
export const LATE_AFTER_MS = 2 * 60_000;

type DeviceTimes = Parameters<typeof deviceState>[0];

export function kioskStatus(device: DeviceTimes, now: Date): KioskStatus {
  const state: DeviceState = deviceState(device, now);
  if (state !== 'online') return state;
  return now.getTime() - device.lastContactAt!.getTime() > LATE_AFTER_MS ? 'late' : 'ok';
}
