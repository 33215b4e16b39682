import { z } from 'zod';
import { DeviceId, IdleSeconds } from './devices.schemas.ts';
import { UnitCode } from './units.schemas.ts';

// Administrators' management API (/api/admin/…): kiosk devices, receipt-token keys, CSV imports.
// Instants are ISO 8601 strings (UTC); the pages show them in Vietnam time.

const Instant = z.string();

/** The unit whose subtree a list covers (the unit with this code valid today, and every unit below it). */
export const ManagedUnitQuery = z.strictObject({ unit: UnitCode });
export type ManagedUnitQuery = z.infer<typeof ManagedUnitQuery>;

export const ManagedUnit = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string().nullable() });
export type ManagedUnit = z.infer<typeof ManagedUnit>;

/**
 * How a kiosk looks from its last heartbeat (one a minute): `ok` heard recently, `late` one or two
 * heartbeats missed, `silent` three or more; before its first heartbeat, where its enrolment stands.
 */
export const KioskStatus = z.enum(['awaiting-enrolment', 'enrolment-expired', 'never-seen', 'ok', 'late', 'silent', 'revoked']);
export type KioskStatus = z.infer<typeof KioskStatus>;

export const KioskDevice = z.object({
  id: z.string(),
  name: z.string(),
  unit: ManagedUnit,
  surveyKey: z.string(),
  idleSeconds: z.number().int(),
  createdAt: Instant,
  enrolledAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
  /** An unused enrolment code is open until then. */
  enrolmentCodeExpiresAt: Instant.nullable(),
  lastContactAt: Instant.nullable(),
  /** Responses waiting on the tablet at the last heartbeat. */
  queueDepth: z.number().int().nullable(),
  /** Responses the server refused for good (kept on the tablet). */
  deadLetters: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  status: KioskStatus,
});
export type KioskDevice = z.infer<typeof KioskDevice>;

export const KioskDeviceList = z.object({ unit: ManagedUnit, devices: z.array(KioskDevice) });
export type KioskDeviceList = z.infer<typeof KioskDeviceList>;

/** Minutes an enrolment code stays usable: long enough to walk to the counter. */
export const CodeValidMinutes = z.number().int().min(1).max(7 * 24 * 60);

export const EnrolKioskBody = z.strictObject({
  unit: UnitCode,
  /** The counter or place, as staff call it: "Quầy 1". */
  name: z.string().trim().min(1).max(100),
  survey: z.string().min(1).max(64).optional(),
  idleSeconds: IdleSeconds.optional(),
  codeValidMinutes: CodeValidMinutes.optional(),
});
export type EnrolKioskBody = z.input<typeof EnrolKioskBody>;

export const KioskParams = z.strictObject({ id: DeviceId });

/** Optional: a POST without a body gives a code valid for the default time. */
export const NewCodeBody = z.strictObject({ codeValidMinutes: CodeValidMinutes.optional() }).nullish();

/** Shown once: the code to type on the tablet, or the link to open there. */
export const IssuedKioskCode = z.object({
  device: z.object({ id: z.string(), name: z.string(), unitCode: z.string(), unitNameVi: z.string(), surveyKey: z.string(), idleSeconds: z.number().int() }),
  code: z.string(),
  expiresAt: Instant,
  /** `<PUBLIC_URL>/kiosk?enrol=<code>`. */
  url: z.string(),
});
export type IssuedKioskCode = z.infer<typeof IssuedKioskCode>;

export const RevokedKiosk = z.object({ id: z.string(), revokedAt: Instant });
export type RevokedKiosk = z.infer<typeof RevokedKiosk>;

export const TokenKey = z.object({
  keyId: z.string(),
  unit: ManagedUnit,
  label: z.string().nullable(),
  createdAt: Instant,
  revokedAt: Instant.nullable(),
});
export type TokenKey = z.infer<typeof TokenKey>;

export const TokenKeyList = z.object({ unit: ManagedUnit, keys: z.array(TokenKey) });
export type TokenKeyList = z.infer<typeof TokenKeyList>;

export const CreateTokenKeyBody = z.strictObject({
  unit: UnitCode,
  /** Which system holds it: "iGate Cần Thơ". */
  label: z.string().trim().min(1).max(100).optional(),
});
export type CreateTokenKeyBody = z.input<typeof CreateTokenKeyBody>;

/** Shown once: the server keeps the secret (to check signatures) but never sends it again, and only a hash of the API key. */
export const CreatedTokenKey = z.object({
  keyId: z.string(),
  unit: z.object({ code: z.string(), nameVi: z.string() }),
  secret: z.string(),
  apiKey: z.string(),
});
export type CreatedTokenKey = z.infer<typeof CreatedTokenKey>;

export const TokenKeyParams = z.strictObject({ keyId: z.string().regex(/^[0-9a-f]{8}$/, 'must be a key id') });

export const RevokedTokenKey = z.object({ keyId: z.string(), revokedAt: Instant });
export type RevokedTokenKey = z.infer<typeof RevokedTokenKey>;

export const ImportKind = z.enum(['units', 'procedures']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportParams = z.strictObject({ kind: ImportKind });

/** A dry run unless `dryRun=false`: checking first is the safe default. */
export const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') });

/** The file's text, as JSON `{ "csv": "…" }` or as the raw body with `Content-Type: text/csv`. */
export const ImportBody = z.preprocess(
  (body) => (typeof body === 'string' ? { csv: body } : body),
  z.strictObject({ csv: z.string().min(1, 'the file is empty') }),
);
export type ImportBody = z.input<typeof ImportBody>;

export const ImportError = z.object({
  /** 1-based line in the file (comment lines count). */
  line: z.number().int(),
  /** Header name of the bad value; null when the whole line is wrong. */
  column: z.string().nullable(),
  reason: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

/** What an import did, or in a dry run would do; nothing is stored when `errors` is not empty. */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportError),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A commit refused because of bad rows (422): the usual error body, with the report. */
export const ImportRefused = z.object({
  statusCode: z.literal(422),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  report: ImportReport,
});
export type ImportRefused = z.infer<typeof ImportRefused>;

/** Largest import file accepted by these routes only (the rest of the API keeps its small limit). */
export const IMPORT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
