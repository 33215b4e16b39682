import { z } from 'zod';
import { UnitCode } from './units.schemas.ts';

export const Channel = z.enum(['web', 'kiosk', 'qr']);
export type Channel = z.infer<typeof Channel>;

/**
 * A submitted response. The envelope is checked here; the answers are checked
 * against the exact survey version by the definition's own rules.
 */
export const CreateResponseBody = z.strictObject({
  /** Client-generated id, so that a retried submission is recognised. */
  id: z.uuid().optional(),
  survey: z.string().min(1).max(64),
  version: z.number().int().positive(),
  unit: UnitCode,
  channel: Channel.default('web'),
  locale: z.enum(['vi', 'en']).default('vi'),
  answers: z.record(z.string(), z.unknown()),
});
export type CreateResponseBody = z.input<typeof CreateResponseBody>;

export const CreateResponseResult = z.object({ id: z.uuid() });
export type CreateResponseResult = z.infer<typeof CreateResponseResult>;

/** Every 4xx answers with this shape; `issues` names each bad field by path. */
export const ApiError = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
