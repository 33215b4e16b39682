import { z } from 'zod';
import { ProcedureCode, ReceiptToken, TokenChannel } from './tokens.schemas.ts';
import { UnitCode } from './units.schemas.ts';

/**
 * Where a response comes from: `web` an open link, `kiosk` a tablet at the one-stop counter, `qr` a QR code
 * without more context; `counter`, `online`, `post` how the dossier was filed (from a receipt token, or
 * `counter` from the unit's permanent counter QR).
 */
export const Channel = z.enum(['web', 'kiosk', 'qr', ...TokenChannel.options]);
export type Channel = z.infer<typeof Channel>;

/**
 * A submitted response. The envelope is checked here; the answers are checked
 * against the exact survey version by the definition's own rules.
 * With a receipt `token`, the unit, procedure and channel come from the token: `unit`, `procedure` and
 * `channel` may be left out, and when given must agree with it.
 */
export const CreateResponseBody = z
  .strictObject({
    /** Client-generated id, so that a retried submission is recognised; required with a token or on a kiosk. */
    id: z.uuid().optional(),
    /** The receipt token of the link `/r/<token>`: answers once per dossier. */
    token: ReceiptToken.optional(),
    survey: z.string().min(1).max(64),
    version: z.number().int().positive(),
    /** Required unless a token is given. */
    unit: UnitCode.optional(),
    /** National procedure code (e.g. `1.001193`), when known. */
    procedure: ProcedureCode.optional(),
    /** Defaults to the token's channel, else `web`. */
    channel: Channel.optional(),
    locale: z.enum(['vi', 'en']).default('vi'),
    answers: z.record(z.string(), z.unknown()),
  })
  .superRefine((body, ctx) => {
    if (body.token === undefined && body.unit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'required (unless a receipt token is given)' });
    }
    // A token answers once: without an id, a retry after a lost answer would look like a second response.
    if ((body.token !== undefined || body.channel === 'kiosk') && body.id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'required with a receipt token or on a kiosk, so that a retry is recognised' });
    }
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
