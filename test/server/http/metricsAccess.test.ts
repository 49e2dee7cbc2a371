import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

/** An address of this machine's own that is not loopback: requests to it come from it. */
function outsideAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
  if (address === undefined) throw new Error('this machine needs a non-loopback IPv4 address');
  return address;
}

async function scrape(
  server: TestServer,
  options: { host?: string; headers?: Record<string, string> } = {},
): Promise<number> {
  const url = new URL('/metrics', server.url);
  if (options.host) url.hostname = options.host;
  return (await fetch(url, { headers: options.headers })).status;
}

describe('/metrics without METRICS_TOKEN', () => {
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    // On every interface, so that a request can come from an address that is not loopback.
    direct = await startTestServer({ host: '0.0.0.0' });
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

  it('refuses a request from another address', async () => {
    expect(await scrape(direct, { host: outsideAddress() })).toBe(403);
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
    server = await startTestServer({ host: '0.0.0.0', metricsToken: token });
  });
  afterAll(() => server.close());

  it('answers the bearer of the token from anywhere, and nobody else, not even loopback', async () => {
    const bearer = { authorization: `Bearer ${token}` };
    expect(await scrape(server, { host: outsideAddress(), headers: bearer })).toBe(200);
    expect(await scrape(server, { headers: bearer })).toBe(200);
    expect(await scrape(server, { host: outsideAddress() })).toBe(401);
    expect(await scrape(server)).toBe(401);
    expect(await scrape(server, { headers: { authorization: `Bearer ${token}x` } })).toBe(401);
  });
});
