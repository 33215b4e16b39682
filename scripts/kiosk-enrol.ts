import { parseArgs } from 'node:util';
import { createDevice, reissueEnrolmentCode, type IssuedEnrolment } from '../server/src/features/devices/devices.service.ts';
import { loadSurveyCatalog } from '../server/src/features/surveys/surveys.service.ts';
import { HttpError } from '../server/src/http/errors.ts';
import { fail, withConfiguredApp } from './configured-app.ts';
import { vietnamTime } from './kiosk-common.ts';

// npm run kiosk:enrol -- --unit 92 --name "Quầy 1" [--survey sipas-2017] [--idle-seconds 60] [--code-minutes 60] [--json]
// npm run kiosk:enrol -- --device <id> [--code-minutes 60]     (a new code for a tablet that was reset or replaced)
// Creates a kiosk device for a unit and prints its one-time enrolment code and link.
const USAGE = `usage: npm run kiosk:enrol -- --unit <unit code> --name <counter name> [--survey <key>] [--idle-seconds <3-3600>] [--code-minutes <n>] [--json]
       npm run kiosk:enrol -- --device <device id> [--code-minutes <n>] [--json]`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      unit: { type: 'string' },
      name: { type: 'string' },
      survey: { type: 'string' },
      'idle-seconds': { type: 'string' },
      'code-minutes': { type: 'string' },
      device: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const integer = (flag: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) fail(`--${flag} must be a whole number\n${USAGE}`);
  return Number(text);
};
const idleSeconds = integer('idle-seconds', values['idle-seconds']);
const codeMinutes = integer('code-minutes', values['code-minutes']);
if (values.device ? values.unit || values.name || values.survey || idleSeconds !== undefined : !values.unit || !values.name) fail(USAGE);

await withConfiguredApp(async (app, config) => {
  let issued: IssuedEnrolment;
  try {
    issued = values.device
      ? await reissueEnrolmentCode(app.db, values.device, new Date(), codeMinutes)
      : await createDevice(
          app.db,
          await loadSurveyCatalog(app.db),
          { unitCode: values.unit!, name: values.name!, surveyKey: values.survey, idleSeconds, codeValidMinutes: codeMinutes },
          new Date(),
        );
  } catch (error) {
    if (error instanceof HttpError) fail(error.message);
    throw error;
  }
  const url = `${config.publicUrl ?? `http://localhost:${config.port}`}${issued.path}`;
  if (values.json) {
    console.log(JSON.stringify({ ...issued, url }, null, 2));
    return;
  }
  const { device } = issued;
  console.log(`Kiosk ${device.id} "${device.name}" for unit ${device.unitCode} (${device.unitNameVi})
  survey ${device.surveyKey}, back to the welcome screen after ${device.idleSeconds} s idle

  enrolment code   ${issued.code}
  tablet link      ${url}
  valid until      ${vietnamTime(issued.expiresAt)} (Vietnam time), once

The tablet exchanges the code for its own credential; the code then stops working.
If it expires unused: npm run kiosk:enrol -- --device ${device.id}
Withdraw the device with: npm run kiosk:revoke -- ${device.id}`);
});
