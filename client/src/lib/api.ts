import type { ApiError } from '@sipas/server/api/responses';

// The one fetch wrapper. The admin parses every response body with the server's own zod schema; the
// public questionnaire passes `checkedByServer()` instead, so that zod stays out of its bundle.
// This module must stay zod-free: the questionnaire imports it.

/** Anything with a zod-like `parse`. */
export type Schema<T> = { parse(input: unknown): T };

/**
 * For the public questionnaire only: takes the body as `T` without a runtime check. Use it only for
 * endpoints whose body the server has already checked against the zod schema of `T` (a response schema,
 * which fastify-type-provider-zod's serializer enforces, or a definition parsed when loaded).
 */
export function checkedByServer<T>(): Schema<T> {
  return { parse: (input) => input as T };
}

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
    throw new ApiRequestError(response.status, isApiError(json) ? json : null);
  }
  try {
    return schema.parse(json);
  } catch (error) {
    throw new InvalidResponseError(path, error);
  }
}

/** The error shape every 4xx uses; checked by hand because error bodies have no response schema. */
export function isApiError(json: unknown): json is ApiError {
  if (typeof json !== 'object' || json === null) return false;
  const body = json as Record<string, unknown>;
  return (
    typeof body.statusCode === 'number' &&
    typeof body.error === 'string' &&
    typeof body.message === 'string' &&
    (body.issues === undefined || (Array.isArray(body.issues) && body.issues.every(isIssue)))
  );
}

function isIssue(issue: unknown): boolean {
  if (typeof issue !== 'object' || issue === null) return false;
  const { path, message } = issue as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
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
