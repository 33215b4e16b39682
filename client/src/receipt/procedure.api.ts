import type { Procedure } from '@sipas/server/api/procedures';
import { apiGet, checkedByServer, segment } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

export function fetchProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  // No zod on a citizen's page: the server checks this body against the zod `Procedure` before sending it.
  return apiGet(`/api/procedures/${segment(code)}`, checkedByServer<Procedure>(), signal);
}

/** The procedure named by a receipt, or null when it names none. */
export function useProcedure(code: string | null) {
  return useResource(`procedure:${code ?? ''}`, (signal) => (code ? fetchProcedure(code, signal) : Promise.resolve(null)));
}
