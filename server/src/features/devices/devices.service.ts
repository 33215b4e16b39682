import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IdleSeconds, type HeartbeatBody, type KioskConfig, type KioskResponseBody } from '../../api/devices.schemas.ts';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { BadRequestError, HttpError, NotFoundError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import { submitResponse, type SubmitResult } from '../responses/responses.service.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { DeviceUnauthorizedError, DeviceUnitGoneError, EnrolmentCodeRefusedError } from './devices.errors.ts';
import {
  exchangeEnrolmentCodeHash,
  findDevice,
  findDeviceByCredentialHash,
  findUnitIdValidOn,
  insertDeviceIfNew,
  listDeviceRows,
  recordHeartbeat,
  revokeDeviceRow,
  setEnrolmentCode,
  type DeviceListing,
  type DeviceRow,
} from './devices.queries.ts';
import { enrolmentCodeFromBytes, formatEnrolmentCode, normalizeEnrolmentCode } from './enrolment-code.ts';

export const DEFAULT_KIOSK_SURVEY = 'sipas-2017';
export const DEFAULT_IDLE_SECONDS = 60;
/** Long enough to walk from the office to the counter; short enough that a code left on paper is harmless. */
export const DEFAULT_CODE_VALID_MINUTES = 60;

export type { DeviceListing, DeviceRow };

export interface NewDeviceInput {
  unitCode: string;
  name: string;
  surveyKey?: string;
  idleSeconds?: number;
  codeValidMinutes?: number;
}

/** What the administrator gets once: the code to type on the tablet, or the path to open there. */
export interface IssuedEnrolment {
  device: { id: string; name: string; unitCode: string; unitNameVi: string; surveyKey: string; idleSeconds: number };
  /** As printed: `ABCD-EFGH-JKMN`. */
  code: string;
  expiresAt: Date;
  /** `/kiosk?enrol=<code>`, to prefix with the server's public URL. */
  path: string;
}

/** The stored form of a code or credential. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function newCode(now: Date, minutes: number) {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60) {
    throw new BadRequestError('The enrolment code must be valid for 1 minute to 7 days', [{ path: 'codeValidMinutes', message: 'out of range' }]);
  }
  const code = enrolmentCodeFromBytes(randomBytes(12));
  return { code, hash: sha256(code), expiresAt: new Date(now.getTime() + minutes * 60_000) };
}

/**
 * Creates a kiosk device for a unit valid today and issues its one-time enrolment code. The device
 * answers the survey's latest published version; it must have one now.
 */
export async function createDevice(db: Kysely<Database>, catalog: SurveyCatalog, input: NewDeviceInput, now: Date): Promise<IssuedEnrolment> {
  const today = vietnamDate(now);
  const surveyKey = input.surveyKey ?? DEFAULT_KIOSK_SURVEY;
  const idleSeconds = input.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  const name = input.name.trim();
  const issues: Array<{ path: string; message: string }> = [];
  const unit = await findUnitIdValidOn(db, input.unitCode, today);
  if (!unit) issues.push({ path: 'unit', message: `unknown unit ${input.unitCode} (none valid on ${today})` });
  if (!catalog.latestPublished(surveyKey)) issues.push({ path: 'survey', message: `no published survey ${surveyKey}` });
  if (!IdleSeconds.safeParse(idleSeconds).success) issues.push({ path: 'idleSeconds', message: 'must be a whole number from 3 to 3600' });
  if (name === '' || name.length > 100) issues.push({ path: 'name', message: 'must be 1 to 100 characters' });
  if (issues.length > 0 || !unit) {
    throw new BadRequestError(`Cannot create the device: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
  }

  const code = newCode(now, input.codeValidMinutes ?? DEFAULT_CODE_VALID_MINUTES);
  for (let attempt = 0; attempt < 5; attempt++) {
    // Short ids are easy to read out and type in `kiosk:revoke`; a clash only means drawing again.
    const id = randomBytes(5).toString('hex');
    const device = { id, unitId: unit.id, name, surveyKey, idleSeconds, enrolCodeHash: code.hash, enrolCodeExpiresAt: code.expiresAt };
    if (await insertDeviceIfNew(db, device)) {
      return {
        device: { id, name, unitCode: unit.code, unitNameVi: unit.name_vi, surveyKey, idleSeconds },
        code: formatEnrolmentCode(code.code),
        expiresAt: code.expiresAt,
        path: `/kiosk?enrol=${formatEnrolmentCode(code.code)}`,
      };
    }
  }
  throw new Error('could not draw a free device id');
}

/**
 * A new enrolment code for a device in use (its tablet was reset or replaced). Exchanging it replaces the
 * credential: the previous tablet, if still around, gets 401 from then on.
 */
export async function reissueEnrolmentCode(
  db: Kysely<Database>,
  deviceId: string,
  now: Date,
  codeValidMinutes = DEFAULT_CODE_VALID_MINUTES,
): Promise<IssuedEnrolment> {
  const device = await findDevice(db, deviceId, vietnamDate(now));
  const code = newCode(now, codeValidMinutes);
  if (!device || !(await setEnrolmentCode(db, deviceId, code.hash, code.expiresAt))) {
    throw new NotFoundError(`No device ${deviceId} in use (unknown or revoked)`);
  }
  return {
    device: {
      id: device.id,
      name: device.name,
      unitCode: device.unit.code,
      unitNameVi: device.unit.nameVi,
      surveyKey: device.surveyKey,
      idleSeconds: device.idleSeconds,
    },
    code: formatEnrolmentCode(code.code),
    expiresAt: code.expiresAt,
    path: `/kiosk?enrol=${formatEnrolmentCode(code.code)}`,
  };
}

/** Exchanges a one-time code for the device's long credential (shown once); a code works once, before it expires. */
export async function enrolDevice(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  typedCode: string,
  now: Date,
): Promise<{ credential: string; config: KioskConfig }> {
  const code = normalizeEnrolmentCode(typedCode);
  if (!code) throw new EnrolmentCodeRefusedError();
  const credential = `kiosk_${randomBytes(32).toString('base64url')}`;
  const deviceId = await exchangeEnrolmentCodeHash(db, sha256(code), sha256(credential), now);
  if (!deviceId) throw new EnrolmentCodeRefusedError();
  const device = await findDevice(db, deviceId, vietnamDate(now));
  if (!device) throw new Error(`device ${deviceId} vanished during enrolment`);
  return { credential, config: deviceConfig(catalog, device) };
}

const CREDENTIAL = /^kiosk_[A-Za-z0-9_-]{20,200}$/;

/** The device named by `Authorization: Device <credential>`; 401 when absent, unknown or revoked. */
export async function authenticateDevice(db: Kysely<Database>, authorization: string | undefined, now: Date): Promise<DeviceRow> {
  const match = /^Device\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw new DeviceUnauthorizedError('A device credential is required: Authorization: Device <credential>');
  const credential = match[1]!;
  const device = CREDENTIAL.test(credential)
    ? await findDeviceByCredentialHash(db, sha256(credential), vietnamDate(now))
    : undefined;
  if (!device) throw new DeviceUnauthorizedError();
  return device;
}

/** What the kiosk shows and asks: its unit, the latest published version of its survey, the idle time. */
export function deviceConfig(catalog: SurveyCatalog, device: DeviceRow): KioskConfig {
  if (!device.unit.validToday) throw new DeviceUnitGoneError(device.unit.code);
  const survey = catalog.latestPublished(device.surveyKey);
  if (!survey) throw new HttpError(409, `No published version of survey ${device.surveyKey}: the device cannot take responses`);
  const { unit } = device;
  return {
    device: { id: device.id, name: device.name },
    unit: { code: unit.code, nameVi: unit.nameVi, nameEn: unit.nameEn, fullNameVi: unit.fullNameVi },
    survey: { key: survey.definition.key, version: survey.definition.version },
    idleSeconds: device.idleSeconds,
  };
}

/**
 * Stores a kiosk response through the same path as every response (checks, idempotency on `id`), stamped
 * with the device's unit and the channel `kiosk`: a kiosk cannot answer for another unit.
 */
export async function submitKioskResponse(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  device: DeviceRow,
  body: z.output<typeof KioskResponseBody>,
  now: Date,
): Promise<SubmitResult> {
  // A unit code may be reused by another unit after a merger: never stamp a response with a successor.
  if (!device.unit.validToday) throw new DeviceUnitGoneError(device.unit.code);
  return submitResponse(db, catalog, { ...body, unit: device.unit.code, channel: 'kiosk' }, now);
}

export async function recordDeviceHeartbeat(db: Kysely<Database>, device: DeviceRow, beat: HeartbeatBody, now: Date): Promise<Date> {
  await recordHeartbeat(db, device.id, {
    at: now,
    queueDepth: beat.queueDepth,
    deadLetters: beat.deadLetters ?? null,
    appVersion: beat.appVersion ?? null,
  });
  return now;
}

/** The devices of some units (every device without `unitIds`) with what their last heartbeat said (never a secret). */
export async function listDevices(db: Kysely<Database>, unitIds?: readonly number[]): Promise<DeviceListing[]> {
  return listDeviceRows(db, unitIds);
}

/** From now on the device's credential gets 401; what it still holds in its queue stays on the tablet. */
export async function revokeDevice(db: Kysely<Database>, deviceId: string, now: Date): Promise<boolean> {
  return revokeDeviceRow(db, deviceId, now);
}
