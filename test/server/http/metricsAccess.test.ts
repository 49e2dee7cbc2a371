import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

async function scrape(
  server: TestServer,
  options: { headers?: Record<string, string> } = {},
): Promise<number> {
  const url = new URL('/metrics', server.url);
  return (await fetch(url, { headers: options.headers })).status;
}

describe('/metrics without METRICS_TOKEN', () => {
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    // Tests speak to loopback only, so a peer from elsewhere is played by a proxy forwarding for it.
    direct = await startTestServer();
    proxied = await startTestServer({ trustProxy: ['loopback'] });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('answers a scraper on this machine', async () => {
    expect(await scrape(direct)).toBe(200);
    expect(await scrape(proxied)).toBe(200);
  });

  it('refuses what a proxy on this machine forwards from outside', async () => {
    const outside = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' };
    expect(await scrape(proxied, { headers: outside })).toBe(403);
    // Untrusted forwarding headers: the real client cannot be known.
    expect(await scrape(direct, { headers: outside })).toBe(403);
    expect(await scrape(direct, { headers: { forwarded: 'for=203.0.113.9' } })).toBe(403);
    // A trusted proxy forwarding for this machine itself.
    expect(await scrape(proxied, { headers: { 'x-forwarded-for': '127.0.0.1' } })).toBe(200);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let server: TestServer;
  const token = 'scrape-token-0123456789';
  beforeAll(async () => {
    server = await startTestServer({ metricsToken: token });
  });
  afterAll(() => server.close());

  it('answers the bearer of the token and nobody else, not even loopback', async () => {
    const bearer = { authorization: `Bearer ${token}` };
    expect(await scrape(server, { headers: bearer })).toBe(200);
    expect(await scrape(server)).toBe(401);
    expect(await scrape(server, { headers: { authorization: `Bearer ${token}x` } })).toBe(401);
  });
});
