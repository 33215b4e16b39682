import { Link, useLocation } from 'wouter';
import { useTranslate } from '../lib/locale-context.tsx';
import { adminStrings } from './admin.strings.ts';
import { useUsersNavLinks } from './auth/users-nav.ts';
import { useManagementNavLinks } from './management/management-nav.ts';

/** The admin's sections. Paths are relative to /admin (nested router). */
export function AdminNav() {
  const t = useTranslate(adminStrings);
  const [location] = useLocation();
  const inSurveys = location === '/surveys' || location.startsWith('/surveys/');
  const managementLinks = [...useManagementNavLinks(location), ...useUsersNavLinks(location)];
  const inManagement = managementLinks.some((link) => link.current);
  const links = [
    { href: '/', label: t('navResults'), current: !inSurveys && !inManagement, exact: location === '/' },
    { href: '/surveys', label: t('navSurveys'), current: inSurveys, exact: location === '/surveys' },
    ...managementLinks,
  ];
  return (
    <nav className="admin-nav" aria-label={t('adminNav')}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            {/* "page" on the section's own page, "true" on a page inside the section (a unit, a version). */}
            <Link href={link.href} aria-current={link.exact ? 'page' : link.current ? 'true' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
