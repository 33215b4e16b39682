import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  UnitChildrenResponse,
  UnitDateQuery,
  UnitLineageResponse,
  UnitListQuery,
  UnitListResponse,
  UnitParams,
  Unit,
} from '../../api/units.schemas.ts';
import { NotFoundError } from '../../http/errors.ts';
import { permittedUnitIds } from '../auth/authorize.ts';
import { vietnamDate } from '../../local-date.ts';
import { findUnitValidOn, toUnit } from './units.queries.ts';
import { getUnitChildren, getUnitLineage, listUnits } from './units.service.ts';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The list carries response counts: administrators only, each seeing the units they may read.
  app.get('/units', { schema: { querystring: UnitListQuery, response: { 200: UnitListResponse } } }, async (request) => {
    const permitted = await permittedUnitIds(request, 'read');
    return { units: await listUnits(app.db, request.query, vietnamDate(new Date()), permitted) };
  });

  app.get('/units/:code', { schema: { params: UnitParams, response: { 200: Unit } } }, async (request) => {
    const unit = await findUnitValidOn(app.db, request.params.code, vietnamDate(new Date()));
    if (!unit) throw new NotFoundError(`Unknown unit ${request.params.code}`);
    return toUnit(unit);
  });

  app.get(
    '/units/:code/children',
    { schema: { params: UnitParams, querystring: UnitDateQuery, response: { 200: UnitChildrenResponse } } },
    async (request) => getUnitChildren(app.db, request.params.code, request.query.on, vietnamDate(new Date())),
  );

  app.get(
    '/units/:code/lineage',
    { schema: { params: UnitParams, querystring: UnitDateQuery, response: { 200: UnitLineageResponse } } },
    async (request) => getUnitLineage(app.db, request.params.code, request.query.on, vietnamDate(new Date())),
  );
};
