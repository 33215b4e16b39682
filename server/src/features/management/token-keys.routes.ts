import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreatedTokenKey, CreateTokenKeyBody, ManagedUnitQuery, RevokedTokenKey, TokenKeyList, TokenKeyParams } from '../../api/management.schemas.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import { createUnitTokenKey, listUnitTokenKeys, revokeUnitTokenKey } from './management.service.ts';

/** Administrators' receipt-token keys: list, create (secret and API key shown once), revoke; all need 'manage'. */
export const tokenKeysAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/admin/token-keys', { schema: { querystring: ManagedUnitQuery, response: { 200: TokenKeyList } } }, async (request, reply) => {
    const list = await listUnitTokenKeys(app.db, request.query.unit, new Date(), (ids) => authorizeUnits(request, ids, 'manage'));
    return reply.header('cache-control', 'no-store').send(list);
  });

  app.post('/admin/token-keys', { schema: { body: CreateTokenKeyBody, response: { 201: CreatedTokenKey } } }, async (request, reply) => {
    const created = await createUnitTokenKey(app.db, request.body, new Date(), (ids) => authorizeUnits(request, ids, 'manage'));
    return reply.status(201).header('cache-control', 'no-store').send(created);
  });

  app.post('/admin/token-keys/:keyId/revoke', { schema: { params: TokenKeyParams, response: { 200: RevokedTokenKey } } }, async (request) =>
    revokeUnitTokenKey(app.db, request.params.keyId, new Date(), (ids) => authorizeUnits(request, ids, 'manage')),
  );
};
