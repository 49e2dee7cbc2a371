import type { AdminUserView, CreateUserRequest } from '../../shared/auth/authSchemas.js';
import { requestJson } from './requestJson.js';

/** Every account, as admins see them. */
export async function listUsers(signal?: AbortSignal): Promise<AdminUserView[]> {
  const { users } = await requestJson<{ users: AdminUserView[] }>('/api/users', { signal });
  return users;
}

export async function createUser(request: CreateUserRequest): Promise<void> {
  await requestJson('/api/users', { method: 'POST', body: request });
}

export async function setUserDisabled(userId: number, disabled: boolean): Promise<void> {
  await requestJson(`/api/users/${userId}`, { method: 'PATCH', body: { disabled } });
}

/** Sets a new initial password: the user must change it at next sign-in; their sessions end. */
export async function resetUserPassword(userId: number, password: string): Promise<void> {
  await requestJson(`/api/users/${userId}/password`, { method: 'POST', body: { password } });
}

/** Ends every session of the user; resolves with how many there were. */
export async function endUserSessions(userId: number): Promise<number> {
  const { ended } = await requestJson<{ ended: number }>(`/api/users/${userId}/sessions`, {
    method: 'DELETE',
  });
  return ended;
}
