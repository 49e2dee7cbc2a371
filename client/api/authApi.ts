import type {
  ChangePasswordRequest,
  LoginRequest,
  PublicUser,
} from '../../shared/auth/authSchemas.js';
import { requestJson } from './requestJson.js';

/** The signed-in user; rejects with an ApiError of status 401 when nobody is. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<PublicUser> {
  const { user } = await requestJson<{ user: PublicUser }>('/api/auth/me', {
    signal,
    sessionCheck: true,
  });
  return user;
}

/** Signs in; the server sets the session cookie, so the token in the answer is not kept. */
export async function signIn(credentials: LoginRequest): Promise<PublicUser> {
  const { user } = await requestJson<{ user: PublicUser }>('/api/auth/login', {
    method: 'POST',
    body: credentials,
  });
  return user;
}

export async function changePassword(request: ChangePasswordRequest): Promise<PublicUser> {
  const { user } = await requestJson<{ user: PublicUser }>('/api/auth/password', {
    method: 'POST',
    body: request,
  });
  return user;
}

export async function signOut(): Promise<void> {
  // A 401 here means already signed out, which is what was wanted.
  await requestJson<{ ok: true }>('/api/auth/logout', { method: 'POST', sessionCheck: true });
}
