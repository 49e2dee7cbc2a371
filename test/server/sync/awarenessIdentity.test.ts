import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  STANDARD_CAST,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { awarenessMessage } from '../../helpers/protocolMessages.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

const limits = { maxAwarenessBytes: 4 * 1024 };

/** An awareness update of `entries`, as y-protocols encodes one. */
function awareness(entries: Array<[clientId: number, clock: number, state: unknown]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return awarenessMessage(encoding.toUint8Array(encoder));
}

interface UserField {
  name?: string;
  id?: string;
  color?: string;
}

function userOf(client: ProviderClient, clientId: number): UserField | undefined {
  return (client.provider.awareness.getStates().get(clientId) as { user?: UserField } | undefined)
    ?.user;
}

describe('awareness is tied to the signed-in user', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let name: string;
  let host: ProviderClient;

  const secretary = () => fixture.people.secretary!;
  const attendee = () => fixture.people.attendee!;

  beforeAll(async () => {
    server = await startTestServer({
      syncLimits: { ...limits } as TestServer['config']['syncLimits'],
    });
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      cast: STANDARD_CAST.filter((p) => p.key === 'secretary' || p.key === 'attendee'),
      statuses: ['open'],
    });
    // The minutes: the host writes them, the attendee may only read them.
    name = `m/${fixture.meeting.id}/minutes`;
    host = connectProvider(server.syncUrl, name, secretary().token);
    await waitForSynced(host);
    host.provider.awareness.setLocalStateField('user', { name: '王书记', color: '#c62828' });
  });
  afterAll(async () => {
    host.destroy();
    await server.close();
  });

  it('relays the session name, not the one a read-only attendee claims', async () => {
    const impostor = connectProvider(server.syncUrl, name, attendee().token);
    await waitForSynced(impostor);
    impostor.provider.awareness.setLocalStateField('user', {
      name: secretary().displayName,
      color: '#1565c0',
    });
    const id = impostor.doc.clientID;
    await waitFor(() => userOf(host, id) !== undefined, 'the attendee at the host');
    expect(userOf(host, id)).toEqual({
      name: attendee().displayName,
      id: String(attendee().id),
      color: '#1565c0',
    });
    // Both stock providers send back every state they hear: the host's stays the host's.
    await waitFor(() => userOf(impostor, host.doc.clientID) !== undefined, 'the host');
    expect(userOf(impostor, host.doc.clientID)?.name).toBe(secretary().displayName);

    // A colour that is not one is left out (the caret puts it into a style attribute).
    impostor.provider.awareness.setLocalStateField('user', {
      name: 'x',
      color: 'red; background: url(//evil)',
    });
    await waitFor(() => userOf(host, id)?.color === undefined, 'the colour to be dropped');
    expect(userOf(host, id)?.name).toBe(attendee().displayName);
    impostor.destroy();
    await waitFor(() => userOf(host, id) === undefined, 'the attendee to leave');
  });

  it('keeps one awareness client per connection and bounds its state', async () => {
    const raw = await openRawSocket(`${server.syncUrl}/${name}?token=${attendee().token}`);
    const own = 900_001;
    const flood = (from: number) =>
      Array.from({ length: 200 }, (_, i): [number, number, unknown] => [
        from + i,
        1,
        { user: { name: `假人${i}` }, padding: 'x'.repeat(1000) },
      ]);
    raw.ws.send(awareness([[own, 1, { user: { name: '冒名' } }], ...flood(910_000)]));
    raw.ws.send(awareness(flood(920_000)));
    // Someone else's client id in use: not taken over.
    raw.ws.send(awareness([[host.doc.clientID, 1_000, { user: { name: '冒名' } }]]));
    raw.ws.send(awareness([[own, 2, { user: { name: '冒名' }, done: true }]]));
    await waitFor(
      () => (host.provider.awareness.getStates().get(own) as { done?: boolean })?.done === true,
      'the last state at the host',
    );
    expect([...host.provider.awareness.getStates().keys()].sort()).toEqual(
      [host.doc.clientID, own].sort(),
    );
    expect(userOf(host, own)?.name).toBe(attendee().displayName);
    expect(userOf(host, host.doc.clientID)?.name).toBe(secretary().displayName);

    raw.ws.send(awareness([[own, 3, { padding: 'x'.repeat(limits.maxAwarenessBytes) }]]));
    expect((await raw.closed).code).toBe(CloseCode.awarenessTooLarge);
    await waitFor(() => !host.provider.awareness.getStates().has(own), 'its state to go');
  });

  it('lets the same user take their client id over from a socket not yet found dead', async () => {
    const own = 900_002;
    const url = `${server.syncUrl}/${name}?token=${attendee().token}`;
    const old = await openRawSocket(url);
    old.ws.send(awareness([[own, 1, { seen: 'old' }]]));
    await waitFor(() => host.provider.awareness.getStates().has(own), 'the first socket');
    const renewed = await openRawSocket(url);
    renewed.ws.send(awareness([[own, 2, { seen: 'new' }]]));
    await waitFor(
      () => (host.provider.awareness.getStates().get(own) as { seen?: string })?.seen === 'new',
      'the second socket',
    );
    // The old socket closing does not take the state the new one holds with it.
    let removed = false;
    host.provider.awareness.on('change', ({ removed: gone }: { removed: number[] }) => {
      if (gone.includes(own)) removed = true;
    });
    const before = server.app.sync.stats().connections;
    old.ws.close();
    await waitFor(() => server.app.sync.stats().connections < before, 'the old socket to leave');
    renewed.ws.send(awareness([[own, 3, { seen: 'still' }]]));
    await waitFor(
      () => (host.provider.awareness.getStates().get(own) as { seen?: string })?.seen === 'still',
      'the state after the old socket left',
    );
    expect(removed).toBe(false);
    renewed.ws.close();
    await waitFor(() => !host.provider.awareness.getStates().has(own), 'the state to go');
  });
});
