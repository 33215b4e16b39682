import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PositionQuery, PositionResponse, RankingsQuery, RankingsResponse } from '../../api/rankings.schemas.ts';
import { vietnamDate } from '../../local-date.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { getPosition, getRankings } from './rankings.service.ts';

export const rankingsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.get('/rankings', { schema: { querystring: RankingsQuery, response: { 200: RankingsResponse } } }, async (request) =>
    getRankings(app.db, catalog, request.query, vietnamDate(new Date()), (ids) => authorizeUnits(request, ids, 'read')),
  );

  app.get('/rankings/position', { schema: { querystring: PositionQuery, response: { 200: PositionResponse } } }, async (request) =>
    getPosition(app.db, catalog, request.query, vietnamDate(new Date()), (ids) => authorizeUnits(request, ids, 'read')),
  );
};
