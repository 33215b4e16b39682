import { CreateResponseResult, type CreateResponseBody } from '@sipas/server/api/responses';
import { apiPost } from '../lib/api.ts';

/** Posts one response. The caller keeps `body.id` across retries so that the server stores it once. */
export function submitResponse(body: CreateResponseBody, signal?: AbortSignal): Promise<CreateResponseResult> {
  return apiPost('/api/responses', body, CreateResponseResult, signal);
}
