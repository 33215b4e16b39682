import { parseArgs } from 'node:util';
import { deviceState, type DeviceState } from '../server/src/features/devices/device-status.ts';
import { listDevices } from '../server/src/features/devices/devices.service.ts';
import { fail, withConfiguredApp } from './configured-app.ts';
import { vietnamTime } from './kiosk-common.ts';

// npm run kiosk:list [-- --json] — every kiosk with its unit, state, last contact and queue (never a secret).
let json = false;
try {
  json = parseArgs({ options: { json: { type: 'boolean', default: false } } }).values.json;
} catch (error) {
  fail(`${(error as Error).message}\nusage: npm run kiosk:list [-- --json]`);
}

const STATES: Record<DeviceState, string> = {
  revoked: 'revoked',
  'awaiting-enrolment': 'awaiting enrolment',
  'enrolment-expired': 'code expired unused',
  'never-seen': 'enrolled, no heartbeat yet',
  silent: 'SILENT',
  online: 'online',
};

await withConfiguredApp(async (app) => {
  const now = new Date();
  const devices = (await listDevices(app.db)).map((d) => ({ ...d, state: deviceState(d, now) }));
  if (json) {
    console.log(JSON.stringify(devices, null, 2));
    return;
  }
  if (devices.length === 0) {
    console.log('No kiosk devices yet: npm run kiosk:enrol -- --unit <code> --name <counter name>');
    return;
  }
  const rows = devices.map((d) => [
    d.id,
    `${d.unit.code} ${d.unit.nameVi}`,
    d.name,
    STATES[d.state],
    d.lastContactAt ? vietnamTime(d.lastContactAt) : '-',
    d.queueDepth === null ? '-' : String(d.queueDepth),
    d.deadLetters === null ? '-' : String(d.deadLetters),
    d.appVersion ?? '-',
  ]);
  const header = ['device', 'unit', 'name', 'state', 'last contact', 'queued', 'failed', 'build'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  console.log('\nlast contact: Vietnam time of the last heartbeat (one a minute); queued: responses waiting on the tablet;');
  console.log('failed: responses the server refused for good (kept on the tablet).');
});
