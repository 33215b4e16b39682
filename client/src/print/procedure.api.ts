import type { Procedure } from '@sipas/server/api/procedures';
import { apiGet, checkedByServer, segment } from '../lib/api.ts';

/** One procedure of the catalogue by its national code; 404 when unknown, 400 when not a code. */
export function fetchProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  // No zod on the print pages: the server checks this body against the zod `Procedure` before sending it.
  return apiGet(`/api/procedures/${segment(code)}`, checkedByServer<Procedure>(), signal);
}
