import { useTranslate } from '../../lib/locale-context.tsx';
import { authStrings } from './auth.strings.ts';
import { useSession } from './session-store.ts';

export const USERS_PATH = '/users';

/** The "users" entry of the admin navigation, for system administrators only; shaped like its other links. */
export function useUsersNavLinks(location: string) {
  const t = useTranslate(authStrings);
  const session = useSession();
  const isSystemAdmin = session.status === 'signed-in' && session.me.roles.some((role) => role.role === 'system-admin');
  if (!isSystemAdmin) return [];
  return [{ href: USERS_PATH, label: t('navUsers'), current: location === USERS_PATH, exact: location === USERS_PATH }];
}
