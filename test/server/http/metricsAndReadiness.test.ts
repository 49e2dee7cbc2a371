import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import {
  createPostgresSchema,
  POSTGRES_URL,
  type PostgresSchema,
} from '../../helpers/postgresSchema.js';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

/** One sample's value from Prometheus' text format, or undefined. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics', () => {
  let server: TestServer;
  const token = 'scrape-token-0123456789';
  beforeAll(async () => {
    server = await startTestServer({ metricsToken: token });
    await adminToken(server);
  });
  afterAll(() => server.close());

  const scrape = async (auth?: string) =>
    fetch(`${server.url}/metrics`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });

  it('counts connections, documents and stored updates, for a scraper with the token only', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong')).status).toBe(401);
    const meeting = await createSoloMeeting(server, NEW_ADMIN_PASSWORD);
    const client = connectProvider(server.syncUrl, meeting.documentName('minutes'), meeting.token);
    await waitForSynced(client);
    client.doc.getText('t').insert(0, '计数');
    await waitFor(() => server.app.sync.stats().documents > 0, 'the document');
    const res = await scrape(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(sample(text, 'shh_sync_connections')).toBe(1);
    expect(sample(text, 'shh_sync_documents')).toBeGreaterThanOrEqual(1);
    // The outline written at creation and the client's edit.
    expect(sample(text, 'shh_sync_updates_in_total')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'shh_storage_update_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('shh_moderation_commands_total');
    expect(text).toContain('shh_process_resident_memory_bytes');
    client.destroy();
  });
});

describe('/api/ready', () => {
  let schema: PostgresSchema;
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    schema = await createPostgresSchema('ready');
    const target = new URL(POSTGRES_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(schema.url);
    url.host = `127.0.0.1:${proxy.port}`;
    server = await startTestServer({ databaseUrl: url.toString() });
  });
  afterAll(async () => {
    await server.close();
    await proxy.close();
    await schema.drop();
  });

  it('is false while the database does not answer and true again once it does; health stays up', async () => {
    const ready = async () => (await fetch(`${server.url}/api/ready`)).status;
    expect(await ready()).toBe(200);
    proxy.cut();
    expect(await ready()).toBe(503);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    proxy.restore();
    // The pool replaces its broken connections on the next queries.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = await ready();
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
