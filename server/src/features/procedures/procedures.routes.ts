import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Procedure, ProcedureListQuery, ProcedureListResponse, ProcedureParams } from '../../api/procedures.schemas.ts';
import { NotFoundError } from '../../http/errors.ts';
import { findProcedure, listProcedures } from './procedures.queries.ts';
import { searchPatterns } from './procedures.search.ts';

export const proceduresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/procedures',
    { schema: { querystring: ProcedureListQuery, response: { 200: ProcedureListResponse } } },
    async (request) => {
      const { q, field, limit, offset } = request.query;
      return listProcedures(app.db, { patterns: q ? searchPatterns(q) : [], field, limit, offset });
    },
  );

  app.get('/procedures/:code', { schema: { params: ProcedureParams, response: { 200: Procedure } } }, async (request) => {
    const procedure = await findProcedure(app.db, request.params.code);
    if (!procedure) throw new NotFoundError(`Unknown procedure ${request.params.code}`);
    return procedure;
  });
};
