import {
  CreatedTokenKey,
  ImportRefused,
  ImportReport,
  IssuedKioskCode,
  KioskDeviceList,
  RevokedKiosk,
  RevokedTokenKey,
  TokenKeyList,
  type CreateTokenKeyBody,
  type EnrolKioskBody,
  type ImportKind,
} from '@sipas/server/api/management';
import { ApiRequestError, isApiError, type Schema } from '../../lib/api.ts';
import { useResource } from '../../lib/use-resource.ts';
import { adminFetch, adminJson, readJsonBody } from '../admin-fetch.ts';

/**
 * Every state-changing request of the management pages goes through here (adminFetch sends the session's
 * CSRF token) and the answer is parsed with the server's schema. A 4xx throws ApiRequestError; its `body` keeps
 * the whole error (a refused import carries its report).
 */
export async function managementPost<T>(path: string, schema: Schema<T>, body?: { json: unknown } | { csv: string }): Promise<T> {
  const init: RequestInit = { method: 'POST' };
  if (body && 'json' in body) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body.json);
  } else if (body) {
    init.headers = { 'content-type': 'text/csv; charset=utf-8' };
    init.body = body.csv;
  }
  const response = await adminFetch(path, init);
  const json = await readJsonBody(response);
  if (!response.ok) throw new ManagementRequestError(response.status, json);
  return schema.parse(json);
}

/** A refused request; `raw` is the whole JSON body (ApiRequestError keeps only the usual fields). */
export class ManagementRequestError extends ApiRequestError {
  readonly raw: unknown;
  constructor(status: number, raw: unknown) {
    super(status, isApiError(raw) ? raw : null);
    this.raw = raw;
  }
}

const query = (unit: string) => `?unit=${encodeURIComponent(unit)}`;

export function useKiosks(unit: string) {
  return useResource(`kiosks ${unit}`, (signal) => adminJson(`/api/admin/kiosks${query(unit)}`, KioskDeviceList, { signal }));
}

export function enrolKiosk(body: EnrolKioskBody): Promise<IssuedKioskCode> {
  return managementPost('/api/admin/kiosks', IssuedKioskCode, { json: body });
}

export function newKioskCode(id: string): Promise<IssuedKioskCode> {
  return managementPost(`/api/admin/kiosks/${encodeURIComponent(id)}/code`, IssuedKioskCode);
}

export function revokeKiosk(id: string): Promise<RevokedKiosk> {
  return managementPost(`/api/admin/kiosks/${encodeURIComponent(id)}/revoke`, RevokedKiosk);
}

export function useTokenKeys(unit: string) {
  return useResource(`token-keys ${unit}`, (signal) => adminJson(`/api/admin/token-keys${query(unit)}`, TokenKeyList, { signal }));
}

export function createTokenKey(body: CreateTokenKeyBody): Promise<CreatedTokenKey> {
  return managementPost('/api/admin/token-keys', CreatedTokenKey, { json: body });
}

export function revokeTokenKey(keyId: string): Promise<RevokedTokenKey> {
  return managementPost(`/api/admin/token-keys/${encodeURIComponent(keyId)}/revoke`, RevokedTokenKey);
}

/** A dry run or a commit; a commit refused for bad rows comes back as its report, like a dry run. */
export async function importCsv(kind: ImportKind, csv: string, dryRun: boolean): Promise<ImportReport> {
  try {
    return await managementPost(`/api/admin/imports/${kind}?dryRun=${dryRun}`, ImportReport, { csv });
  } catch (error) {
    if (error instanceof ManagementRequestError && error.status === 422) return ImportRefused.parse(error.raw).report;
    throw error;
  }
}
