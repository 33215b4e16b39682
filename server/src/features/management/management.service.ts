import type { Kysely } from 'kysely';
import type {
  CreatedTokenKey,
  ImportKind,
  ImportReport,
  IssuedKioskCode,
  KioskDeviceList,
  ManagedUnit,
  RevokedKiosk,
  RevokedTokenKey,
  TokenKeyList,
} from '../../api/management.schemas.ts';
import type { Database } from '../../db/database.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import { createDevice, listDevices, reissueEnrolmentCode, revokeDevice, type IssuedEnrolment } from '../devices/devices.service.ts';
import { importProceduresCsv } from '../procedures/procedures-import.service.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { createTokenKey, revokeKey } from '../tokens/token-keys.service.ts';
import { findUnitByCodeOn } from '../tokens/tokens.queries.ts';
import { importUnitsCsv } from '../units/units-import.service.ts';
import { kioskStatus } from './kiosk-status.ts';
import {
  findKioskOwner,
  findTokenKeyOwner,
  listTokenKeysOfUnits,
  subtreeUnitIds,
  type UnitRef,
} from './management.queries.ts';

/** Throws 401/403 unless the caller may act on every unit given (ids); the routes pass authorizeUnits. */
export type AuthorizeUnits = (unitIds: readonly number[]) => Promise<void>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const managedUnit = (unit: UnitRef): ManagedUnit => ({ code: unit.code, nameVi: unit.nameVi, nameEn: unit.nameEn });

/** The unit named in a request, valid today; an unknown code is a bad `unit` field. */
async function requireUnit(db: Kysely<Database>, code: string, now: Date): Promise<UnitRef> {
  const today = vietnamDate(now);
  const unit = await findUnitByCodeOn(db, code, today);
  if (!unit) throw new BadRequestError(`Unknown unit ${code} (none valid on ${today})`, [{ path: 'unit', message: `unknown unit ${code}` }]);
  return unit;
}

/** Every kiosk of the unit's subtree, with what its last heartbeat said and its status now. */
export async function listKiosks(db: Kysely<Database>, unitCode: string, now: Date, authorize: AuthorizeUnits): Promise<KioskDeviceList> {
  const unit = await requireUnit(db, unitCode, now);
  await authorize([unit.id]);
  const rows = await listDevices(db, await subtreeUnitIds(db, unit.id));
  return {
    unit: managedUnit(unit),
    devices: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      enrolledAt: iso(row.enrolledAt),
      revokedAt: iso(row.revokedAt),
      enrolmentCodeExpiresAt: iso(row.enrolmentCodeExpiresAt),
      lastContactAt: iso(row.lastContactAt),
      status: kioskStatus(row, now),
    })),
  };
}

export interface EnrolKioskInput {
  unit: string;
  name: string;
  survey?: string | undefined;
  idleSeconds?: number | undefined;
  codeValidMinutes?: number | undefined;
}

/** A new kiosk for a unit, with its one-time enrolment code and the link to open on the tablet. */
export async function enrolKiosk(
  db: Kysely<Database>,
  catalog: SurveyCatalog,
  input: EnrolKioskInput,
  publicUrl: string,
  now: Date,
  authorize: AuthorizeUnits,
): Promise<IssuedKioskCode> {
  const unit = await requireUnit(db, input.unit, now);
  await authorize([unit.id]);
  const issued = await createDevice(
    db,
    catalog,
    { unitCode: unit.code, name: input.name, surveyKey: input.survey, idleSeconds: input.idleSeconds, codeValidMinutes: input.codeValidMinutes },
    now,
  );
  return issuedCode(issued, publicUrl);
}

/** A new code for a kiosk in use whose tablet was reset or replaced; the old credential stops at the exchange. */
export async function newKioskCode(
  db: Kysely<Database>,
  id: string,
  codeValidMinutes: number | undefined,
  publicUrl: string,
  now: Date,
  authorize: AuthorizeUnits,
): Promise<IssuedKioskCode> {
  await requireLiveKiosk(db, id, authorize);
  return issuedCode(await reissueEnrolmentCode(db, id, now, codeValidMinutes), publicUrl);
}

export async function revokeKiosk(db: Kysely<Database>, id: string, now: Date, authorize: AuthorizeUnits): Promise<RevokedKiosk> {
  await requireLiveKiosk(db, id, authorize);
  if (!(await revokeDevice(db, id, now))) throw new ConflictError(`Kiosk ${id} is already revoked`);
  return { id, revokedAt: now.toISOString() };
}

async function requireLiveKiosk(db: Kysely<Database>, id: string, authorize: AuthorizeUnits): Promise<void> {
  const owner = await findKioskOwner(db, id);
  if (!owner) throw new NotFoundError(`No kiosk ${id}`);
  await authorize([owner.unitId]);
  if (owner.revokedAt) throw new ConflictError(`Kiosk ${id} is already revoked`);
}

function issuedCode(issued: IssuedEnrolment, publicUrl: string): IssuedKioskCode {
  return { device: issued.device, code: issued.code, expiresAt: issued.expiresAt.toISOString(), url: `${publicUrl}${issued.path}` };
}

/** The receipt-token keys of the unit's subtree, never their secrets. */
export async function listUnitTokenKeys(db: Kysely<Database>, unitCode: string, now: Date, authorize: AuthorizeUnits): Promise<TokenKeyList> {
  const unit = await requireUnit(db, unitCode, now);
  await authorize([unit.id]);
  const rows = await listTokenKeysOfUnits(db, await subtreeUnitIds(db, unit.id));
  return {
    unit: managedUnit(unit),
    keys: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), revokedAt: iso(row.revokedAt) })),
  };
}

export async function createUnitTokenKey(
  db: Kysely<Database>,
  input: { unit: string; label?: string | undefined },
  now: Date,
  authorize: AuthorizeUnits,
): Promise<CreatedTokenKey> {
  const unit = await requireUnit(db, input.unit, now);
  await authorize([unit.id]);
  return createTokenKey(db, unit.code, vietnamDate(now), input.label ?? null);
}

export async function revokeUnitTokenKey(db: Kysely<Database>, keyId: string, now: Date, authorize: AuthorizeUnits): Promise<RevokedTokenKey> {
  const owner = await findTokenKeyOwner(db, keyId);
  if (!owner) throw new NotFoundError(`No receipt-token key ${keyId}`);
  await authorize([owner.unitId]);
  if (owner.revokedAt || !(await revokeKey(db, keyId, now))) throw new ConflictError(`Key ${keyId} is already revoked`);
  return { keyId, revokedAt: now.toISOString() };
}

const IMPORTERS = { units: importUnitsCsv, procedures: importProceduresCsv } as const;

/** Checks (dry run) or applies a CSV file; all rows or none, as the import commands do. */
export async function importCsv(db: Kysely<Database>, kind: ImportKind, csv: string, dryRun: boolean): Promise<ImportReport> {
  return IMPORTERS[kind](db, csv, { dryRun });
}
