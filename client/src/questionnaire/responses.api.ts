import type { CreateResponseBody, CreateResponseResult } from '@sipas/server/api/responses';
import { apiPost, checkedByServer } from '../lib/api.ts';

/** Posts one response. The caller keeps `body.id` across retries so that the server stores it once. */
export function submitResponse(body: CreateResponseBody, signal?: AbortSignal): Promise<CreateResponseResult> {
  // No zod on the public route: the server checks this body against the zod `CreateResponseResult` before sending it.
  return apiPost('/api/responses', body, checkedByServer<CreateResponseResult>(), signal);
}
