import { ApiRequestError, isApiError, NetworkError, type Schema } from '../lib/api.ts';
import { currentCsrfToken, setSignedOut } from './auth/session-store.ts';

// The admin pages' fetch: same-origin cookies, the session's CSRF token (header x-csrf-token) on every
// POST/PUT/PATCH/DELETE, and a 401 (session ended) sends the user to the sign-in page.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function adminFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (!SAFE_METHODS.has(method)) {
    const token = await currentCsrfToken();
    if (token) headers.set('x-csrf-token', token);
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (response.status === 401) setSignedOut();
  return response;
}

/** A JSON request through adminFetch; the answer parsed with the server's schema, a non-2xx thrown as ApiRequestError. */
export async function adminJson<T>(path: string, schema: Schema<T>, options: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? 'GET', signal: options.signal ?? null };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await adminFetch(path, init);
  const json = await readJsonBody(response);
  if (!response.ok) throw new ApiRequestError(response.status, isApiError(json) ? json : null);
  return schema.parse(json);
}

/** The parsed JSON body of an answer; null when it is empty or not JSON (a proxy's HTML error page). */
export async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
