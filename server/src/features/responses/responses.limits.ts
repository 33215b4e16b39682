import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientIp, createLimiter } from '../../http/rate-limit.ts';
import { receiptRateKey } from '../tokens/tokens.service.ts';

/** A kiosk names itself with this header (any stable id it chose, e.g. a UUID); it only ever tightens limits. */
export const DEVICE_HEADER = 'x-sipas-device';
const DEVICE_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

/**
 * The rate limits of POST /api/responses, as one preValidation hook (the body is parsed, not yet checked):
 * - a genuine receipt token: only its own limit (per dossier), so forty citizens with their receipts
 *   behind one NAT address are never limited by each other;
 * - anything else: the client IP's generous limit, plus the device's own limit when it names itself,
 *   plus a limit per IP and unit on the counter QR channel. A device id cannot lift the IP limit.
 */
export function responsesRateLimit(app: FastifyInstance) {
  const limits = app.rateLimits;
  const perToken = createLimiter(app, { max: limits.tokenPerMinute, timeWindowMs: 60_000 });
  const perIp = createLimiter(app, { max: limits.ipPerMinute, timeWindowMs: 60_000 });
  const perDevice = createLimiter(app, { max: limits.devicePerMinute, timeWindowMs: 60_000 });
  const perCounter = createLimiter(app, { max: limits.counterPerHour, timeWindowMs: 3_600_000 });

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    if (typeof body.token === 'string') {
      const tokenKey = await receiptRateKey(app.db, body.token, new Date());
      if (tokenKey) return perToken(request, reply, tokenKey);
    }
    const ip = clientIp(request);
    await perIp(request, reply, ip);
    const device = request.headers[DEVICE_HEADER];
    if (typeof device === 'string' && DEVICE_ID.test(device)) await perDevice(request, reply, device);
    if (body.channel === 'counter' && typeof body.unit === 'string') await perCounter(request, reply, `${ip} ${body.unit}`);
  };
}
