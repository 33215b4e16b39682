import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateUserBody, ResetPasswordBody, SetRolesBody, UserListResponse, UserParams, UserSummary, UserWithPassword } from '../../api/users.schemas.ts';
import { createAccount, disableUser, enableUser, listUsers, resetPassword, setRoles } from './accounts.service.ts';
import { BadRequestError } from '../../http/errors.ts';
import { authorizeSystemAdmin } from './authorize.ts';
import { requireSession } from './request-session.ts';

/** Users and roles, for system administrators only. Generated passwords are answered once, never stored in clear. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    await authorizeSystemAdmin(request);
  });

  app.get('/users', { schema: { response: { 200: UserListResponse } } }, async () => ({ users: await listUsers(app.db) }));

  app.post('/users', { schema: { body: CreateUserBody, response: { 201: UserWithPassword } } }, async (request, reply) =>
    reply.status(201).send(await createAccount(app.db, request.body, new Date())),
  );

  app.post('/users/:id/disable', { schema: { params: UserParams, response: { 200: UserSummary } } }, async (request) => {
    // So the last system administrator cannot lock everyone out by mistake.
    if ((await requireSession(request)).user.id === request.params.id) {
      throw new BadRequestError('You cannot disable your own account', [{ path: 'id', message: 'is your own account' }]);
    }
    return disableUser(app.db, request.params.id, new Date());
  });

  app.post(
    '/users/:id/password',
    { schema: { params: UserParams, body: ResetPasswordBody, response: { 200: UserWithPassword } } },
    async (request) => resetPassword(app.db, request.params.id, request.body.password),
  );

  app.post('/users/:id/enable', { schema: { params: UserParams, response: { 200: UserSummary } } }, async (request) =>
    enableUser(app.db, request.params.id),
  );

  app.put('/users/:id/roles', { schema: { params: UserParams, body: SetRolesBody, response: { 200: UserSummary } } }, async (request) => {
    // Like disabling oneself: a system administrator must not take their own right to manage users away.
    const own = (await requireSession(request)).user.id === request.params.id;
    if (own && !request.body.roles.some((r) => r.role === 'system-admin')) {
      throw new BadRequestError('You cannot remove your own system administrator role', [{ path: 'roles', message: 'would remove your own system administrator role' }]);
    }
    return setRoles(app.db, request.params.id, request.body.roles, new Date());
  });
};
