import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, login, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  FIXTURE_PASSWORD,
  STANDARD_CAST,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { syncUpdate, textInsertUpdate } from '../../helpers/protocolMessages.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

const IDLE_MS = 60_000;
const MAX_AGE_MS = 15 * 60_000;

/** The close code the provider's socket ended with, once it has. */
function closeCodeOf(client: ProviderClient): () => number | null {
  let code: number | null = null;
  client.provider.on('connection-close', (event) => {
    code = event?.code ?? null;
  });
  return () => code;
}

/** A command's answer, or null when the socket went away before answering. */
async function tryCommand(client: MeetingClient, meetingId: number, seconds: number) {
  return client.command(meetingId, { type: 'setLimit', kind: 'free', seconds }).catch(() => null);
}

// The server's clock is moved, not waited for: every step below is far from any limit.
describe('sessions hold on open sockets as they do on REST', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let t = Date.UTC(2026, 11, 7, 9);
  const name = (): string => `m/${fixture.meeting.id}/collective`;
  const signIn = (): Promise<string> => login(server.url, 'live-secretary', FIXTURE_PASSWORD);
  const probe = async (): Promise<string> =>
    (await storedDocument(server, name())).getText('probe').toString();
  /** The meeting's moderation version, as a fresh session of the host sees it. */
  async function version(): Promise<number> {
    const client = await connectMeetingClient(server, await signIn());
    const ack = await client.join(fixture.meeting.id);
    client.close();
    if (!ack.ok) throw new Error('join refused');
    return ack.state.version;
  }

  beforeAll(async () => {
    server = await startTestServer(
      { sessionIdleMs: IDLE_MS, sessionMaxAgeMs: MAX_AGE_MS },
      { now: () => t },
    );
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      cast: STANDARD_CAST.slice(0, 1),
      prefix: 'live',
      statuses: ['open'],
    });
  });
  afterAll(() => server.close());

  it('an idle session runs no command and stores no write on the sockets it left open', async () => {
    const token = await signIn();
    const host = await connectMeetingClient(server, token);
    expect((await host.join(fixture.meeting.id)).ok).toBe(true);
    const sync = await openRawSocket(`${server.syncUrl}/${name()}?token=${token}`);
    const before = await version();

    t += IDLE_MS + 1;
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(401);
    const ack = await tryCommand(host, fixture.meeting.id, 77);
    if (ack) expect(ack).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    sync.ws.send(syncUpdate(textInsertUpdate('written after the session ended', 'probe')));

    expect((await sync.closed).code).toBe(CloseCode.unauthenticated);
    await waitFor(() => host.socket.disconnected, 'the socket.io connection to be ended');
    expect(await version()).toBe(before);
    expect(await probe()).toBe('');
  });

  it('keeps a session in use on its sockets alive, and ends them all at its lifetime', async () => {
    const started = t;
    const token = await signIn();
    const host = await connectMeetingClient(server, token);
    expect((await host.join(fixture.meeting.id)).ok).toBe(true);
    const writer = connectProvider(server.syncUrl, name(), token);
    const writerClose = closeCodeOf(writer);
    await waitForSynced(writer);
    const text = writer.doc.getText('probe');

    // Ten minutes of typing and moderating, with no request to REST: ten idle times.
    for (let i = 0; i < 12; i++) {
      t += IDLE_MS - 10_000;
      text.insert(text.length, `w${i} `);
      const ack = await tryCommand(host, fixture.meeting.id, 60 + i);
      expect(ack?.ok).toBe(true);
      await waitFor(async () => (await probe()).includes(`w${i} `), `write ${i} to be stored`);
    }
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(200);

    // Its lifetime is over: every connection closes without waiting for it to send anything.
    t = started + MAX_AGE_MS;
    const gone = new Promise<string>((resolve) => host.socket.once('disconnect', resolve));
    await waitFor(() => writerClose() !== null, 'the sync connection to be closed');
    expect(writerClose()).toBe(CloseCode.unauthenticated);
    expect(await gone).toBe('io server disconnect');
    // What is typed now stays in the local copy, and only there.
    text.insert(text.length, 'unsent');
    expect(text.toString()).toContain('unsent');
    expect(await probe()).not.toContain('unsent');
    expect((await api(server, 'GET', '/api/auth/me', { token })).status).toBe(401);
    writer.destroy();
    host.close();
  });
});
