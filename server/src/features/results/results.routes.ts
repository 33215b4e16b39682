import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ResultsQuery, ResultsResponse, TrendQuery, TrendResponse } from '../../api/results.schemas.ts';
import { vietnamDate } from '../../local-date.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { getUnitResults, getUnitTrend, type ResultsContext } from './results.service.ts';

export const resultsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  const context = (request: FastifyRequest): ResultsContext => ({
    db: app.db,
    catalog,
    today: vietnamDate(new Date()),
    authorize: (unitId) => authorizeUnits(request, [unitId], 'read'),
  });

  app.get('/results', { schema: { querystring: ResultsQuery, response: { 200: ResultsResponse } } }, async (request) =>
    getUnitResults(context(request), request.query),
  );

  app.get('/results/trend', { schema: { querystring: TrendQuery, response: { 200: TrendResponse } } }, async (request) =>
    getUnitTrend(context(request), request.query),
  );
};
