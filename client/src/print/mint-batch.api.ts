import type { MintBatchBody, MintedBatch } from '@sipas/server/api/tokens';
import { ApiRequestError, isApiError, NetworkError } from '../lib/api.ts';

/**
 * Mints one receipt link per dossier with the unit's API key (`Authorization: Bearer`), at most 100 per call.
 * The key is sent with this request only; nothing stores it.
 */
export async function mintBatch(apiKey: string, body: MintBatchBody, signal?: AbortSignal): Promise<MintedBatch> {
  let response: Response;
  try {
    response = await fetch('/api/tokens/batch', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiRequestError(response.status, isApiError(json) ? json : null);
  // No zod on the print pages (it would cost the entry's preload list, hence the /s/:unitCode budget, bytes):
  // the server checks this body against the zod `MintedBatch` before sending it.
  return json as MintedBatch;
}
