import { ApiError } from '@sipas/server/api/responses';

// The one fetch wrapper: every response body is parsed with the server's own zod schema.

/** Anything with a zod-like `parse`; keeps this module free of a direct zod import. */
export type Schema<T> = { parse(input: unknown): T };

/** The server answered with a non-2xx status. `body` is the parsed error shape when the server sent one. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError | null;
  constructor(status: number, body: ApiError | null) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.body = body;
  }
}

/** No answer at all (offline, DNS, connection reset): safe to retry. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

/** A 2xx whose body does not match the contract. */
export class InvalidResponseError extends Error {
  constructor(path: string, cause: unknown) {
    super(`Unexpected response from ${path}`, { cause });
    this.name = 'InvalidResponseError';
  }
}

type RequestOptions = { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal };

export async function apiRequest<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: { Accept: 'application/json' },
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error);
  }

  const json = await readJson(response);
  if (!response.ok) {
    const parsed = ApiError.safeParse(json);
    throw new ApiRequestError(response.status, parsed.success ? parsed.data : null);
  }
  try {
    return schema.parse(json);
  } catch (error) {
    throw new InvalidResponseError(path, error);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function apiGet<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return apiRequest(path, schema, { method: 'GET', ...(signal ? { signal } : {}) });
}

export function apiPost<T>(path: string, body: unknown, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return apiRequest(path, schema, { method: 'POST', body, ...(signal ? { signal } : {}) });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404;
}

/** Encodes one path segment (unit codes come from the URL). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
