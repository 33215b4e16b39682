import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitListResponse, UnitParams, Unit } from '../../api/units.schemas.ts';
import { NotFoundError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import { findUnitValidOn, listUnitsValidOn, toUnit } from './units.queries.ts';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/units', { schema: { response: { 200: UnitListResponse } } }, async () => {
    return { units: await listUnitsValidOn(app.db, vietnamDate(new Date())) };
  });

  app.get('/units/:code', { schema: { params: UnitParams, response: { 200: Unit } } }, async (request) => {
    const unit = await findUnitValidOn(app.db, request.params.code, vietnamDate(new Date()));
    if (!unit) throw new NotFoundError(`Unknown unit ${request.params.code}`);
    return toUnit(unit);
  });
};
