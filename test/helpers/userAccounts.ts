import { api, type ServerAddress } from './apiClient.js';

export interface NewUser {
  username: string;
  displayName: string;
  /** Set by the admin; the user must replace it before anything else. */
  initialPassword: string;
  /** What the user replaces it with. */
  password: string;
}

/** An ordinary user with no branch, whom the admin's tests create and manage. */
export const LISI: NewUser = {
  username: 'lisi',
  displayName: '李四',
  initialPassword: 'Anfang-2026-ls',
  password: 'Li-Si-2026-eigen!',
};

/** Signs in over HTTP (not through a browser) and resolves with the session token. */
export async function signInOverHttp(
  server: ServerAddress,
  username: string,
  password: string,
): Promise<string> {
  const res = await api<{ token: string }>(server, 'POST', '/api/auth/login', {
    body: { username, password },
  });
  if (res.status !== 200) throw new Error(`${username} could not sign in: ${res.status}`);
  return res.body.token;
}

/**
 * Has the (already set up) admin create `user`, then signs that user in and replaces the
 * initial password, so the user can sign in with `user.password` and go straight to work.
 */
export async function createReadyUser(
  server: ServerAddress,
  adminPassword: string,
  user: NewUser,
): Promise<void> {
  const adminToken = await signInOverHttp(server, 'admin', adminPassword);
  const created = await api(server, 'POST', '/api/users', {
    token: adminToken,
    body: {
      username: user.username,
      displayName: user.displayName,
      password: user.initialPassword,
    },
  });
  if (created.status !== 201) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  const userToken = await signInOverHttp(server, user.username, user.initialPassword);
  const changed = await api(server, 'POST', '/api/auth/password', {
    token: userToken,
    body: { oldPassword: user.initialPassword, newPassword: user.password },
  });
  if (changed.status !== 200)
    throw new Error(`password not changed: ${JSON.stringify(changed.body)}`);
}
