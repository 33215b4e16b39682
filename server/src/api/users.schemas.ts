import { z } from 'zod';
import { LoginName, RoleAssignment, RoleName } from './auth.schemas.ts';
import { UnitCode } from './units.schemas.ts';

export const UserSummary = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  roles: z.array(RoleAssignment),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListResponse = z.object({ users: z.array(UserSummary) });
export type UserListResponse = z.infer<typeof UserListResponse>;

/** A role covers a unit's subtree, except the system administrator's, which covers everything. */
function unitOnlyBelowSystemAdmin(input: { role: RoleName; unitCode?: string | undefined }, ctx: z.RefinementCtx): void {
  if (input.role !== 'system-admin' && !input.unitCode) {
    ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'is required for this role' });
  }
  if (input.role === 'system-admin' && input.unitCode) {
    ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'must be empty for a system administrator' });
  }
}

const Password = z.string().min(10, 'must have at least 10 characters').max(1024);

export const CreateUserBody = z
  .strictObject({
    login: LoginName,
    displayName: z.string().trim().min(1).max(200),
    role: RoleName,
    /** The root of the subtree (the unit with this code valid today); required unless system-admin. */
    unitCode: UnitCode.optional(),
    /** Without it the server generates one and answers it once. */
    password: Password.optional(),
  })
  .superRefine(unitOnlyBelowSystemAdmin);
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** One role of an account: system-admin everywhere, or a role over the subtree of the unit with this code today. */
export const RoleInput = z
  .strictObject({ role: RoleName, unitCode: UnitCode.optional() })
  .superRefine(unitOnlyBelowSystemAdmin);
export type RoleInput = z.infer<typeof RoleInput>;

/** Replaces all the roles of an account (at least one). */
export const SetRolesBody = z.strictObject({ roles: z.array(RoleInput).min(1).max(20) });
export type SetRolesBody = z.infer<typeof SetRolesBody>;

export const UserParams = z.object({ id: z.coerce.number().int().positive() });

export const ResetPasswordBody = z.strictObject({ password: Password.optional() });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** The account, and the password when the server generated it (shown once, never stored in clear). */
export const UserWithPassword = z.object({ user: UserSummary, password: z.string().nullable() });
export type UserWithPassword = z.infer<typeof UserWithPassword>;
