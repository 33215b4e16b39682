import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RankingsQuery } from '../../api/rankings.schemas.ts';
import { AnalysisQuery, AnalysisResponse, ScoresExportQuery } from '../../api/reports.schemas.ts';
import { csvDownloadHeaders, toCsv } from '../../http/csv.ts';
import { vietnamDate } from '../../local-date.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { exportRankings, exportScores, getAnalysis, type CsvExport } from './reports.service.ts';

export const reportsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  const sendCsv = (file: CsvExport) => ({ headers: csvDownloadHeaders(file.fileName), body: toCsv(file.header, file.rows) });

  app.get('/reports/analysis', { schema: { querystring: AnalysisQuery, response: { 200: AnalysisResponse } } }, async (request) =>
    getAnalysis(app.db, catalog, request.query, vietnamDate(new Date()), (ids) => authorizeUnits(request, ids, 'read')),
  );

  app.get('/exports/rankings.csv', { schema: { querystring: RankingsQuery } }, async (request, reply) => {
    const csv = sendCsv(await exportRankings(app.db, catalog, request.query, vietnamDate(new Date()), (ids) => authorizeUnits(request, ids, 'read')));
    return reply.headers(csv.headers).send(csv.body);
  });

  app.get('/exports/scores.csv', { schema: { querystring: ScoresExportQuery } }, async (request, reply) => {
    const csv = sendCsv(await exportScores(app.db, catalog, request.query, vietnamDate(new Date()), (ids) => authorizeUnits(request, ids, 'read')));
    return reply.headers(csv.headers).send(csv.body);
  });
};
