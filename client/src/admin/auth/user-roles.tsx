import type { RoleAssignment, RoleName } from '@sipas/server/api/auth';
import type { RoleInput, UserSummary } from '@sipas/server/api/users';
import { useId, useState, type FormEvent } from 'react';
import type { authStrings } from './auth.strings.ts';
import type { useTranslate } from '../../lib/locale-context.tsx';

type Translate = ReturnType<typeof useTranslate<keyof typeof authStrings.vi>>;

const asInput = (role: RoleAssignment): RoleInput => (role.unit ? { role: role.role, unitCode: role.unit.code } : { role: role.role });

/**
 * The roles cell of a user: each role, with a button to remove it when another remains, and a small form
 * to add one. `onSave` replaces the account's roles; it answers false when the server refused them.
 */
export function UserRoles(props: {
  user: UserSummary;
  t: Translate;
  roleText: (role: RoleAssignment) => string;
  onSave: (roles: RoleInput[]) => Promise<boolean>;
}) {
  const { user, t, roleText, onSave } = props;
  const [role, setRole] = useState<RoleName>('viewer');
  const id = useId();
  const current = user.roles.map(asInput);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const unitCode = String(new FormData(form).get('unitCode') ?? '').trim();
    const added: RoleInput = role === 'system-admin' ? { role } : { role, unitCode };
    if (await onSave([...current, added])) form.reset();
  };

  return (
    <>
      <ul className="users-page__roles">
        {user.roles.map((assignment, index) => (
          <li key={`${assignment.role}-${assignment.unit?.code ?? ''}`}>
            {roleText(assignment)}
            {user.roles.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('removeRoleLabel', { role: roleText(assignment), login: user.login })}
                onClick={() => void onSave(current.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('addRole')}</summary>
        <form className="users-page__role-form" onSubmit={(event) => void add(event)} aria-label={t('addRoleTitle', { login: user.login })}>
          <label htmlFor={`${id}-role`}>{t('role')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as RoleName)}>
            <option value="viewer">{t('roleViewer')}</option>
            <option value="unit-manager">{t('roleUnitManager')}</option>
            <option value="system-admin">{t('roleSystemAdmin')}</option>
          </select>
          {role !== 'system-admin' && (
            <>
              <label htmlFor={`${id}-unit`}>{t('unitCode')}</label>
              <input id={`${id}-unit`} name="unitCode" required autoComplete="off" />
            </>
          )}
          <button type="submit" className="button button--secondary button--small">
            {t('addRole')}
          </button>
        </form>
      </details>
    </>
  );
}
