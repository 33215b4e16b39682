import type { TokenStatus } from '@sipas/server/api/tokens';
import { apiGet, checkedByServer, segment } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

/** Whose survey a receipt link is and whether it was used; 400 (not valid) or 410 (expired, withdrawn) otherwise. */
export function fetchTokenStatus(token: string, signal?: AbortSignal): Promise<TokenStatus> {
  // No zod on a citizen's page: the server checks this body against the zod `TokenStatus` before sending it.
  return apiGet(`/api/tokens/${segment(token)}`, checkedByServer<TokenStatus>(), signal);
}

export function useTokenStatus(token: string) {
  return useResource(`token:${token}`, (signal) => fetchTokenStatus(token, signal));
}
