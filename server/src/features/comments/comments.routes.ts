import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CommentsQuery, CommentsResponse } from '../../api/comments.schemas.ts';
import { vietnamDate } from '../../local-date.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import { resolveResponseScope } from '../exports/response-scope.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { getComments } from './comments.service.ts';

export const commentsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.get('/comments', { schema: { querystring: CommentsQuery, response: { 200: CommentsResponse } } }, async (request) => {
    const scope = await resolveResponseScope(app.db, catalog, request.query, { subtree: true, today: vietnamDate(new Date()) });
    await authorizeUnits(request, [scope.unit.id], 'read');
    return getComments(app.db, scope, request.query);
  });
};
