import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';

const ADMIN_PASSWORD = 'Proxy-Admin-2026';

async function signInFrom(server: TestServer, headers: Record<string, string>) {
  return api(server, 'POST', '/api/auth/login', {
    body: { username: 'admin', password: ADMIN_PASSWORD },
    headers,
  });
}

async function lastSignInAddress(server: TestServer): Promise<string | null> {
  const rows = await storedRows<{ ip: string | null }>(
    server,
    "SELECT ip FROM audit_log WHERE action = 'login.success' ORDER BY id DESC",
  );
  return rows[0]?.ip ?? null;
}

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  let trusting: TestServer;
  let direct: TestServer;
  const forwarded = { 'x-forwarded-for': '10.8.0.7', 'x-forwarded-proto': 'https' };

  beforeAll(async () => {
    trusting = await startTestServer({ adminPassword: ADMIN_PASSWORD, trustProxy: ['loopback'] });
    direct = await startTestServer({ adminPassword: ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await trusting.close();
    await direct.close();
  });

  it('takes the client address and HTTPS from a trusted proxy', async () => {
    const res = await signInFrom(trusting, forwarded);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
    expect(await lastSignInAddress(trusting)).toBe('10.8.0.7');
  });

  it('ignores the headers when no proxy is trusted: anyone could send them', async () => {
    const res = await signInFrom(direct, forwarded);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect(await lastSignInAddress(direct)).toMatch(/127\.0\.0\.1/);
  });

  it('sends Strict-Transport-Security only when the request reached the proxy over HTTPS', async () => {
    const hsts = async (server: TestServer, headers: Record<string, string>) =>
      (await fetch(`${server.url}/api/health`, { headers })).headers.get(
        'strict-transport-security',
      );
    expect(await hsts(trusting, forwarded)).toMatch(/^max-age=\d{8,}/);
    expect(await hsts(trusting, { 'x-forwarded-proto': 'http' })).toBeNull();
    expect(await hsts(trusting, {})).toBeNull();
    // Anyone can claim HTTPS to a server that trusts no proxy; plain http gets none.
    expect(await hsts(direct, forwarded)).toBeNull();
    expect(await hsts(direct, {})).toBeNull();
    // Not only the API: the pages too.
    const page = await fetch(`${trusting.url}/`, { headers: forwarded });
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });
});
