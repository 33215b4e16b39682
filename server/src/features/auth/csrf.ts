import type { FastifyRequest } from 'fastify';
import { CsrfError } from './auth.errors.ts';
import { sessionOf } from './request-session.ts';
import { secretsEqual } from './session-token.ts';

export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * State-changing routes for citizens, kiosks and one-stop systems: they never act through the session
 * cookie (a browser of a signed-in administrator still sends it, e.g. when answering the questionnaire).
 * Any other POST/PUT/PATCH/DELETE under /api needs the session's CSRF token.
 */
const PUBLIC_ROUTES = new Set([
  '/api/auth/sign-in',
  '/api/responses',
  '/api/tokens',
  '/api/tokens/batch',
  '/api/kiosk/enrol',
  '/api/kiosk/responses',
  '/api/kiosk/heartbeat',
]);

/**
 * onRequest check: a state-changing admin request made with a live session must carry its CSRF token in
 * `x-csrf-token`. Without a live session it goes on, and the route's authorization answers 401.
 */
export async function checkCsrf(request: FastifyRequest): Promise<void> {
  if (!STATE_CHANGING.has(request.method)) return;
  const route = request.routeOptions.url ?? request.url.split('?')[0]!;
  if (!route.startsWith('/api/') || PUBLIC_ROUTES.has(route)) return;
  const session = await sessionOf(request);
  if (!session) return;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !secretsEqual(given, session.csrfToken)) throw new CsrfError();
}
