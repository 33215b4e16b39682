import { Unit } from '@sipas/server/api/units';
import { apiGet, segment } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

export function fetchUnit(code: string, signal?: AbortSignal): Promise<Unit> {
  return apiGet(`/api/units/${segment(code)}`, Unit, signal);
}

export function useUnit(code: string) {
  return useResource(`unit:${code}`, (signal) => fetchUnit(code, signal));
}
