import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me, SignInBody } from '../../api/auth.schemas.ts';
import { clientIp, createLimiter } from '../../http/rate-limit.ts';
import { signIn, signOut } from './auth.service.ts';
import { requireSession, sessionIdOf } from './request-session.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, wantsSecureCookie } from './session-token.ts';

/** Sign-in attempts per minute from one address, whatever the login names (per name: see FAILURES_PER_LOGIN). */
export const SIGN_INS_PER_IP_PER_MINUTE = 30;

export interface AuthRoutesOptions {
  /** PUBLIC_URL: an https one makes the cookie Secure even when the request reached us over http. */
  publicUrl: string;
}

/** POST /auth/sign-in, POST /auth/sign-out, GET /auth/me. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { publicUrl }) => {
  const perIp = createLimiter(app, { max: SIGN_INS_PER_IP_PER_MINUTE, timeWindowMs: 60_000 });

  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: wantsSecureCookie(request.protocol, publicUrl),
    path: '/',
  });
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.post(
    '/auth/sign-in',
    {
      schema: { body: SignInBody, response: { 200: Me } },
      onRequest: (request, reply) => perIp(request, reply, `sign-in ${clientIp(request)}`),
    },
    async (request, reply) => {
      const { sessionId, me } = await signIn(app.db, request.body.login, request.body.password, new Date());
      noStore(reply).setCookie(SESSION_COOKIE, sessionId, { ...cookieOptions(request), maxAge: SESSION_ABSOLUTE_MS / 1000 });
      return me;
    },
  );

  app.post('/auth/sign-out', async (request, reply) => {
    const sessionId = sessionIdOf(request);
    if (sessionId) await signOut(app.db, sessionId);
    return noStore(reply).clearCookie(SESSION_COOKIE, cookieOptions(request)).status(204).send();
  });

  app.get('/auth/me', { schema: { response: { 200: Me } } }, async (request, reply) => {
    const session = await requireSession(request);
    noStore(reply);
    return { user: session.user, roles: session.assignments, csrfToken: session.csrfToken };
  });
};
