import { describe, expect, it } from 'vitest';
import { ApiRequestError, NetworkError } from '../lib/api.ts';
import { receiptScope, tokenRefusal, type Refusal } from './receipt-refusal.ts';

const apiError = (status: number, reason?: string, path = 'token') =>
  new ApiRequestError(status, {
    statusCode: status,
    error: 'x',
    message: 'x',
    ...(reason === undefined ? {} : { issues: [{ path, message: reason }] }),
  });

describe('tokenRefusal', () => {
  // Statuses and reasons from the table "A refused token" in server/docs/receipt-tokens.md.
  it.each<[string, unknown, Refusal | null]>([
    ['malformed', apiError(400, 'malformed'), 'invalid'],
    ['unknown key', apiError(400, 'unknown-key'), 'invalid'],
    ['forged signature', apiError(400, 'bad-signature'), 'invalid'],
    ['another unit’s key', apiError(400, 'wrong-unit'), 'invalid'],
    ['refused by the route schema', apiError(400, 'must be a receipt token'), 'invalid'],
    ['a 400 without issues', apiError(400), 'invalid'],
    ['not valid yet', apiError(400, 'not-yet-valid'), 'not-yet-valid'],
    ['expired', apiError(410, 'expired'), 'expired'],
    ['revoked key', apiError(410, 'revoked'), 'revoked'],
    ['a 410 without issues', apiError(410), 'expired'],
    ['spent on submit', apiError(409, 'used'), 'used'],
    // The same response id stored with other content: the response is in, not a refusal.
    ['id conflict', apiError(409), null],
    ['rate limited', apiError(429), null],
    ['server error', apiError(500), null],
    ['offline', new NetworkError(new TypeError('Failed to fetch')), null],
    ['anything else', new Error('boom'), null],
  ])('%s', (_, error, expected) => {
    expect(tokenRefusal(error)).toBe(expected);
  });
});

describe('receiptScope', () => {
  it('cannot collide with a unit code, which never holds a colon', () => {
    expect(receiptScope('MXxjdG85MmF8')).toBe('r:MXxjdG85MmF8');
  });
});
