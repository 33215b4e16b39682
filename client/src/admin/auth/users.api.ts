import { UserListResponse, UserSummary, UserWithPassword, type CreateUserBody, type RoleInput } from '@sipas/server/api/users';
import { useResource } from '../../lib/use-resource.ts';
import { adminJson } from '../admin-fetch.ts';

export function useUsers() {
  return useResource('users', (signal) => adminJson('/api/users', UserListResponse, { signal }));
}

export function createUser(body: CreateUserBody): Promise<UserWithPassword> {
  return adminJson('/api/users', UserWithPassword, { method: 'POST', body });
}

export function disableUser(id: number): Promise<UserSummary> {
  return adminJson(`/api/users/${id}/disable`, UserSummary, { method: 'POST' });
}

export function resetUserPassword(id: number): Promise<UserWithPassword> {
  return adminJson(`/api/users/${id}/password`, UserWithPassword, { method: 'POST', body: {} });
}

export function enableUser(id: number): Promise<UserSummary> {
  return adminJson(`/api/users/${id}/enable`, UserSummary, { method: 'POST' });
}

/** Replaces all the roles of the account. */
export function setUserRoles(id: number, roles: RoleInput[]): Promise<UserSummary> {
  return adminJson(`/api/users/${id}/roles`, UserSummary, { method: 'PUT', body: { roles } });
}
