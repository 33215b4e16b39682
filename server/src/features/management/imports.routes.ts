import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_BODY_LIMIT_BYTES, ImportBody, ImportParams, ImportQuery, ImportRefused, ImportReport } from '../../api/management.schemas.ts';
import { authorizeSystemAdmin } from '../auth/authorize.ts';
import { importCsv } from './management.service.ts';

/**
 * `POST /admin/imports/units|procedures[?dryRun=false]`: the CSV import of the commands, for system
 * administrators. A dry run (the default) answers 200 with the report, bad rows included; a commit with
 * bad rows stores nothing and answers 422 with the same report.
 */
export const importsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only inside this plugin: the rest of the API keeps refusing text/csv bodies.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/admin/imports/:kind',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      // Before the body is read: nobody else gets to upload 5 MB.
      onRequest: (request) => authorizeSystemAdmin(request),
      schema: { params: ImportParams, querystring: ImportQuery, body: ImportBody, response: { 200: ImportReport, 422: ImportRefused } },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === 'true';
      const report = await importCsv(app.db, request.params.kind, request.body.csv, dryRun);
      if (dryRun || report.errors.length === 0) return reply.send(report);
      const count = report.errors.length;
      return reply.status(422).send({
        statusCode: 422 as const,
        error: 'Unprocessable Entity',
        message: `${count} error${count === 1 ? '' : 's'} in the file; nothing stored`,
        issues: report.errors.map((e) => ({ path: 'csv', message: `line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.reason}` })),
        report,
      });
    },
  );
};
