import type { EnrolResult, HeartbeatBody, HeartbeatResult, KioskConfig } from '@sipas/server/api/devices';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { ApiRequestError, apiGet, checkedByServer, isApiError, NetworkError, segment } from '../lib/api.ts';
import type { OutboxItem, SendOutcome } from './outbox.ts';

// The kiosk API (/api/kiosk) with the device credential. No zod at run time: the server checks every
// answer against the zod schemas of @sipas/server/api/devices before sending it.

async function kioskFetch(path: string, credential: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (credential !== null) headers.Authorization = `Device ${credential}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      cache: 'no-store',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
}

async function json<T>(response: Response): Promise<T> {
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiRequestError(response.status, isApiError(parsed) ? parsed : null);
  return parsed as T;
}

/** Exchanges the one-time code from `/kiosk?enrol=<code>` for the device credential and configuration. */
export async function enrolKiosk(code: string): Promise<EnrolResult> {
  return json(await kioskFetch('/api/kiosk/enrol', null, { code }));
}

export async function fetchKioskConfig(credential: string): Promise<KioskConfig> {
  return json(await kioskFetch('/api/kiosk/config', credential));
}

export async function sendHeartbeat(credential: string, beat: HeartbeatBody): Promise<HeartbeatResult> {
  return json(await kioskFetch('/api/kiosk/heartbeat', credential, beat));
}

/** One delivery attempt; never throws: the outbox decides from the outcome. */
export async function sendQueuedResponse(credential: string, item: OutboxItem): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await kioskFetch('/api/kiosk/responses', credential, item.body);
  } catch {
    return { status: 'network' };
  }
  const body: unknown = await response.json().catch(() => null);
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    status: response.status,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    ...(isApiError(body) ? { message: body.message } : {}),
  };
}

/** An exact survey version (immutable, so it is cached on the device for offline starts). */
export function fetchSurveyVersion(key: string, version: number): Promise<SurveyDefinition> {
  // No zod on the kiosk: the server parsed every definition with the SurveyDefinition schema at load.
  return apiGet(`/api/surveys/${segment(key)}/versions/${version}`, checkedByServer<SurveyDefinition>());
}
