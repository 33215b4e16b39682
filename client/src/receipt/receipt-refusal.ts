import { ApiRequestError } from '../lib/api.ts';

/** Why a receipt link cannot be answered (server/docs/receipt-tokens.md, "A refused token"). */
export type Refusal = 'invalid' | 'not-yet-valid' | 'expired' | 'revoked' | 'used';

/**
 * The refusal behind an error of `GET /api/tokens/:token` or of a submission with the token, or null when
 * the error says nothing about the token (offline, busy server, rate limit): those deserve a retry instead.
 */
export function tokenRefusal(error: unknown): Refusal | null {
  if (!(error instanceof ApiRequestError)) return null;
  const reason = error.body?.issues?.find((issue) => issue.path === 'token')?.message;
  switch (error.status) {
    case 400:
      // Malformed, unknown key, bad signature, wrong unit, or a path the route itself refuses: all "not valid".
      return reason === 'not-yet-valid' ? 'not-yet-valid' : 'invalid';
    case 410:
      return reason === 'revoked' ? 'revoked' : 'expired';
    case 409:
      return reason === 'used' ? 'used' : null;
    default:
      return null;
  }
}

/** Where the questionnaire keeps a receipt's unfinished answers: per token, never mixed with the unit's open link. */
export function receiptScope(token: string): string {
  return `r:${token}`;
}
