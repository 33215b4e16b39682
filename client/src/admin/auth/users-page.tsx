import type { RoleAssignment, RoleName } from '@sipas/server/api/auth';
import type { RoleInput, UserSummary } from '@sipas/server/api/users';
import { useState, type FormEvent } from 'react';
import { ApiRequestError, NetworkError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format-date.ts';
import { formatNumber } from '../../lib/format.ts';
import { unitName } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { ErrorNotice } from '../error-notice.tsx';
import { authStrings } from './auth.strings.ts';
import { createUser, disableUser, enableUser, resetUserPassword, setUserRoles, useUsers } from './users.api.ts';
import { UserRoles } from './user-roles.tsx';
import { ScrollTable } from '../scroll-table.tsx';

type Translate = ReturnType<typeof useTranslate<keyof typeof authStrings.vi>>;

const ROLE_LABEL = { 'system-admin': 'roleSystemAdmin', 'unit-manager': 'roleUnitManager', viewer: 'roleViewer' } as const;

/** /admin/users (system administrators): accounts with their roles; add, disable, reset a password. */
export function UsersPage() {
  const t = useTranslate(authStrings);
  const { locale } = useLocale();
  const users = useUsers();
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState('');
  const [shownPassword, setShownPassword] = useState<{ login: string; password: string } | null>(null);

  /** Runs an action, shows its outcome (and a password given once); false when it failed. */
  const act = async (action: () => Promise<{ login: string; password?: string | null; notice: string }>): Promise<boolean> => {
    setActionError('');
    setNotice('');
    try {
      const outcome = await action();
      if (outcome.password) setShownPassword({ login: outcome.login, password: outcome.password });
      setNotice(outcome.notice);
      users.reload();
      return true;
    } catch (error) {
      setActionError(failureText(error, t));
      return false;
    }
  };

  const roleText = (role: RoleAssignment) =>
    `${t(ROLE_LABEL[role.role])} — ${role.unit ? `${unitName(role.unit, locale)} (${role.unit.code})` : t('everywhere')}`;

  return (
    <div className="page page--wide admin users-page">
      <title>{t('usersTitle')}</title>
      <h1>{t('usersTitle')}</h1>
      <p className="lead">{t('usersIntro')}</p>
      <CreateUserForm
        t={t}
        onCreate={(body) =>
          act(async () => {
            const created = await createUser(body);
            return { login: created.user.login, password: created.password, notice: t('created', { login: created.user.login }) };
          })
        }
      />
      {shownPassword && (
        <section className="notice users-page__password" aria-labelledby="shown-password-title">
          <h2 id="shown-password-title">{t('newPasswordTitle', { login: shownPassword.login })}</h2>
          <p>
            <code>{shownPassword.password}</code>
          </p>
          <p>{t('newPasswordText')}</p>
          <button type="button" className="button button--secondary" onClick={() => setShownPassword(null)}>
            {t('done')}
          </button>
        </section>
      )}
      <p role="status">{notice}</p>
      <ErrorNotice message={actionError} />
      {users.status === 'loading' && <Loading />}
      {users.status === 'error' && <LoadError error={users.error} onRetry={users.reload} />}
      {users.status === 'success' && (
        <ScrollTable caption={t('usersCaption', { count: formatNumber(users.data.users.length) })}>
          <thead>
            <tr>
              <th scope="col">{t('colLogin')}</th>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colRoles')}</th>
              <th scope="col">{t('colCreated')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                t={t}
                roleText={roleText}
                onDisable={() => {
                  if (!window.confirm(t('confirmDisable', { login: user.login }))) return;
                  void act(async () => {
                    await disableUser(user.id);
                    return { login: user.login, notice: t('disabledDone', { login: user.login }) };
                  });
                }}
                onEnable={() =>
                  void act(async () => {
                    await enableUser(user.id);
                    return { login: user.login, notice: t('enabledDone', { login: user.login }) };
                  })
                }
                onSaveRoles={(roles) =>
                  act(async () => {
                    await setUserRoles(user.id, roles);
                    return { login: user.login, notice: t('rolesSaved', { login: user.login }) };
                  })
                }
                onReset={() => {
                  if (!window.confirm(t('confirmReset', { login: user.login }))) return;
                  void act(async () => {
                    const reset = await resetUserPassword(user.id);
                    return { login: user.login, password: reset.password, notice: '' };
                  });
                }}
              />
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}

function UserRow(props: {
  user: UserSummary;
  t: Translate;
  roleText: (role: RoleAssignment) => string;
  onDisable: () => void;
  onEnable: () => void;
  onReset: () => void;
  onSaveRoles: (roles: RoleInput[]) => Promise<boolean>;
}) {
  const { user, t } = props;
  return (
    <tr>
      <th scope="row">{user.login}</th>
      <td>{user.displayName}</td>
      <td>
        <UserRoles user={user} t={t} roleText={props.roleText} onSave={props.onSaveRoles} />
      </td>
      <td>{formatDate(user.createdAt)}</td>
      <td>{user.disabledAt ? t('disabledOn', { date: formatDate(user.disabledAt) }) : t('active')}</td>
      <td>
        {!user.disabledAt && (
          <>
            <button type="button" className="button button--secondary button--small" aria-label={t('resetLabel', { login: user.login })} onClick={props.onReset}>
              {t('resetPassword')}
            </button>{' '}
            <button type="button" className="button button--secondary button--small" aria-label={t('disableLabel', { login: user.login })} onClick={props.onDisable}>
              {t('disable')}
            </button>
          </>
        )}
        {user.disabledAt && (
          <button type="button" className="button button--secondary button--small" aria-label={t('enableLabel', { login: user.login })} onClick={props.onEnable}>
            {t('enable')}
          </button>
        )}
      </td>
    </tr>
  );
}

function CreateUserForm({ t, onCreate }: { t: Translate; onCreate: (body: { login: string; displayName: string; role: RoleName; unitCode?: string; password?: string }) => Promise<boolean> }) {
  const [role, setRole] = useState<RoleName>('viewer');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const created = await onCreate({
      login: text('login'),
      displayName: text('displayName'),
      role,
      ...(role !== 'system-admin' && text('unitCode') ? { unitCode: text('unitCode') } : {}),
      ...(text('password') ? { password: String(data.get('password')) } : {}),
    });
    if (created) form.reset();
  };
  return (
    <form className="users-page__form" onSubmit={(event) => void submit(event)} aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('createTitle')}</h2>
      <label htmlFor="new-user-login">{t('login')}</label>
      <input id="new-user-login" name="login" required autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={64} />
      <label htmlFor="new-user-name">{t('displayName')}</label>
      <input id="new-user-name" name="displayName" required maxLength={200} />
      <label htmlFor="new-user-role">{t('role')}</label>
      <select id="new-user-role" value={role} onChange={(event) => setRole(event.target.value as RoleName)}>
        <option value="viewer">{t('roleViewer')}</option>
        <option value="unit-manager">{t('roleUnitManager')}</option>
        <option value="system-admin">{t('roleSystemAdmin')}</option>
      </select>
      {role !== 'system-admin' && (
        <>
          <label htmlFor="new-user-unit">{t('unitCode')}</label>
          <input id="new-user-unit" name="unitCode" required aria-describedby="new-user-unit-hint" />
          <span id="new-user-unit-hint" className="field__hint">
            {t('unitCodeHint')}
          </span>
        </>
      )}
      <label htmlFor="new-user-password">{t('passwordOptional')}</label>
      <input id="new-user-password" name="password" type="password" autoComplete="new-password" minLength={10} aria-describedby="new-user-password-hint" />
      <span id="new-user-password-hint" className="field__hint">
        {t('passwordHint')}
      </span>
      <button type="submit" className="button button--primary">
        {t('create')}
      </button>
    </form>
  );
}

/** The server's own message names the bad field (400) or the conflict (409). */
function failureText(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('networkError');
  if (error instanceof ApiRequestError) return error.body?.message ?? `HTTP ${error.status}`;
  return String(error);
}
