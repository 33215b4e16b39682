import type { Unit } from '@sipas/server/api/units';
import { apiGet, checkedByServer, segment } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

export function fetchUnit(code: string, signal?: AbortSignal): Promise<Unit> {
  // No zod on the public route: the server checks this body against the zod `Unit` schema before sending it.
  return apiGet(`/api/units/${segment(code)}`, checkedByServer<Unit>(), signal);
}

export function useUnit(code: string) {
  return useResource(`unit:${code}`, (signal) => fetchUnit(code, signal));
}
