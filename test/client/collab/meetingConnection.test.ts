import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MEETING_NAMESPACE,
  MeetingEvent,
  type PresenceMessage,
  type StateMessage,
  type StatusMessage,
} from '../../../shared/moderation/meetingEvents.js';
import { MeetingConnection, type MeetingSocket } from '../../../client/collab/MeetingConnection.js';
import { MeetingListeners } from '../../../client/collab/MeetingListeners.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  STANDARD_CAST,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { waitFor } from '../../helpers/syncClients.js';

describe('the client side of the /meeting channel, against the real server', () => {
  let server: TestServer | undefined;
  let fixture: MeetingFixture;
  const connections: MeetingConnection[] = [];

  /** A connection as `person` (their session token in place of the page's cookie). */
  function connect(
    person: string,
    listeners = new MeetingListeners(),
    viewing: string | null = null,
  ) {
    const socket: MeetingSocket = io(`${server!.url}${MEETING_NAMESPACE}`, {
      forceNew: true,
      transports: ['websocket'],
      // Reconnect at once (the page keeps socket.io's back-off).
      reconnectionDelay: 0,
      auth: { token: fixture.people[person]!.token },
    });
    const lost: string[] = [];
    const connection = new MeetingConnection(fixture.meeting.id, socket, listeners, viewing, () =>
      lost.push(person),
    );
    connections.push(connection);
    return { connection, socket, listeners, lost };
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      cast: [STANDARD_CAST[0]!, STANDARD_CAST[1]!, STANDARD_CAST.at(-1)!],
      prefix: 'conn',
      statuses: ['open'],
    });
  });
  afterAll(async () => {
    for (const connection of connections) connection.close();
    await server?.close();
  });

  it('joins, hands the join state to the listeners, and sends commands with their answer', async () => {
    const { connection, listeners } = connect('secretary');
    const states: StateMessage[] = [];
    listeners.on(MeetingEvent.state, (message) => states.push(message));
    await waitFor(() => connection.getStatus().phase === 'connected', 'joined');
    expect(connection.getStatus().state?.version).toBe(states[0]?.state.version);
    expect(states[0]?.meetingId).toBe(fixture.meeting.id);

    const answer = await connection.send({ type: 'setLimit', kind: 'free', seconds: 120 });
    expect(answer.ok).toBe(true);
    await waitFor(() => states.length === 2, 'the broadcast state');
    expect(states[1]!.state.version).toBeGreaterThan(states[0]!.state.version);
    expect(connection.getStatus().state).toBe(states[1]!.state);
  });

  it('sends the version of the newest state it holds when asked', async () => {
    const host = connect('secretary');
    const other = connect('secretary');
    await waitFor(
      () => [host, other].every(({ connection }) => connection.getStatus().phase === 'connected'),
      'both joined',
    );
    const first = await other.connection.send({ type: 'setLimit', kind: 'free', seconds: 60 });
    if (!first.ok) throw new Error('refused');
    await waitFor(
      () => host.connection.getStatus().state?.version === first.version,
      'the host sees the change',
    );
    const second = await host.connection.send(
      { type: 'setLimit', kind: 'free', seconds: 90 },
      { withVersion: true },
    );
    expect(second).toEqual({ ok: true, version: first.version + 1 });
  });

  it("hands each event to that event's listeners until they unsubscribe", async () => {
    const { connection, listeners } = connect('recorder');
    const statuses: StatusMessage[] = [];
    const unheard: StatusMessage[] = [];
    const presences: PresenceMessage[] = [];
    listeners.on(MeetingEvent.status, (message) => statuses.push(message));
    const stop = listeners.on(MeetingEvent.status, (message) => unheard.push(message));
    listeners.on(MeetingEvent.presence, (message) => presences.push(message));
    stop();
    await waitFor(() => connection.getStatus().phase === 'connected', 'joined');

    fixture.meeting = await setMeetingStatus(server!, fixture, 'in-progress');
    await waitFor(() => statuses.length === 1, 'the status event');
    expect(statuses[0]).toEqual({ meetingId: fixture.meeting.id, status: 'in-progress' });
    expect(unheard).toEqual([]);

    const document = `m/${fixture.meeting.id}/collective`;
    connection.view(document);
    await waitFor(
      () => presences.some((p) => p.documents[document]?.includes(fixture.people.recorder!.id)),
      'the recorder in the collective material',
    );
    connection.view(null);
    await waitFor(() => presences.at(-1)?.documents[document] === undefined, 'the recorder gone');
  });

  it('tells the others again, after a reconnect, which document it shows', async () => {
    const document = `m/${fixture.meeting.id}/minutes`;
    const watcher = connect('secretary');
    const presences: PresenceMessage[] = [];
    watcher.listeners.on(MeetingEvent.presence, (message) => presences.push(message));
    const recorder = connect('recorder', new MeetingListeners(), document);
    const shown = () => presences.at(-1)?.documents[document]?.length === 1;
    await waitFor(shown, 'the recorder in the minutes');
    recorder.socket.io.engine.close();
    await waitFor(() => !shown(), 'the recorder gone with the old socket');
    await waitFor(shown, 'the recorder in the minutes again');
    expect(recorder.connection.getStatus().phase).toBe('connected');
    expect(recorder.lost).toEqual([]);
  });

  it('stays out when the server refuses the meeting, and says no session was lost', async () => {
    const { connection, lost } = connect('outsider');
    await waitFor(() => connection.getStatus().phase === 'disconnected', 'refused');
    expect(connection.getStatus()).toMatchObject({
      state: null,
      refused: { code: 'not_found' },
    });
    expect(lost).toEqual([]);
    expect(await connection.send({ type: 'setLimit', kind: 'free', seconds: 30 })).toEqual({
      ok: false,
      error: null,
    });
  });

  // Last: it ends the recorder's session.
  it('reports a lost session when the server ends the socket at sign-out', async () => {
    const { connection, lost } = connect('recorder');
    await waitFor(() => connection.getStatus().phase === 'connected', 'joined');
    const out = await api(server!, 'POST', '/api/auth/logout', {
      token: fixture.people.recorder!.token,
    });
    expect(out.status).toBeLessThan(300);
    await waitFor(() => connection.getStatus().phase === 'disconnected', 'ended');
    expect(lost).toEqual(['recorder']);
  });
});
