import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Pure helpers of the session cookie and its CSRF token (no I/O beyond the random source).

export const SESSION_COOKIE = 'sipas_session';
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** A new session id: 256 random bits, URL-safe, the only copy being the browser's cookie. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a session id. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/**
 * The session's CSRF token (synchronizer pattern): derived from the session id, so it lives and dies with
 * the session, needs no column, and cannot be computed from what the database stores (the id's hash).
 */
export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`csrf:${sessionId}`).digest('base64url');
}

/** Compares two secrets in time independent of where they differ. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a session is still alive at `now`: neither idle too long nor past its absolute end. */
export function isSessionAlive(session: { lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now.getTime() < session.expiresAt.getTime() && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}

/**
 * The cookie's Secure flag: on when the request came over https (directly or, with TRUST_PROXY, through a
 * proxy) or the public URL is https; off only for plain-http development, where a Secure cookie would be dropped.
 */
export function wantsSecureCookie(requestProtocol: string, publicUrl: string): boolean {
  return requestProtocol === 'https' || publicUrl.startsWith('https:');
}
