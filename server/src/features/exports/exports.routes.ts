import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RawResponsesExportQuery } from '../../api/exports.schemas.ts';
import { csvDownloadHeaders } from '../../http/csv.ts';
import { vietnamDate } from '../../local-date.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { rawExportFileName, rawResponsesCsv } from './raw-export.service.ts';
import { resolveResponseScope } from './response-scope.ts';

/** Raw responses as CSV (layout: server/docs/exports.md), streamed batch by batch. */
export const exportsRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.get('/exports/responses.csv', { schema: { querystring: RawResponsesExportQuery } }, async (request, reply) => {
    const { subtree } = request.query;
    const scope = await resolveResponseScope(app.db, catalog, request.query, { subtree, today: vietnamDate(new Date()) });
    await authorizeUnits(request, [scope.unit.id], 'read');
    reply.headers(csvDownloadHeaders(rawExportFileName(scope, subtree)));
    return reply.send(Readable.from(rawResponsesCsv(app.db, scope)));
  });
};
