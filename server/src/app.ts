import type { PGlite } from '@electric-sql/pglite';
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { DEFAULT_RATE_LIMITS } from './config.ts';
import databasePlugin from './db/database.plugin.ts';
import { seedDemoData, wantsDemoData } from './demo/demo.seed.ts';
import { breakdownsRoutes } from './features/breakdowns/breakdowns.routes.ts';
import { commentsRoutes } from './features/comments/comments.routes.ts';
import { registerAuth } from './features/auth/auth.plugin.ts';
import { devicesRoutes, registerKioskServiceWorker } from './features/devices/devices.routes.ts';
import { exportsRoutes } from './features/exports/exports.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { managementRoutes } from './features/management/management.routes.ts';
import { seedProcedureCatalogue } from './features/procedures/procedures.seed.ts';
import { proceduresRoutes } from './features/procedures/procedures.routes.ts';
import { responsesRoutes } from './features/responses/responses.routes.ts';
import { rankingsRoutes } from './features/rankings/rankings.routes.ts';
import { reportsRoutes } from './features/reports/reports.routes.ts';
import { resultsRoutes } from './features/results/results.routes.ts';
import { loadSurveyCatalog } from './features/surveys/surveys.service.ts';
import { surveysRoutes } from './features/surveys/surveys.routes.ts';
import { tokensRoutes } from './features/tokens/tokens.routes.ts';
import { seedProvinces } from './features/units/units.seed.ts';
import { unitsRoutes } from './features/units/units.routes.ts';
import { registerClientApp } from './http/client-app.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerRateLimiting } from './http/rate-limit.ts';
import { vietnamDate } from './local-date.ts';

export interface AppDeps {
  /** An open embedded database to use instead of opening `config.database.dataDir`. */
  pglite?: PGlite;
  /** Where survey definition files are read from (tests use fixtures). */
  definitionsDir?: string;
}

/** Builds the whole application (API and web pages) without listening; tests use `app.inject`. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: 64 * 1024, // a response is a few KB; anything larger is not a response
    return503OnClosing: true,
    trustProxy: config.trustProxy ?? false, // the client IP for rate limits, behind a reverse proxy
    routerOptions: { maxParamLength: 512 }, // receipt tokens in /api/tokens/:token are about 110 characters (the default is 100)
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // JSON answers compressed for slow mobile networks; built assets are sent pre-compressed (client-app.ts).
  await app.register(fastifyCompress, { threshold: 1024 });

  try {
    await app.register(databasePlugin, { database: config.database, pglite: deps.pglite });
    const catalog = await loadSurveyCatalog(app.db, deps.definitionsDir);
    await seedProvinces(app.db);
    await seedProcedureCatalogue(app.db);
    if (wantsDemoData(config)) {
      const seeded = await seedDemoData(app.db, catalog, vietnamDate(new Date()));
      if (seeded > 0) app.log.info({ responses: seeded }, 'demo data seeded (set DEMO_DATA=off to start empty)');
    }

    await registerRateLimiting(app, config.rateLimits ?? DEFAULT_RATE_LIMITS);
    await registerAuth(app, { publicUrl: config.publicUrl ?? `http://localhost:${config.port}` });
    await app.register(healthRoutes, { prefix: '/api' });
    await app.register(surveysRoutes, { prefix: '/api', catalog });
    await app.register(unitsRoutes, { prefix: '/api' });
    await app.register(proceduresRoutes, { prefix: '/api' });
    await app.register(responsesRoutes, { prefix: '/api', catalog });
    await app.register(tokensRoutes, {
      prefix: '/api',
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      tokenValidDays: config.tokenValidDays,
      ledgerResealMinutes: config.tokenLedgerResealMinutes,
    });
    await app.register(resultsRoutes, { prefix: '/api', catalog });
    await app.register(rankingsRoutes, { prefix: '/api', catalog });
    await app.register(reportsRoutes, { prefix: '/api', catalog });
    await app.register(exportsRoutes, { prefix: '/api', catalog });
    await app.register(commentsRoutes, { prefix: '/api', catalog });
    await app.register(breakdownsRoutes, { prefix: '/api', catalog });
    await app.register(devicesRoutes, { prefix: '/api', catalog });
    await app.register(managementRoutes, { prefix: '/api', catalog, publicUrl: config.publicUrl ?? `http://localhost:${config.port}` });
    await registerKioskServiceWorker(app, config.clientDist);
    await registerClientApp(app, config.clientDist);
    return app;
  } catch (error) {
    await app.close(); // release the database even when start fails half-way
    throw error;
  }
}
