import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { importsAdminRoutes } from './imports.routes.ts';
import { kiosksAdminRoutes } from './kiosks.routes.ts';
import { tokenKeysAdminRoutes } from './token-keys.routes.ts';

export interface ManagementRoutesOptions {
  catalog: SurveyCatalog;
  /** Base of the kiosk enrolment link, without a trailing slash. */
  publicUrl: string;
}

/** The management API under /api/admin: kiosks, receipt-token keys, unit and procedure imports. */
export const managementRoutes: FastifyPluginAsyncZod<ManagementRoutesOptions> = async (app, { catalog, publicUrl }) => {
  await app.register(kiosksAdminRoutes, { catalog, publicUrl });
  await app.register(tokenKeysAdminRoutes);
  await app.register(importsAdminRoutes);
};
