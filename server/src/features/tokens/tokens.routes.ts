import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MintBatchBody, MintedBatch, MintedToken, MintTokenBody, TokenParams, TokenStatus } from '../../api/tokens.schemas.ts';
import { UnitParams } from '../../api/units.schemas.ts';
import { DEFAULT_TOKEN_VALID_DAYS } from '../../config.ts';
import { clientIp, createLimiter } from '../../http/rate-limit.ts';
import { vietnamDate } from '../../local-date.ts';
import { UnauthorizedError } from './tokens.errors.ts';
import { requireKnownProcedure } from '../procedures/procedure-check.ts';
import { authenticateUnitKey, counterQrSvg, getTokenStatus, mintBatch, mintForKey, resealSpentLedger } from './tokens.service.ts';

export interface TokensRoutesOptions {
  /** Base of the links given to citizens, without a trailing slash. */
  publicUrl: string;
  /** Default validity of a minted token, in days after its issue date. */
  tokenValidDays?: number;
  /** How often the ledger of spent dossiers is rewritten (see resealSpentLedger); 0: never. */
  ledgerResealMinutes?: number;
}

/** Receipt tokens (mint, batch, status) and the counter QR poster of a unit. */
export const tokensRoutes: FastifyPluginAsyncZod<TokensRoutesOptions> = async (app, options) => {
  const validDays = options.tokenValidDays ?? DEFAULT_TOKEN_VALID_DAYS;
  const perIp = createLimiter(app, { max: app.rateLimits.ipPerMinute, timeWindowMs: 60_000 });

  const authenticate = async (authorization: string | undefined, reply: FastifyReply) => {
    try {
      return await authenticateUnitKey(app.db, authorization);
    } catch (error) {
      if (error instanceof UnauthorizedError) reply.header('www-authenticate', 'Bearer realm="sipas"');
      throw error;
    }
  };

  app.post(
    '/tokens',
    { schema: { body: MintTokenBody, response: { 201: MintedToken } } },
    async (request, reply) => {
      const key = await authenticate(request.headers.authorization, reply);
      const { validDays: days = validDays, ...input } = request.body;
      await requireKnownProcedure(app.db, input.procedure);
      return reply.status(201).send(mintForKey(key, { ...input, validDays: days }, new Date(), options.publicUrl));
    },
  );

  app.post(
    '/tokens/batch',
    { schema: { body: MintBatchBody, response: { 201: MintedBatch } } },
    async (request, reply) => {
      const key = await authenticate(request.headers.authorization, reply);
      const { validDays: days = validDays, ...input } = request.body;
      await requireKnownProcedure(app.db, input.procedure);
      return reply.status(201).send(await mintBatch(key, { ...input, validDays: days }, new Date(), options.publicUrl));
    },
  );

  app.get(
    '/tokens/:token',
    {
      schema: { params: TokenParams, response: { 200: TokenStatus } },
      preHandler: (request, reply) => perIp(request, reply, clientIp(request)),
    },
    async (request, reply) => {
      const status = await getTokenStatus(app.db, request.params.token, new Date());
      return reply.header('cache-control', 'no-store').send(status);
    },
  );

  app.get(
    '/units/:code/counter-qr.svg',
    {
      schema: { params: UnitParams },
      preHandler: (request, reply) => perIp(request, reply, clientIp(request)),
    },
    async (request, reply) => {
      const svg = await counterQrSvg(app.db, request.params.code, vietnamDate(new Date()), options.publicUrl);
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(svg);
    },
  );

  scheduleLedgerReseal(app, options.ledgerResealMinutes ?? 60);
};

/** Rewrites recent ledger rows at start and then periodically, so none keeps its response's transaction id for long. */
function scheduleLedgerReseal(app: FastifyInstance, minutes: number): void {
  if (minutes <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const reseal = (scope: 'recent' | 'all') => {
    running = resealSpentLedger(app.db, new Date(), scope).catch((err: unknown) =>
      app.log.error({ err }, 'resealing the spent-token ledger failed'),
    );
    return running;
  };
  app.addHook('onReady', async () => {
    await reseal('all');
    timer = setInterval(() => reseal('recent'), minutes * 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running; // never close the database under a running rewrite
  });
}
