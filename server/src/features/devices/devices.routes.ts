import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EnrolBody,
  EnrolResult,
  HeartbeatBody,
  HeartbeatResult,
  KioskConfig,
  KioskResponseBody,
  KioskResponseResult,
} from '../../api/devices.schemas.ts';
import { clientIp, createLimiter } from '../../http/rate-limit.ts';
import type { SurveyCatalog } from '../surveys/survey-catalog.ts';
import { DeviceUnauthorizedError } from './devices.errors.ts';
import type { DeviceRow } from './devices.queries.ts';
import {
  authenticateDevice,
  deviceConfig,
  enrolDevice,
  recordDeviceHeartbeat,
  submitKioskResponse,
} from './devices.service.ts';
import { kioskAssetUrls, kioskServiceWorkerSource, type ManifestChunk } from './kiosk-service-worker.ts';

/** Enrolment attempts per minute per client IP: codes are 60 random bits, but guessing should still be slow. */
const ENROL_PER_MINUTE = 20;

/**
 * The kiosk API under /api/kiosk: `POST /enrol` exchanges a one-time code for a device credential;
 * the other routes need `Authorization: Device <credential>` and act for that device only.
 */
export const devicesRoutes: FastifyPluginAsyncZod<{ catalog: SurveyCatalog }> = async (app, { catalog }) => {
  const perIp = createLimiter(app, { max: ENROL_PER_MINUTE, timeWindowMs: 60_000 });
  const perDevice = createLimiter(app, { max: app.rateLimits.devicePerMinute, timeWindowMs: 60_000 });
  const devices = new WeakMap<FastifyRequest, DeviceRow>();

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      devices.set(request, await authenticateDevice(app.db, request.headers.authorization, new Date()));
    } catch (error) {
      if (error instanceof DeviceUnauthorizedError) reply.header('www-authenticate', 'Device realm="sipas-kiosk"');
      throw error;
    }
  };
  const deviceOf = (request: FastifyRequest): DeviceRow => {
    const device = devices.get(request);
    if (!device) throw new DeviceUnauthorizedError();
    return device;
  };

  app.post(
    '/kiosk/enrol',
    {
      schema: { body: EnrolBody, response: { 201: EnrolResult } },
      onRequest: (request, reply) => perIp(request, reply, `kiosk-enrol ${clientIp(request)}`),
    },
    async (request, reply) => {
      const enrolled = await enrolDevice(app.db, catalog, request.body.code, new Date());
      return reply.status(201).header('cache-control', 'no-store').send(enrolled);
    },
  );

  app.get('/kiosk/config', { schema: { response: { 200: KioskConfig } }, onRequest: authenticate }, async (request, reply) => {
    return reply.header('cache-control', 'no-store').send(deviceConfig(catalog, deviceOf(request)));
  });

  app.post(
    '/kiosk/responses',
    {
      schema: { body: KioskResponseBody, response: { 201: KioskResponseResult } },
      // Authenticated before the body is looked at; then the device's own limit (a backlog drains at this pace).
      onRequest: [authenticate, (request, reply) => perDevice(request, reply, `kiosk ${deviceOf(request).id}`)],
    },
    async (request, reply) => {
      const result = await submitKioskResponse(app.db, catalog, deviceOf(request), request.body, new Date());
      if (!result.created) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ id: result.id });
    },
  );

  app.post(
    '/kiosk/heartbeat',
    { schema: { body: HeartbeatBody, response: { 200: HeartbeatResult } }, onRequest: authenticate },
    async (request, reply) => {
      const at = await recordDeviceHeartbeat(app.db, deviceOf(request), request.body, new Date());
      return reply.header('cache-control', 'no-store').send({ receivedAt: at.toISOString() });
    },
  );
};

/**
 * `GET /kiosk-sw.js`: the kiosk's service worker (scope /kiosk), listing the assets of the client build
 * being served. Without a build (development with Vite) there is none: 404, and the kiosk works online only.
 */
export async function registerKioskServiceWorker(app: FastifyInstance, clientDist: string): Promise<void> {
  const source = readKioskServiceWorker(clientDist);
  if (!source) return;
  app.get('/kiosk-sw.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(source),
  );
}

function readKioskServiceWorker(clientDist: string): string | undefined {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(clientDist, '.vite', 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const urls = kioskAssetUrls(manifest);
  return urls && kioskServiceWorkerSource(urls);
}
