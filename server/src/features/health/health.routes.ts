import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../api/health.schemas.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { response: { 200: HealthResponse } } }, async () => {
    await sql`select 1`.execute(app.db); // healthy means the database answers too
    return { status: 'ok' as const, database: app.databaseKind };
  });
};
