import { z } from 'zod';

export const RoleName = z.enum(['system-admin', 'unit-manager', 'viewer']);
export type RoleName = z.infer<typeof RoleName>;

/** Letters, digits and . _ @ - ; compared ignoring case. */
export const LoginName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{3,64}$/, 'must be 3–64 letters, digits or . _ @ -');

export const SignInBody = z.strictObject({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const RoleAssignment = z.object({
  role: RoleName,
  /** The root of the subtree the role covers; null for a system administrator. */
  unit: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string().nullable() }).nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const SignedInUser = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
});

/** The signed-in user, their roles, and the token to send as `x-csrf-token` on every POST/PUT/PATCH/DELETE. */
export const Me = z.object({
  user: SignedInUser,
  roles: z.array(RoleAssignment),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;
