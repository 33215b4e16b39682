import { describe, expect, it } from 'vitest';
import {
  csrfTokenFor,
  hashSessionId,
  isSessionAlive,
  newSessionId,
  secretsEqual,
  SESSION_IDLE_MS,
  wantsSecureCookie,
} from './session-token.ts';

const signedIn = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(signedIn.getTime() + minutes * 60_000);

describe('session ids and CSRF tokens', () => {
  it('makes 256-bit URL-safe ids, never twice the same', () => {
    const ids = new Set(Array.from({ length: 100 }, newSessionId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores the sha256 of the id, and derives a CSRF token that is neither the id nor its hash', () => {
    // sha256("abc"), the FIPS 180-2 example.
    expect(hashSessionId('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const id = newSessionId();
    expect(csrfTokenFor(id)).toBe(csrfTokenFor(id));
    expect(csrfTokenFor(id)).not.toBe(csrfTokenFor(newSessionId()));
    expect([id, hashSessionId(id)]).not.toContain(csrfTokenFor(id));
  });

  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', 'abc', false],
  ])('compares %j with %j: %s', (given, expected, equal) => {
    expect(secretsEqual(given, expected)).toBe(equal);
  });
});

describe('session lifetime (idle 2 h, absolute 12 h)', () => {
  const expiresAt = at(12 * 60);
  it.each([
    ['just signed in', at(0), at(1), true],
    ['seen 119 min ago', at(0), at(119), true],
    ['seen exactly 120 min ago', at(0), at(SESSION_IDLE_MS / 60_000), false],
    ['active, 1 min before the absolute end', at(11 * 60 + 58), at(11 * 60 + 59), true],
    ['active, at the absolute end', at(11 * 60 + 59), at(12 * 60), false],
  ])('%s: alive %s', (_, lastSeenAt, now, alive) => {
    expect(isSessionAlive({ lastSeenAt, expiresAt }, now)).toBe(alive);
  });
});

describe('the Secure flag of the cookie', () => {
  it.each([
    ['http', 'http://localhost:3000', false],
    ['https', 'http://localhost:3000', true],
    ['http', 'https://sipas.cantho.gov.vn', true],
    ['https', 'https://sipas.cantho.gov.vn', true],
  ])('request over %s with PUBLIC_URL %s: %s', (protocol, publicUrl, secure) => {
    expect(wantsSecureCookie(protocol, publicUrl)).toBe(secure);
  });
});
