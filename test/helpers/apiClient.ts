import type { TestServer } from './startTestServer.js';

/** Where a server answers: a TestServer, a spawned server, or any `{ url }`. */
export interface ServerAddress {
  url: string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over real HTTP; `token` goes as a bearer token, `headers` as given. */
export async function api<T = Record<string, unknown>>(
  server: ServerAddress,
  method: string,
  route: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export const NEW_ADMIN_PASSWORD = 'Neues-Passwort-2026';

/** Signs in at `baseUrl` and resolves with the session token. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Signs the first-start admin in and replaces the one-time password; resolves with a token. */
export async function adminToken(server: TestServer): Promise<string> {
  const login = await api<{ token: string }>(server, 'POST', '/api/auth/login', {
    body: { username: 'admin', password: server.app.initialAdminPassword },
  });
  const token = login.body.token;
  const changed = await api(server, 'POST', '/api/auth/password', {
    token,
    body: { oldPassword: server.app.initialAdminPassword, newPassword: NEW_ADMIN_PASSWORD },
  });
  if (changed.status !== 200)
    throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
  return token;
}
