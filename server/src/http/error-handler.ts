import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { HttpError } from './errors.ts';

interface Issue {
  path: string;
  message: string;
}

/** One place that maps failures to `{ statusCode, error, message, issues? }` and hides 5xx details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: Issue[] = error.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean).join('.') || (error.validationContext ?? 'body'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(body(400, describe(issues), issues));
    }
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(body(error.statusCode, error.message, error.issues));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const issues = error.code?.startsWith('FST_ERR_CTP') ? [{ path: 'body', message: error.message }] : undefined;
      return reply.status(status).send(body(status, error.message, issues));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body(500, 'Internal server error'));
  });
}

function describe(issues: Issue[]): string {
  return `Invalid request: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`;
}

function body(statusCode: number, message: string, issues?: Issue[]) {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...(issues ? { issues } : {}) };
}
