import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EnrolKioskBody, IssuedKioskCode, KioskDeviceList, KioskParams, ManagedUnitQuery, NewCodeBody, RevokedKiosk } from '../../api/management.schemas.ts';
import { authorizeUnits } from '../auth/authorize.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { enrolKiosk, listKiosks, newKioskCode, revokeKiosk } from './management.service.ts';

/** Administrators' kiosk pages: list a subtree's kiosks (read), enrol, give a new code, revoke (manage). */
export const kiosksAdminRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog; publicUrl: string }> = async (app, { catalog, publicUrl }) => {
  app.get('/admin/kiosks', { schema: { querystring: ManagedUnitQuery, response: { 200: KioskDeviceList } } }, async (request, reply) => {
    const list = await listKiosks(app.db, request.query.unit, new Date(), (ids) => authorizeUnits(request, ids, 'read'));
    return reply.header('cache-control', 'no-store').send(list);
  });

  app.post('/admin/kiosks', { schema: { body: EnrolKioskBody, response: { 201: IssuedKioskCode } } }, async (request, reply) => {
    const issued = await enrolKiosk(app.db, catalog, request.body, publicUrl, new Date(), (ids) => authorizeUnits(request, ids, 'manage'));
    return reply.status(201).header('cache-control', 'no-store').send(issued);
  });

  app.post(
    '/admin/kiosks/:id/code',
    { schema: { params: KioskParams, body: NewCodeBody, response: { 201: IssuedKioskCode } } },
    async (request, reply) => {
      const minutes = request.body?.codeValidMinutes;
      const issued = await newKioskCode(app.db, request.params.id, minutes, publicUrl, new Date(), (ids) => authorizeUnits(request, ids, 'manage'));
      return reply.status(201).header('cache-control', 'no-store').send(issued);
    },
  );

  app.post('/admin/kiosks/:id/revoke', { schema: { params: KioskParams, response: { 200: RevokedKiosk } } }, async (request) =>
    revokeKiosk(app.db, request.params.id, new Date(), (ids) => authorizeUnits(request, ids, 'manage')),
  );
};
