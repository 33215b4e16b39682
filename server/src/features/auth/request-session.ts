import type { FastifyRequest } from 'fastify';
import { resolveSession, type SessionUser } from './auth.service.ts';
import { NotSignedInError } from './auth.errors.ts';
import { SESSION_COOKIE } from './session-token.ts';

// One lookup per request, however many checks ask for it.
const sessions = new WeakMap<FastifyRequest, Promise<SessionUser | null>>();

/** The session the request's cookie names, if alive; null otherwise. */
export function sessionOf(request: FastifyRequest): Promise<SessionUser | null> {
  let session = sessions.get(request);
  if (!session) {
    const sessionId = sessionIdOf(request);
    session = sessionId ? resolveSession(request.server.db, sessionId, new Date()) : Promise.resolve(null);
    sessions.set(request, session);
  }
  return session;
}

export async function requireSession(request: FastifyRequest): Promise<SessionUser> {
  const session = await sessionOf(request);
  if (!session) throw new NotSignedInError();
  return session;
}

export function sessionIdOf(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  return value && value.length <= 128 ? value : undefined;
}
