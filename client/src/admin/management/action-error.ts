import { ApiRequestError, NetworkError } from '../../lib/api.ts';
import { commonStrings, type Dictionary } from '../../lib/i18n.ts';
import { managementStrings } from './management.strings.ts';

type T<K extends string> = (key: K, params?: Record<string, string | number>) => string;
type ManagementKey = typeof managementStrings extends Dictionary<infer K> ? K : never;
type CommonKey = typeof commonStrings extends Dictionary<infer K> ? K : never;

/** What to tell the administrator when an action failed: the server's own message names the bad field. */
export function actionErrorText(error: unknown, t: T<ManagementKey>, tc: T<CommonKey>): string {
  if (error instanceof NetworkError) return tc('networkError');
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return t('signedOut');
    if (error.status === 403) return t('forbidden');
    if (error.body && error.status < 500) return t('requestFailed', { message: error.body.message });
  }
  return tc('loadError');
}
