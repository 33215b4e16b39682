import { revokeDevice } from '../server/src/features/devices/devices.service.ts';
import { fail, withConfiguredApp } from './configured-app.ts';

// npm run kiosk:revoke -- <device id>
// From now on the device's credential gets 401 and the tablet shows "not enrolled / revoked". Responses it
// still holds stay on the tablet and are never sent under another enrolment. A tablet that was only reset or
// replaced needs no revocation: `kiosk:enrol -- --device <id>` gives the same device a new code.
const [deviceId, ...rest] = process.argv.slice(2);
if (!deviceId || rest.length > 0 || deviceId.startsWith('-')) fail('usage: npm run kiosk:revoke -- <device id>');

await withConfiguredApp(async (app) => {
  if (!(await revokeDevice(app.db, deviceId, new Date()))) fail(`No device ${deviceId} in use (unknown or already revoked)`);
  console.log(`Kiosk ${deviceId} revoked: its credential is refused from now on.`);
});
