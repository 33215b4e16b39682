import { UnitListResponse } from '@sipas/server/api/units';
import { apiGet } from '../lib/api.ts';
import { useResource } from '../lib/use-resource.ts';

export function fetchUnits(signal?: AbortSignal): Promise<UnitListResponse> {
  return apiGet('/api/units', UnitListResponse, signal);
}

export function useUnits() {
  return useResource('units', fetchUnits);
}
