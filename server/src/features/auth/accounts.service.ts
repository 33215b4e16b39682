import type { Kysely } from 'kysely';
import { LoginName } from '../../api/auth.schemas.ts';
import type { UserSummary } from '../../api/users.schemas.ts';
import type { Database, RoleName } from '../../db/database.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import { findUnitValidOn } from '../units/units.queries.ts';
import { countUsers, deleteUserSessions, findUserByLogin, listRoles, type RoleRow } from './auth.queries.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';

export interface NewAccount {
  login: string;
  displayName: string;
  role: RoleName;
  /** Root of the role's subtree: the unit with this code valid today; none for system-admin. */
  unitCode?: string;
  /** Generated (and returned) when absent. */
  password?: string;
}

/** Creates an account with one role; answers the generated password, or null when one was given. */
export async function createAccount(db: Kysely<Database>, account: NewAccount, now: Date): Promise<{ user: UserSummary; password: string | null }> {
  const login = LoginName.safeParse(account.login);
  if (!login.success) {
    const message = login.error.issues[0]?.message ?? 'invalid';
    throw new BadRequestError(`login ${message}`, [{ path: 'login', message }]);
  }
  if (account.password !== undefined && account.password.length < MIN_PASSWORD_LENGTH) {
    throw new BadRequestError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`, [
      { path: 'password', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
  const unitId = await roleUnitId(db, account.role, account.unitCode, now);
  const password = account.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    if (await findUserByLogin(trx, account.login)) throw new ConflictError(`The login name ${account.login} is taken`);
    const user = await trx
      .insertInto('users')
      .values({ login: account.login, display_name: account.displayName, password_hash: passwordHash, disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: user.id, role: account.role, unit_id: unitId }).execute();
    return user.id;
  });
  return { user: await getUser(db, id), password: account.password === undefined ? password : null };
}

/**
 * On a database without any account, creates the system administrator `admin` and answers its generated
 * password (to be shown once); null when an account exists.
 */
export async function createFirstAdmin(db: Kysely<Database>, now: Date): Promise<{ login: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const created = await createAccount(db, { login: 'admin', displayName: 'Quản trị hệ thống', role: 'system-admin' }, now);
  return { login: created.user.login, password: created.password! };
}

async function roleUnitId(db: Kysely<Database>, role: RoleName, unitCode: string | undefined, now: Date): Promise<number | null> {
  if (role === 'system-admin') {
    if (unitCode) throw new BadRequestError('A system administrator has no unit', [{ path: 'unitCode', message: 'must be empty for a system administrator' }]);
    return null;
  }
  if (!unitCode) throw new BadRequestError('unitCode is required for this role', [{ path: 'unitCode', message: 'is required for this role' }]);
  const unit = await findUnitValidOn(db, unitCode, vietnamDate(now));
  if (!unit) throw new BadRequestError(`Unknown unit ${unitCode}`, [{ path: 'unitCode', message: 'no unit with this code today' }]);
  return unit.id;
}

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('login').execute();
  const roles = await listRoles(db, users.map((user) => user.id));
  return users.map((user) => toUserSummary(user, roles));
}

export async function getUser(db: Kysely<Database>, id: number): Promise<UserSummary> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw new NotFoundError(`Unknown user ${id}`);
  return toUserSummary(user, await listRoles(db, [id]));
}

/** Disables the account (it can no longer sign in) and ends its sessions at once. */
export async function disableUser(db: Kysely<Database>, id: number, now: Date): Promise<UserSummary> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('users').set({ disabled_at: now }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n && !(await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())) {
      throw new NotFoundError(`Unknown user ${id}`);
    }
    await deleteUserSessions(trx, id);
  });
  return getUser(db, id);
}

/** Lets a disabled account sign in again (with its old password; reset it too if it may have leaked). */
export async function enableUser(db: Kysely<Database>, id: number): Promise<UserSummary> {
  const updated = await db.updateTable('users').set({ disabled_at: null }).where('id', '=', id).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new NotFoundError(`Unknown user ${id}`);
  return getUser(db, id);
}

/**
 * Replaces the roles of an account. Sessions are kept: every request reads the roles afresh, so a narrower
 * role applies from the next request. Unknown units are refused naming the role's index.
 */
export async function setRoles(
  db: Kysely<Database>,
  id: number,
  roles: ReadonlyArray<{ role: RoleName; unitCode?: string | undefined }>,
  now: Date,
): Promise<UserSummary> {
  const values: Array<{ user_id: number; role: RoleName; unit_id: number | null }> = [];
  for (const [index, { role, unitCode }] of roles.entries()) {
    try {
      values.push({ user_id: id, role, unit_id: await roleUnitId(db, role, unitCode, now) });
    } catch (error) {
      if (error instanceof BadRequestError) {
        throw new BadRequestError(`roles.${index}: ${error.message}`, [{ path: `roles.${index}.unitCode`, message: error.message }]);
      }
      throw error;
    }
  }
  const unique = new Map(values.map((v) => [`${v.role}|${v.unit_id}`, v]));
  await db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())) throw new NotFoundError(`Unknown user ${id}`);
    await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
    await trx.insertInto('user_roles').values([...unique.values()]).execute();
  });
  return getUser(db, id);
}

/** Sets a new password (generated when none is given) and ends the account's sessions. */
export async function resetPassword(db: Kysely<Database>, id: number, newPassword: string | undefined): Promise<{ user: UserSummary; password: string | null }> {
  const password = newPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new NotFoundError(`Unknown user ${id}`);
    await deleteUserSessions(trx, id);
  });
  return { user: await getUser(db, id), password: newPassword === undefined ? password : null };
}

export function toRoleAssignments(roles: readonly RoleRow[]) {
  return roles.map((role) => ({
    role: role.role,
    unit: role.code === null ? null : { code: role.code, nameVi: role.name_vi ?? '', nameEn: role.name_en },
  }));
}

function toUserSummary(
  user: { id: number; login: string; display_name: string; created_at: Date; disabled_at: Date | null },
  roles: readonly RoleRow[],
): UserSummary {
  return {
    id: user.id,
    login: user.login,
    displayName: user.display_name,
    createdAt: new Date(user.created_at).toISOString(),
    disabledAt: user.disabled_at === null ? null : new Date(user.disabled_at).toISOString(),
    roles: toRoleAssignments(roles.filter((role) => role.user_id === user.id)),
  };
}
