import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimits } from '../config.ts';
import { HttpError } from './errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The configured limits, for features that build their own limiters. */
    rateLimits: RateLimits;
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      `Quá nhiều lượt gửi, vui lòng thử lại sau ${retryAfterSeconds} giây / Too many requests; try again in ${retryAfterSeconds} s`,
    );
  }
}

/**
 * Counts one hit on `key` and refuses past `max` per window with 429 and Retry-After. Limiters are
 * called explicitly, so a route can combine several (per IP, per device, per token) and choose the key
 * from the body, which @fastify/rate-limit's one-limit-per-route hook cannot do.
 */
export type Limiter = (request: FastifyRequest, reply: FastifyReply, key: string) => Promise<void>;

/** Registers @fastify/rate-limit without any global limit; features create limiters with `createLimiter`. */
export async function registerRateLimiting(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });
  app.decorate('rateLimits', limits);
}

export function createLimiter(app: FastifyInstance, options: { max: number; timeWindowMs: number }): Limiter {
  const keys = new WeakMap<FastifyRequest, string>();
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.timeWindowMs,
    keyGenerator: (request) => keys.get(request) ?? clientIp(request),
  });
  return async (request, reply, key) => {
    keys.set(request, key);
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', String(result.ttlInSeconds));
    throw new TooManyRequestsError(result.ttlInSeconds);
  };
}

/** The client address (X-Forwarded-For only from trusted proxies, see TRUST_PROXY); IPv6 by /64 prefix. */
export function clientIp(request: FastifyRequest): string {
  return normalizeIP(request.ip);
}
