import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, dossierTag, mintToken, peekKeyId, tokenExpiresOn, verifyToken, type ReceiptClaims } from './receipt-token.ts';

// The worked example of server/docs/receipt-tokens.md; its Python snippet prints the same token.
const SECRET = 'vW5nQ3hY8kLp2tR7sX0zB4mC6dF9gJ1aE3uI5oK7qN0';
const KEY_ID = 'cto92a';
const DOSSIER = '000.00.92.H11-250715-0001';
const EXAMPLE_TAG = 's41roIROQrR4';
const EXAMPLE_TOKEN =
  'MXxjdG85MmF8OTJ8MS4wMDExOTN8Y291bnRlcnwyMDI1LTA3LTE1fDYwfHM0MXJvSVJPUXJSNHxBQUVDQXdRRl2MPs9ED_DW9PIOvGcWr8s';
const claims: ReceiptClaims = {
  unit: '92',
  procedure: '1.001193',
  channel: 'counter',
  issuedOn: '2025-07-15',
  validDays: 60,
  dossierTag: EXAMPLE_TAG,
  nonce: 'AAECAwQF',
};
const lookup = (id: string) => (id === KEY_ID ? SECRET : undefined);
/** 12:00 in Vietnam on the issue day. */
const ISSUE_DAY_NOON = new Date('2025-07-15T05:00:00Z');

/** Signs any payload text the way format 1 does, to test what the parser makes of signed nonsense. */
function signRaw(payload: string, secret = SECRET): string {
  const bytes = Buffer.from(payload, 'utf8');
  const signature = createHmac('sha256', secret).update(bytes).digest().subarray(0, 16);
  return Buffer.concat([bytes, signature]).toString('base64url');
}
const fields = (over: Partial<Record<'v' | 'kid' | 'unit' | 'proc' | 'ch' | 'date' | 'days' | 'tag' | 'nonce', string>> = {}) =>
  [
    over.v ?? '1',
    over.kid ?? KEY_ID,
    over.unit ?? '92',
    over.proc ?? '1.001193',
    over.ch ?? 'counter',
    over.date ?? '2025-07-15',
    over.days ?? '60',
    over.tag ?? EXAMPLE_TAG,
    over.nonce ?? 'AAECAwQF',
  ].join('|');

describe('the worked example of the documentation', () => {
  it('gives the documented dossier tag and token', () => {
    expect(dossierTag(SECRET, DOSSIER)).toBe(EXAMPLE_TAG);
    expect(mintToken(SECRET, KEY_ID, { ...claims, dossierTag: dossierTag(SECRET, DOSSIER) })).toBe(EXAMPLE_TOKEN);
  });

  it('is the documented payload followed by 16 bytes of signature', () => {
    const bytes = Buffer.from(EXAMPLE_TOKEN, 'base64url');
    expect(bytes.subarray(0, -16).toString('ascii')).toBe('1|cto92a|92|1.001193|counter|2025-07-15|60|s41roIROQrR4|AAECAwQF');
    expect(EXAMPLE_TOKEN).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('is the example the documentation prints', () => {
    const doc = readFileSync(new URL('../../../docs/receipt-tokens.md', import.meta.url), 'utf8');
    for (const text of [SECRET, DOSSIER, EXAMPLE_TAG, EXAMPLE_TOKEN, `"${KEY_ID}"`, 'nonce="AAECAwQF"']) expect(doc).toContain(text);
  });

  it('verifies, expiring on 13/09/2025 (15/07 + 60 days)', () => {
    expect(verifyToken(EXAMPLE_TOKEN, lookup, ISSUE_DAY_NOON)).toEqual({ ok: true, keyId: KEY_ID, claims, expiresOn: '2025-09-13' });
  });
});

describe('verifyToken', () => {
  it.each([
    // Vietnam is UTC+7: its day starts at 17:00 UTC the day before.
    ['23:59:59 the evening before the issue day', '2025-07-14T16:59:59Z', 'not-yet-valid'],
    ['midnight starting the issue day', '2025-07-14T17:00:00Z', 'ok'],
    ['the last second of the expiry day', '2025-09-13T16:59:59Z', 'ok'],
    ['midnight after the expiry day', '2025-09-13T17:00:00Z', 'expired'],
    ['a year later', '2026-07-15T05:00:00Z', 'expired'],
    ['a year before', '2024-07-15T05:00:00Z', 'not-yet-valid'],
  ])('at %s (%s): %s', (_when, instant, expected) => {
    const result = verifyToken(EXAMPLE_TOKEN, lookup, new Date(instant));
    expect(result.ok ? 'ok' : result.error).toBe(expected);
  });

  const flipChar = (text: string, index: number) => {
    const chars = [...text];
    chars[index] = chars[index] === 'A' ? 'B' : 'A';
    return chars.join('');
  };
  const payloadWith = (from: string, to: string) => {
    const bytes = Buffer.from(EXAMPLE_TOKEN, 'base64url');
    const payload = bytes.subarray(0, -16).toString('ascii').replace(from, to);
    return Buffer.concat([Buffer.from(payload, 'ascii'), bytes.subarray(-16)]).toString('base64url');
  };

  it.each([
    // tampering with a signed token
    ['unit changed 92 → 01, signature kept', payloadWith('|92|', '|01|'), 'bad-signature'],
    ['validity stretched 60 → 99 days', payloadWith('|60|', '|99|'), 'bad-signature'],
    ['channel changed counter → online', payloadWith('|counter|', '|online|'), 'bad-signature'],
    ['procedure removed', payloadWith('|1.001193|', '||'), 'bad-signature'],
    ['issue date moved', payloadWith('2025-07-15', '2025-07-16'), 'bad-signature'],
    ['a signature character changed', flipChar(EXAMPLE_TOKEN, EXAMPLE_TOKEN.length - 5), 'bad-signature'],
    ['signed with another secret', mintToken('another-secret-of-the-same-length-xxxxxxxxxx', KEY_ID, claims), 'bad-signature'],
    ['signed with an unknown key id', signRaw(fields({ kid: 'ffff0000' })), 'unknown-key'],
    ['an expired date under a bad signature', payloadWith('2025-07-15', '2020-07-15'), 'bad-signature'],
    // not a token at all
    ['the empty string', '', 'malformed'],
    ['a character outside base64url', `${EXAMPLE_TOKEN.slice(0, -1)}+`, 'malformed'],
    ['padding', `${EXAMPLE_TOKEN}=`, 'malformed'],
    ['a dot (JWT-like)', `${EXAMPLE_TOKEN.slice(0, 40)}.${EXAMPLE_TOKEN.slice(40)}`, 'malformed'],
    ['the last character off canonical base64', `${EXAMPLE_TOKEN.slice(0, -1)}t`, 'malformed'],
    ['one character cut off', EXAMPLE_TOKEN.slice(0, -1), 'malformed'],
    ['only a signature', Buffer.alloc(16).toString('base64url'), 'malformed'],
    ['far too long', 'A'.repeat(401), 'malformed'],
    // signed, but not format 1
    ['version 2', signRaw(fields({ v: '2' })), 'malformed'],
    ['eight fields', signRaw(fields().split('|').slice(0, 8).join('|')), 'malformed'],
    ['ten fields', signRaw(`${fields()}|extra`), 'malformed'],
    ['a non-ASCII unit', signRaw(fields({ unit: 'Cần' })), 'malformed'],
    ['an empty unit', signRaw(fields({ unit: '' })), 'malformed'],
    ['an unknown channel', signRaw(fields({ ch: 'kiosk' })), 'malformed'],
    ['an impossible date', signRaw(fields({ date: '2025-02-29' })), 'malformed'],
    ['a date without dashes', signRaw(fields({ date: '20250715' })), 'malformed'],
    ['zero days', signRaw(fields({ days: '0' })), 'malformed'],
    ['367 days', signRaw(fields({ days: '367' })), 'malformed'],
    ['days with a leading zero', signRaw(fields({ days: '060' })), 'malformed'],
    ['negative days', signRaw(fields({ days: '-1' })), 'malformed'],
    ['a short dossier tag', signRaw(fields({ tag: 's41roIROQrR' })), 'malformed'],
    ['an empty nonce', signRaw(fields({ nonce: '' })), 'malformed'],
    ['a nonce with a space', signRaw(fields({ nonce: 'AA AA' })), 'malformed'],
    ['an empty key id', signRaw(fields({ kid: '' })), 'malformed'],
  ])('refuses %s: %s', (_case, token, error) => {
    expect(verifyToken(token, lookup, ISSUE_DAY_NOON)).toEqual({ ok: false, error });
  });

  it('accepts a token without a procedure and one made elsewhere with a longer nonce', () => {
    const withoutProcedure = signRaw(fields({ proc: '' }));
    expect(verifyToken(withoutProcedure, lookup, ISSUE_DAY_NOON)).toMatchObject({ ok: true, claims: { procedure: null } });
    const longNonce = signRaw(fields({ nonce: 'x'.repeat(22) }));
    expect(verifyToken(longNonce, lookup, ISSUE_DAY_NOON)).toMatchObject({ ok: true, claims: { nonce: 'x'.repeat(22) } });
  });

  it('looks the secret up by the key id the token names', () => {
    const asked: string[] = [];
    verifyToken(EXAMPLE_TOKEN, (id) => (asked.push(id), SECRET), ISSUE_DAY_NOON);
    expect(asked).toEqual([KEY_ID]);
    expect(peekKeyId(EXAMPLE_TOKEN)).toBe(KEY_ID);
    expect(peekKeyId('not a token')).toBeUndefined();
  });
});

describe('mintToken', () => {
  it('gives distinct tokens for distinct nonces, with the same dossier tag', () => {
    const a = mintToken(SECRET, KEY_ID, { ...claims, nonce: 'AAAAAAAA' });
    const b = mintToken(SECRET, KEY_ID, { ...claims, nonce: 'AAAAAAAB' });
    expect(a).not.toBe(b);
    const [ra, rb] = [verifyToken(a, lookup, ISSUE_DAY_NOON), verifyToken(b, lookup, ISSUE_DAY_NOON)];
    expect(ra.ok && rb.ok && ra.claims.dossierTag === rb.claims.dossierTag).toBe(true);
  });

  it.each([
    ['keyId', { keyId: 'has|pipe' }],
    ['keyId', { keyId: '' }],
    ['unit', { unit: '9 2' }],
    ['unit', { unit: 'a|b' }],
    ['procedure', { procedure: '' }],
    ['procedure', { procedure: '1.001193|x' }],
    ['channel', { channel: 'web' }],
    ['issuedOn', { issuedOn: '2025-13-01' }],
    ['validDays', { validDays: 0 }],
    ['validDays', { validDays: 1.5 }],
    ['validDays', { validDays: 367 }],
    ['dossierTag', { dossierTag: 'short' }],
    ['nonce', { nonce: 'x'.repeat(23) }],
  ])('refuses to mint what it would refuse to verify: bad %s', (field, change) => {
    const { keyId = KEY_ID, ...rest } = change as Partial<ReceiptClaims> & { keyId?: string };
    expect(() => mintToken(SECRET, keyId, { ...claims, ...rest } as ReceiptClaims)).toThrow(new RegExp(`cannot mint a receipt token: ${field}`));
  });
});

describe('dossierTag', () => {
  it.each([
    ['the same reference, the same secret', SECRET, DOSSIER, true],
    ['another reference', SECRET, '000.00.92.H11-250715-0002', false],
    ['the same reference under another key', 'another-secret', DOSSIER, false],
    ['a reference differing only in case', SECRET, DOSSIER.toLowerCase(), false],
  ])('%s: equal %s', (_case, secret, ref, equal) => {
    expect(dossierTag(secret, ref) === EXAMPLE_TAG).toBe(equal);
  });

  it('is 12 base64url characters and handles Vietnamese references (UTF-8)', () => {
    expect(dossierTag(SECRET, 'Hồ sơ số 1')).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(dossierTag(SECRET, 'Hồ sơ số 1')).not.toBe(dossierTag(SECRET, 'Ho so so 1'));
  });
});

describe('tokenExpiresOn and addDays', () => {
  it.each([
    ['2025-07-15', 60, '2025-09-13'],
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i days = %s', (issued, days, expected) => {
    expect(tokenExpiresOn(issued, days)).toBe(expected);
  });

  it('goes backwards too', () => {
    expect(addDays('2025-01-06', -7)).toBe('2024-12-30');
  });
});
