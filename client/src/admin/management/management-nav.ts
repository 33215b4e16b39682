import { useTranslate } from '../../lib/locale-context.tsx';
import { managementStrings } from './management.strings.ts';

/** Paths of the management pages, relative to /admin. */
export const MANAGEMENT_PATHS = { kiosks: '/kiosks', tokenKeys: '/token-keys', imports: '/imports' } as const;

/** The management entries of the admin navigation, shaped like its other links. */
export function useManagementNavLinks(location: string) {
  const t = useTranslate(managementStrings);
  return [
    { href: MANAGEMENT_PATHS.kiosks, label: t('navKiosks') },
    { href: MANAGEMENT_PATHS.tokenKeys, label: t('navTokenKeys') },
    { href: MANAGEMENT_PATHS.imports, label: t('navImports') },
  ].map((link) => ({ ...link, current: location === link.href, exact: location === link.href }));
}
