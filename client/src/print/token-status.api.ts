import type { TokenStatus } from '@sipas/server/api/tokens';
import { apiGet, checkedByServer, segment } from '../lib/api.ts';

/** What a minted link says about itself: here, the names of the unit whose key signed it. */
export function fetchTokenStatus(token: string, signal?: AbortSignal): Promise<TokenStatus> {
  // No zod on the print pages: the server checks this body against the zod `TokenStatus` before sending it.
  return apiGet(`/api/tokens/${segment(token)}`, checkedByServer<TokenStatus>(), signal);
}
