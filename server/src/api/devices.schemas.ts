import { z } from 'zod';
import { ProcedureCode } from './tokens.schemas.ts';

/** Seconds without a touch before a kiosk clears the screen for the next respondent. */
export const IdleSeconds = z.number().int().min(3).max(3600);

/** A device id as `kiosk:list` prints it and `kiosk:revoke` takes it. */
export const DeviceId = z.string().regex(/^[a-z0-9]{6,32}$/, 'must be a device id');

/**
 * The one-time enrolment code, as printed (`ABCD-EFGH-JKMN`) or typed: letters and digits of Crockford's
 * base 32; case, spaces and dashes are ignored (see normalizeEnrolmentCode).
 */
export const EnrolmentCode = z.string().min(8).max(40).regex(/^[0-9A-Za-z -]+$/, 'must be an enrolment code');

export const EnrolBody = z.strictObject({ code: EnrolmentCode });
export type EnrolBody = z.infer<typeof EnrolBody>;

export const KioskConfig = z.object({
  device: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string().nullable(), fullNameVi: z.string() }),
  /** The latest published version of the device's survey, at the time of asking. */
  survey: z.object({ key: z.string(), version: z.number().int() }),
  idleSeconds: IdleSeconds,
});
export type KioskConfig = z.infer<typeof KioskConfig>;

/** Sent once: the device keeps the credential (the server keeps only its sha256) and uses it as `Authorization: Device <credential>`. */
export const EnrolResult = z.object({ credential: z.string(), config: KioskConfig });
export type EnrolResult = z.infer<typeof EnrolResult>;

/**
 * A response from a kiosk: the body of `POST /api/responses` without `unit`, `channel` and `token` (the
 * device's unit and the channel `kiosk` are stamped by the server), and with `id` required, so that a
 * queued response delivered twice is stored once.
 */
export const KioskResponseBody = z.strictObject({
  id: z.uuid(),
  survey: z.string().min(1).max(64),
  version: z.number().int().positive(),
  procedure: ProcedureCode.optional(),
  locale: z.enum(['vi', 'en']).default('vi'),
  answers: z.record(z.string(), z.unknown()),
});
export type KioskResponseBody = z.input<typeof KioskResponseBody>;

export const KioskResponseResult = z.object({ id: z.uuid() });
export type KioskResponseResult = z.infer<typeof KioskResponseResult>;

export const HeartbeatBody = z.strictObject({
  /** Responses waiting on the device for delivery. */
  queueDepth: z.number().int().min(0).max(10_000_000),
  /** Responses the server refused for good (kept on the device, not retried). */
  deadLetters: z.number().int().min(0).max(10_000_000).optional(),
  /** The build the kiosk runs, to spot a tablet stuck on an old release. */
  appVersion: z.string().max(64).optional(),
});
export type HeartbeatBody = z.infer<typeof HeartbeatBody>;

export const HeartbeatResult = z.object({ receivedAt: z.string() });
export type HeartbeatResult = z.infer<typeof HeartbeatResult>;
