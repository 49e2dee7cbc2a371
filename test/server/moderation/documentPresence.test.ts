import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MeetingEvent,
  type PresenceMessage,
  type ViewingAck,
} from '../../../shared/moderation/meetingEvents.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  callerToken,
  createMeetingFixture,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { waitFor } from '../../helpers/syncClients.js';

interface Watcher {
  client: MeetingClient;
  /** The latest presence the server sent this client. */
  latest(): PresenceMessage['documents'] | null;
  view(document: string | null): Promise<ViewingAck>;
}

describe('who is in which document, over the /meeting channel', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const clients: MeetingClient[] = [];
  const id = (): number => fixture.meeting.id;
  const doc = (rest: string): string => `m/${id()}/${rest}`;

  async function watch(caller: Caller): Promise<Watcher> {
    const client = await connectMeetingClient(server, callerToken(fixture, caller));
    clients.push(client);
    let latest: PresenceMessage['documents'] | null = null;
    client.socket.on(MeetingEvent.presence, (message: PresenceMessage) => {
      if (message.meetingId === id()) latest = message.documents;
    });
    const ack = await client.join(id());
    expect(ack.ok).toBe(true);
    return {
      client,
      latest: () => latest,
      view: (document) =>
        client.raw(MeetingEvent.viewing, { meetingId: id(), document }) as Promise<ViewingAck>,
    };
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it('shows everyone watching who opened a document, who moved on and who left', async () => {
    const host = await watch('secretary');
    const member = await watch('member');
    const recorder = await watch('recorder');
    const memberId = fixture.people.member!.id;
    const recorderId = fixture.people.recorder!.id;

    expect(await member.view(doc('collective'))).toEqual({ ok: true });
    expect(await recorder.view(doc('collective'))).toEqual({ ok: true });
    await waitFor(
      () => host.latest()?.[doc('collective')]?.length === 2,
      'both readers in the collective material',
    );
    expect(host.latest()).toEqual({ [doc('collective')]: [recorderId, memberId].sort() });

    // Moving to another document leaves the first.
    await recorder.view(doc('minutes'));
    await waitFor(
      () => host.latest()?.[doc('minutes')] !== undefined,
      'the recorder in the minutes',
    );
    expect(host.latest()).toEqual({
      [doc('collective')]: [memberId],
      [doc('minutes')]: [recorderId],
    });

    // A page that closes leaves by itself.
    member.client.close();
    await waitFor(
      () => host.latest()?.[doc('collective')] === undefined,
      'the closed page to leave',
    );
    expect(host.latest()).toEqual({ [doc('minutes')]: [recorderId] });

    // Someone who joins later is told at once.
    const late = await watch('deputy');
    await waitFor(() => late.latest() !== null, 'the late joiner to hear who is where');
    expect(late.latest()).toEqual({ [doc('minutes')]: [recorderId] });
  });

  it('never lists private notes', async () => {
    const member = await watch('member');
    const host = await watch('secretary');
    const memberId = fixture.people.member!.id;
    expect(await member.view(doc(`notes/${memberId}`))).toEqual({ ok: true });
    await member.view(doc(`self/${memberId}`));
    await waitFor(
      () => host.latest()?.[doc(`self/${memberId}`)] !== undefined,
      'the member in their own material',
    );
    await member.view(doc(`notes/${memberId}`));
    await waitFor(
      () => host.latest()?.[doc(`self/${memberId}`)] === undefined,
      'the member to leave their own material',
    );
    expect(Object.keys(host.latest() ?? {})).not.toContain(doc(`notes/${memberId}`));
  });

  it('refuses another meeting’s document, malformed requests and sockets that have not joined', async () => {
    const member = await watch('member');
    const other = `m/${id() + 1000}/collective`;
    const refused = await member.view(other);
    expect(refused.ok ? null : refused.error.code).toBe('invalid_command');
    const malformed = (await member.client.raw(MeetingEvent.viewing, {
      meetingId: 'x',
    })) as ViewingAck;
    expect(malformed.ok ? null : malformed.error.code).toBe('invalid_command');

    const stranger = await connectMeetingClient(server, callerToken(fixture, 'member'));
    clients.push(stranger);
    const notJoined = (await stranger.raw(MeetingEvent.viewing, {
      meetingId: id(),
      document: doc('collective'),
    })) as ViewingAck;
    expect(notJoined.ok ? null : notJoined.error.code).toBe('not_found');
  });
});
