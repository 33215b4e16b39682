import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SurveyKeyParams, SurveyListResponse, SurveyVersionParams } from '../../api/surveys.schemas.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { LoadedDefinition, SurveyCatalog } from './survey-catalog.ts';

export const surveysRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  app.get('/surveys', { schema: { response: { 200: SurveyListResponse } } }, async () => ({
    surveys: catalog.all().map(({ definition, hash }) => ({
      key: definition.key,
      version: definition.version,
      status: definition.status,
      title: definition.title,
      hash,
    })),
  }));

  app.get('/surveys/:key', { schema: { params: SurveyKeyParams } }, async (request, reply) => {
    const found = catalog.latestPublished(request.params.key);
    if (!found) throw new NotFoundError(`No published survey ${request.params.key}`);
    // The latest version may change when a new one is published: revalidate each time.
    return sendDefinition(found, reply.header('cache-control', 'no-cache'), request.headers['if-none-match']);
  });

  app.get('/surveys/:key/versions/:version', { schema: { params: SurveyVersionParams } }, async (request, reply) => {
    const found = catalog.get(request.params.key, request.params.version);
    if (!found) throw new NotFoundError(`No survey ${request.params.key} version ${request.params.version}`);
    // A version is immutable, so its content may be cached for a long time.
    return sendDefinition(found, reply.header('cache-control', 'public, max-age=86400'), request.headers['if-none-match']);
  });
};

function sendDefinition(
  found: LoadedDefinition,
  reply: import('fastify').FastifyReply,
  ifNoneMatch: string | undefined,
) {
  const etag = `"${found.hash}"`;
  reply.header('etag', etag);
  if (ifNoneMatch === etag) return reply.status(304).send();
  return reply.send(found.definition);
}
