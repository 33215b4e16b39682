import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ResultsQuery, ResultsResponse } from '../../api/results.schemas.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { getUnitResults } from './results.service.ts';

export const resultsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.get('/results', { schema: { querystring: ResultsQuery, response: { 200: ResultsResponse } } }, async (request) =>
    getUnitResults(app.db, catalog, request.query, new Date()),
  );
};
