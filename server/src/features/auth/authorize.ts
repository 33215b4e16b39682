import type { FastifyRequest } from 'fastify';
import { unitIdsUnderRoots, unitsUnderRoots } from './auth.queries.ts';
import { ForbiddenError } from './auth.errors.ts';
import type { SessionUser } from './auth.service.ts';
import { requireSession } from './request-session.ts';

// Every route that reads or manages a unit's data calls one of these before answering: 401 without a
// session, 403 when a unit lies outside the subtrees the user's roles cover or the role lacks the permission.

/** 'read': results, exports, comments; 'manage': kiosks, token keys, imports for the unit. */
export type UnitPermission = 'read' | 'manage';

/** viewer reads its subtree; unit-manager reads and manages it; system-admin does everything everywhere. */
function rootsGranting(session: SessionUser, permission: UnitPermission): number[] {
  return session.roles
    .filter((role) => role.unitId !== null && (permission === 'read' || role.role === 'unit-manager'))
    .map((role) => role.unitId as number);
}

function isSystemAdmin(session: SessionUser): boolean {
  return session.roles.some((role) => role.role === 'system-admin');
}

/** Throws 401/403 unless the signed-in user may `permission` every unit given (ids of `units`). */
export async function authorizeUnits(
  request: FastifyRequest,
  unitIds: readonly number[],
  permission: UnitPermission,
): Promise<void> {
  const session = await requireSession(request);
  if (isSystemAdmin(session)) return;
  const wanted = [...new Set(unitIds)];
  const roots = rootsGranting(session, permission);
  if (wanted.length === 0) {
    if (roots.length === 0) throw new ForbiddenError();
    return;
  }
  const covered = await unitsUnderRoots(request.server.db, wanted, roots);
  if (wanted.some((id) => !covered.has(id))) throw new ForbiddenError();
}

/** Throws 401/403 unless the signed-in user is a system administrator (users, survey versions, registry). */
export async function authorizeSystemAdmin(request: FastifyRequest): Promise<void> {
  const session = await requireSession(request);
  if (!isSystemAdmin(session)) throw new ForbiddenError();
}

/**
 * For scoping lists: 'all' for a system administrator, otherwise the ids of every unit (any validity) in the
 * subtrees the user's roles may `permission`. Throws 401 without a session.
 */
export async function permittedUnitIds(request: FastifyRequest, permission: UnitPermission = 'read'): Promise<'all' | number[]> {
  const session = await requireSession(request);
  if (isSystemAdmin(session)) return 'all';
  return unitIdsUnderRoots(request.server.db, rootsGranting(session, permission));
}
