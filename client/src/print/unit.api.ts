import type { Unit } from '@sipas/server/api/units';
import { apiGet, checkedByServer, segment } from '../lib/api.ts';

export function fetchUnit(code: string, signal?: AbortSignal): Promise<Unit> {
  // No zod on the print pages: the server checks this body against the zod `Unit` before sending it.
  return apiGet(`/api/units/${segment(code)}`, checkedByServer<Unit>(), signal);
}
