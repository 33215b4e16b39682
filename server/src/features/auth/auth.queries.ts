import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RoleName } from '../../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findUserByLogin(db: Db, login: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(login)`, '=', login.toLowerCase())
    .executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RoleRow {
  user_id: number;
  role: RoleName;
  unit_id: number | null;
  code: string | null;
  name_vi: string | null;
  name_en: string | null;
}

/** The roles of these users with the code and names of each role's root unit. */
export async function listRoles(db: Db, userIds: readonly number[]): Promise<RoleRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_roles as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.user_id', 'r.role', 'r.unit_id', 'u.code', 'u.name_vi', 'u.name_en'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.id')
    .execute();
}

export async function insertSession(db: Db, values: { idHash: string; userId: number; now: Date; expiresAt: Date }) {
  await db
    .insertInto('sessions')
    .values({ id_hash: values.idHash, user_id: values.userId, created_at: values.now, last_seen_at: values.now, expires_at: values.expiresAt })
    .execute();
}

/** The session with its (enabled) user, or undefined. */
export async function findSession(db: Db, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.login', 'u.display_name'])
    .where('s.id_hash', '=', idHash)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sessions past their absolute end or idle too long; removed as others sign in. */
export async function deleteDeadSessions(db: Db, now: Date, idleSince: Date): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)])).execute();
}

export async function countRecentFailures(db: Db, loginKey: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('login_key', '=', loginKey)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailure(db: Db, loginKey: string, now: Date, windowStart: Date): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('failed_at', '<=', windowStart).execute();
  await db.insertInto('sign_in_failures').values({ login_key: loginKey, failed_at: now }).execute();
}

export async function clearFailures(db: Db, loginKey: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('login_key', '=', loginKey).execute();
}

/**
 * Which of `unitIds` lie in the subtree of one of `rootIds` (a unit is in its own subtree), following
 * units.parent_id whatever the validity periods; UNION stops at a cycle.
 */
export async function unitsUnderRoots(db: Db, unitIds: readonly number[], rootIds: readonly number[]): Promise<Set<number>> {
  if (unitIds.length === 0 || rootIds.length === 0) return new Set();
  const rows = await sql<{ start_id: number }>`
    with recursive ancestors(start_id, id, parent_id) as (
      select id, id, parent_id from units where id in (${sql.join(unitIds)})
      union
      select a.start_id, u.id, u.parent_id from units u join ancestors a on u.id = a.parent_id
    )
    select distinct start_id from ancestors where id in (${sql.join(rootIds)})
  `.execute(db);
  return new Set(rows.rows.map((row) => Number(row.start_id)));
}

/** The ids of every unit in the subtrees of `rootIds` (roots included), whatever the validity periods. */
export async function unitIdsUnderRoots(db: Db, rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const rows = await sql<{ id: number }>`
    with recursive subtree(id) as (
      select id from units where id in (${sql.join(rootIds)})
      union
      select u.id from units u join subtree s on u.parent_id = s.id
    )
    select id from subtree order by id
  `.execute(db);
  return rows.rows.map((row) => Number(row.id));
}
