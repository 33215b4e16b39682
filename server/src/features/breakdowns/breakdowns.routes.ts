import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BreakdownsQuery, BreakdownsResponse } from '../../api/breakdowns.schemas.ts';
import { vietnamDate } from '../../local-date.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import { resolveResponseScope } from '../exports/response-scope.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { getBreakdowns } from './breakdowns.service.ts';

export const breakdownsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.get('/breakdowns', { schema: { querystring: BreakdownsQuery, response: { 200: BreakdownsResponse } } }, async (request) => {
    const scope = await resolveResponseScope(app.db, catalog, request.query, { subtree: true, today: vietnamDate(new Date()) });
    await authorizeUnits(request, [scope.unit.id], 'read');
    return getBreakdowns(app.db, scope);
  });
};
