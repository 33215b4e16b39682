import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A kiosk as the routes need it: its unit, and whether that unit is still valid on the given date. */
export interface DeviceRow {
  id: string;
  name: string;
  surveyKey: string;
  idleSeconds: number;
  unit: { id: number; code: string; nameVi: string; nameEn: string | null; fullNameVi: string; validToday: boolean };
}

function selectDevices(db: Db, today: string) {
  return db
    .selectFrom('kiosk_devices as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.name',
      'd.survey_key',
      'd.idle_seconds',
      'u.id as unit_id',
      'u.code',
      'u.name_vi',
      'u.name_en',
      'u.full_name_vi',
      sql<boolean>`(u.valid_from <= ${today}::date and (u.valid_to is null or u.valid_to >= ${today}::date))`.as('valid_today'),
    ]);
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectDevices>['executeTakeFirstOrThrow']>>;

function toDevice(row: SelectedRow): DeviceRow {
  return {
    id: row.id,
    name: row.name,
    surveyKey: row.survey_key,
    idleSeconds: row.idle_seconds,
    unit: {
      id: row.unit_id,
      code: row.code,
      nameVi: row.name_vi,
      nameEn: row.name_en,
      fullNameVi: row.full_name_vi,
      validToday: row.valid_today,
    },
  };
}

/** The device holding this credential, unless revoked. */
export async function findDeviceByCredentialHash(db: Db, credentialHash: string, today: string): Promise<DeviceRow | undefined> {
  const row = await selectDevices(db, today)
    .where('d.credential_hash', '=', credentialHash)
    .where('d.revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toDevice(row);
}

export async function findDevice(db: Db, id: string, today: string): Promise<DeviceRow | undefined> {
  const row = await selectDevices(db, today).where('d.id', '=', id).executeTakeFirst();
  return row && toDevice(row);
}

export interface NewDevice {
  id: string;
  unitId: number;
  name: string;
  surveyKey: string;
  idleSeconds: number;
  enrolCodeHash: string;
  enrolCodeExpiresAt: Date;
}

/** Inserts unless the id is taken (ids are short and random); returns whether it was written. */
export async function insertDeviceIfNew(db: Db, device: NewDevice): Promise<boolean> {
  const row = await db
    .insertInto('kiosk_devices')
    .values({
      id: device.id,
      unit_id: device.unitId,
      name: device.name,
      survey_key: device.surveyKey,
      idle_seconds: device.idleSeconds,
      enrol_code_hash: device.enrolCodeHash,
      enrol_code_expires_at: device.enrolCodeExpiresAt,
      credential_hash: null,
      enrolled_at: null,
      revoked_at: null,
      last_contact_at: null,
      queue_depth: null,
      dead_letters: null,
      app_version: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a device in use a new enrolment code (the previous one, if any, stops working). */
export async function setEnrolmentCode(db: Db, id: string, codeHash: string, expiresAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('kiosk_devices')
    .set({ enrol_code_hash: codeHash, enrol_code_expires_at: expiresAt })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Spends an enrolment code and sets the device's credential, in one statement: of two concurrent
 * exchanges of one code only one finds it (the other re-reads the row after the first commits).
 * Returns the device id, or undefined when the code is unknown, spent, expired or its device revoked.
 */
export async function exchangeEnrolmentCodeHash(db: Db, codeHash: string, credentialHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('kiosk_devices')
    .set({ credential_hash: credentialHash, enrol_code_hash: null, enrol_code_expires_at: null, enrolled_at: now })
    .where('enrol_code_hash', '=', codeHash)
    .where('enrol_code_expires_at', '>', now)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function recordHeartbeat(
  db: Db,
  id: string,
  beat: { at: Date; queueDepth: number; deadLetters: number | null; appVersion: string | null },
): Promise<void> {
  await db
    .updateTable('kiosk_devices')
    .set({ last_contact_at: beat.at, queue_depth: beat.queueDepth, dead_letters: beat.deadLetters, app_version: beat.appVersion })
    .where('id', '=', id)
    .execute();
}

/** Revokes a device in use: its credential and any open enrolment code stop working at once. */
export async function revokeDeviceRow(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('kiosk_devices')
    .set({ revoked_at: at, enrol_code_hash: null, enrol_code_expires_at: null })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface DeviceListing {
  id: string;
  name: string;
  unit: { code: string; nameVi: string; nameEn: string | null };
  surveyKey: string;
  idleSeconds: number;
  createdAt: Date;
  enrolledAt: Date | null;
  revokedAt: Date | null;
  /** An enrolment code is open until then (null: none, or spent). */
  enrolmentCodeExpiresAt: Date | null;
  lastContactAt: Date | null;
  queueDepth: number | null;
  deadLetters: number | null;
  appVersion: string | null;
}

/** The kiosks of some units (all kiosks without `unitIds`), by unit code, name and creation: never a secret. */
export async function listDeviceRows(db: Db, unitIds?: readonly number[]): Promise<DeviceListing[]> {
  if (unitIds?.length === 0) return [];
  let query = db
    .selectFrom('kiosk_devices as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.name',
      'u.code',
      'u.name_vi',
      'u.name_en',
      'd.survey_key',
      'd.idle_seconds',
      'd.created_at',
      'd.enrolled_at',
      'd.revoked_at',
      'd.enrol_code_expires_at',
      'd.last_contact_at',
      'd.queue_depth',
      'd.dead_letters',
      'd.app_version',
    ]);
  if (unitIds) query = query.where('d.unit_id', 'in', [...unitIds]);
  const rows = await query.orderBy('u.code').orderBy('d.name').orderBy('d.created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: { code: r.code, nameVi: r.name_vi, nameEn: r.name_en },
    surveyKey: r.survey_key,
    idleSeconds: r.idle_seconds,
    createdAt: r.created_at,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    enrolmentCodeExpiresAt: r.enrol_code_expires_at,
    lastContactAt: r.last_contact_at,
    queueDepth: r.queue_depth,
    deadLetters: r.dead_letters,
    appVersion: r.app_version,
  }));
}

/** The unit with this code valid on the date (codes are reused after mergers). */
export async function findUnitIdValidOn(db: Db, code: string, date: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi'])
    .where('code', '=', code)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}
