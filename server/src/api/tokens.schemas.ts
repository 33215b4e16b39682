import { z } from 'zod';

/** How the dossier reached the unit; a receipt token carries it and stamps the response with it. */
export const TokenChannel = z.enum(['counter', 'online', 'post']);
export type TokenChannel = z.infer<typeof TokenChannel>;

/** A national procedure code (e.g. `1.001193`), kept as text: the procedure registry checks it later. */
export const ProcedureCode = z.string().regex(/^[0-9A-Za-z._-]{1,32}$/, 'must be a procedure code');

/** A receipt token as it appears in `/r/<token>`: base64url, no padding. */
export const ReceiptToken = z.string().regex(/^[A-Za-z0-9_-]{24,400}$/, 'must be a receipt token');

/** The one-stop system's own reference of the dossier (mã hồ sơ); never stored, only its keyed hash. */
export const DossierRef = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

export const ValidDays = z.number().int().min(1).max(366);

export const MintTokenBody = z.strictObject({
  dossierRef: DossierRef,
  procedure: ProcedureCode.optional(),
  channel: TokenChannel.default('counter'),
  /** Days after the issue date during which the link works (default: the server's TOKEN_VALID_DAYS). */
  validDays: ValidDays.optional(),
});
export type MintTokenBody = z.input<typeof MintTokenBody>;

export const MintedToken = z.object({
  token: ReceiptToken,
  /** The absolute link to print or send: `<PUBLIC_URL>/r/<token>`. */
  url: z.string(),
  /** The last Vietnam local date (YYYY-MM-DD) on which the link is accepted. */
  expiresOn: z.string(),
});
export type MintedToken = z.infer<typeof MintedToken>;

export const MintBatchBody = z.strictObject({
  dossierRefs: z.array(DossierRef).min(1).max(100),
  procedure: ProcedureCode.optional(),
  channel: TokenChannel.default('counter'),
  validDays: ValidDays.optional(),
});
export type MintBatchBody = z.input<typeof MintBatchBody>;

export const MintedBatch = z.object({
  tokens: z.array(
    MintedToken.extend({
      dossierRef: z.string(),
      /** The link as a QR code, a standalone SVG document. */
      qrSvg: z.string(),
    }),
  ),
});
export type MintedBatch = z.infer<typeof MintedBatch>;

export const TokenParams = z.object({ token: ReceiptToken });

/** What the questionnaire page needs before a citizen starts: whose survey it is and whether it is spent. */
export const TokenStatus = z.object({
  unit: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string().nullable() }),
  procedure: z.string().nullable(),
  channel: TokenChannel,
  expiresOn: z.string(),
  used: z.boolean(),
});
export type TokenStatus = z.infer<typeof TokenStatus>;
