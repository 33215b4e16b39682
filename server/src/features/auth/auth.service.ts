import type { Kysely } from 'kysely';
import type { Me, RoleAssignment } from '../../api/auth.schemas.ts';
import type { Database, RoleName } from '../../db/database.ts';
import {
  clearFailures,
  countRecentFailures,
  deleteDeadSessions,
  deleteSession,
  findSession,
  findUserByLogin,
  insertSession,
  listRoles,
  recordFailure,
  touchSession,
} from './auth.queries.ts';
import { toRoleAssignments } from './accounts.service.ts';
import { SignInRefusedError, SignInThrottledError } from './auth.errors.ts';
import { verifyPassword } from './password.ts';
import {
  csrfTokenFor,
  hashSessionId,
  isSessionAlive,
  newSessionId,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
} from './session-token.ts';

/** Failed sign-ins allowed per login name within the window, whether or not the account exists. */
export const FAILURES_PER_LOGIN = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Who a live session belongs to, with the role rows authorization needs. */
export interface SessionUser {
  idHash: string;
  csrfToken: string;
  user: { id: number; login: string; displayName: string };
  roles: Array<{ role: RoleName; unitId: number | null }>;
  assignments: RoleAssignment[];
}

/**
 * Checks the password and opens a session. Unknown login, wrong password and disabled account all give the
 * same error after an argon2 verification, so neither the answer nor its time says whether the account exists.
 */
export async function signIn(db: Kysely<Database>, login: string, password: string, now: Date): Promise<{ sessionId: string; me: Me }> {
  const loginKey = login.toLowerCase();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  if ((await countRecentFailures(db, loginKey, windowStart)) >= FAILURES_PER_LOGIN) {
    throw new SignInThrottledError(FAILURE_WINDOW_MS / 1000);
  }
  const user = await findUserByLogin(db, login);
  const passwordOk = await verifyPassword(user?.password_hash, password);
  if (!user || !passwordOk || user.disabled_at !== null) {
    await recordFailure(db, loginKey, now, windowStart);
    throw new SignInRefusedError();
  }
  await clearFailures(db, loginKey);
  await deleteDeadSessions(db, now, new Date(now.getTime() - SESSION_IDLE_MS));
  const sessionId = newSessionId();
  await insertSession(db, { idHash: hashSessionId(sessionId), userId: user.id, now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) });
  const roles = await listRoles(db, [user.id]);
  return {
    sessionId,
    me: {
      user: { id: user.id, login: user.login, displayName: user.display_name },
      roles: toRoleAssignments(roles),
      csrfToken: csrfTokenFor(sessionId),
    },
  };
}

/** The live session with this id, or null (unknown, ended, or its account disabled); keeps it alive. */
export async function resolveSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<SessionUser | null> {
  const idHash = hashSessionId(sessionId);
  const session = await findSession(db, idHash);
  if (!session) return null;
  const lastSeenAt = new Date(session.last_seen_at);
  if (!isSessionAlive({ lastSeenAt, expiresAt: new Date(session.expires_at) }, now)) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS) await touchSession(db, idHash, now);
  const roles = await listRoles(db, [session.user_id]);
  return {
    idHash,
    csrfToken: csrfTokenFor(sessionId),
    user: { id: session.user_id, login: session.login, displayName: session.display_name },
    roles: roles.map((role) => ({ role: role.role, unitId: role.unit_id })),
    assignments: toRoleAssignments(roles),
  };
}

export async function signOut(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, hashSessionId(sessionId));
}
