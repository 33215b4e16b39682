import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built client on the same port as the API. Hashed assets are cached for a year;
 * index.html is revalidated so a new release shows at once. Unknown non-API GETs get index.html
 * (client-side routes such as /s/92 and /admin); unknown API paths get a JSON 404.
 */
export async function registerClientApp(app: FastifyInstance, clientDist: string): Promise<void> {
  const hasClient = fs.existsSync(path.join(clientDist, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDist,
      wildcard: false,
      index: false,
      preCompressed: true, // the build writes .br and .gz next to each asset
      setHeaders: (reply, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn({ clientDist }, 'client build not found: run `npm run build` to serve the web pages');
  }

  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' && !pathOnly.startsWith('/api/') && !path.extname(pathOnly);
    if (isPage && hasClient) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${pathOnly}` });
  });
}
