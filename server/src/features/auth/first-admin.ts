import type { FastifyInstance } from 'fastify';
import { createFirstAdmin } from './accounts.service.ts';

/**
 * The embedded default only: on the first start (no account yet) creates `admin` with a random password and
 * prints it to standard output, this once; later starts print nothing. A server database gets its first
 * administrator from `npm run admin:create` instead.
 */
export async function announceFirstAdmin(app: FastifyInstance, print: (text: string) => void = (text) => process.stdout.write(text)): Promise<void> {
  const first = await createFirstAdmin(app.db, new Date());
  if (!first) return;
  print(`
================================================================
  First administrator created (shown only this once):
    login     ${first.login}
    password  ${first.password}
  Sign in at /admin/sign-in, then create named accounts and
  disable this one, or keep the password somewhere safe.
================================================================
`);
}
