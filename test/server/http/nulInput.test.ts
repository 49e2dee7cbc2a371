import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api } from '../../helpers/apiClient.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

type Refusal = { error: { code: string } };

// PostgreSQL refuses U+0000 in text: it must be a 400 at the door, on both databases, not a 500.
describe('a NUL character from outside', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
  });
  afterAll(() => server.close());

  it('in a sign-in is refused as bad input', async () => {
    const res = await api<Refusal>(server, 'POST', '/api/auth/login', {
      body: { username: 'admin\u0000', password: 'whatever-2026' },
    });
    expect(res.status).toBe(400);
  });

  it('in any JSON body or address is refused, and the server goes on', async () => {
    const body = await api<Refusal>(server, 'POST', '/api/branches', {
      token: admin,
      body: { name: '第一\u0000支部' },
    });
    expect(body.status).toBe(400);
    const query = await api<Refusal>(server, 'GET', '/api/audit?action=login%00', {
      token: admin,
    });
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe('invalid_request');
    expect((await api(server, 'GET', '/api/branches', { token: admin })).status).toBe(200);
  });
});
