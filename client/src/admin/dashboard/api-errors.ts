import { ApiRequestError } from '../../lib/api.ts';

/** The unit is outside the signed-in account's subtree. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 403;
}
