import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateResponseBody, CreateResponseResult } from '../../api/responses.schemas.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { responsesRateLimit } from './responses.limits.ts';
import { submitResponse } from './responses.service.ts';

export const responsesRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.post(
    '/responses',
    {
      schema: { body: CreateResponseBody, response: { 201: CreateResponseResult } },
      preValidation: responsesRateLimit(app),
    },
    async (request, reply) => {
      // Answers only after the transaction committed (submitResponse awaits it).
      const result = await submitResponse(app.db, catalog, request.body, new Date());
      // A retry gets the original answer: same status and id, so clients need no special case.
      if (!result.created) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ id: result.id });
    },
  );
};
