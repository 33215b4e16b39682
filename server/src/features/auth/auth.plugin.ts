import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth.routes.ts';
import { checkCsrf } from './csrf.ts';
import { usersRoutes } from './users.routes.ts';

/**
 * Sign-in, sessions and the CSRF check for the whole application; call before registering the other
 * routes so the check covers them all.
 */
export async function registerAuth(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  await app.register(fastifyCookie);
  app.addHook('onRequest', checkCsrf);
  await app.register(authRoutes, { prefix: '/api', publicUrl: options.publicUrl });
  await app.register(usersRoutes, { prefix: '/api' });
}
