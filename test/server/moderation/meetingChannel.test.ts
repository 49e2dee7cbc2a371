import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  CALLERS,
  callerToken,
  createMeetingFixture,
  setMeetingStatus,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { waitFor } from '../../helpers/syncClients.js';

describe('the /meeting channel over real sockets', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const clients: MeetingClient[] = [];
  const connect = async (caller: Caller): Promise<MeetingClient> => {
    const client = await connectMeetingClient(server, callerToken(fixture, caller));
    clients.push(client);
    return client;
  };
  const id = (): number => fixture.meeting.id;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  async function joinCodes(): Promise<Record<Caller, string>> {
    const out = {} as Record<Caller, string>;
    for (const caller of CALLERS) {
      const client = await connect(caller);
      const ack = await client.join(id());
      out[caller] = ack.ok ? 'ok' : ack.error.code;
      client.close();
    }
    return out;
  }

  // Who sees the meeting but is not in it (the admin; branch members once it is out) is refused.
  it('lets only the host watch a draft, and everyone in the meeting once it is open', async () => {
    expect(await joinCodes()).toEqual({
      secretary: 'ok',
      recorder: 'not_found',
      member: 'not_found',
      deputy: 'not_found',
      attendee: 'not_found',
      supervisor: 'not_found',
      bystander: 'not_found',
      outsider: 'not_found',
      admin: 'forbidden',
    });
    await setMeetingStatus(server, fixture, 'open');
    expect(await joinCodes()).toEqual({
      secretary: 'ok',
      recorder: 'ok',
      member: 'ok',
      deputy: 'ok',
      attendee: 'ok',
      supervisor: 'ok',
      bystander: 'forbidden',
      outsider: 'not_found',
      admin: 'forbidden',
    });
  });

  it("gives the joiner the state with the meeting's people in it", async () => {
    const host = await connect('secretary');
    const ack = await host.join(id());
    if (!ack.ok) throw new Error(ack.error.code);
    expect(ack.state.roster.map((r) => r.userId).sort()).toEqual(
      fixture.meeting.participants.map((p) => p.userId).sort(),
    );
    expect(ack.state.roster.find((r) => r.isSecretary)?.userId).toBe(fixture.people.secretary!.id);
    expect(Math.abs(ack.serverTime - Date.now())).toBeLessThan(60_000);
  });

  it("checks each command against the sender's role", async () => {
    await setMeetingStatus(server, fixture, 'in-progress');
    const outcome = async (caller: Caller, command: object): Promise<string> => {
      const client = await connect(caller);
      await client.join(id());
      const ack = await client.command(id(), command);
      client.close();
      return ack.ok ? 'ok' : ack.error.code;
    };
    const host = await connect('secretary');
    await host.join(id());
    expect((await host.command(id(), { type: 'startPhase', phaseId: 'p4' })).ok).toBe(true);
    expect({
      recorderStarts: await outcome('recorder', { type: 'startSpeech' }),
      recorderEnds: await outcome('recorder', { type: 'endSpeech' }),
      recorderMovesPhase: await outcome('recorder', { type: 'startPhase', phaseId: 'p5' }),
      memberSignsIn: await outcome('member', { type: 'signIn' }),
      memberRaisesHand: await outcome('member', { type: 'raiseHand', purpose: 'speak' }),
      memberLowersHand: await outcome('member', { type: 'lowerHand' }),
      memberStartsSpeech: await outcome('member', { type: 'startSpeech' }),
      memberAcceptsHand: await outcome('member', {
        type: 'acceptHand',
        userId: fixture.people.member!.id,
      }),
      attendeeRaisesHand: await outcome('attendee', { type: 'raiseHand', purpose: 'speak' }),
      supervisorSignsIn: await outcome('supervisor', { type: 'signIn' }),
      bystander: await outcome('bystander', { type: 'signIn' }),
      admin: await outcome('admin', { type: 'startPhase', phaseId: 'p1' }),
      hostSetsAttendance: await outcome('secretary', {
        type: 'setAttendance',
        userId: fixture.people.deputy!.id,
        status: 'leave',
        reason: '出差',
      }),
    }).toEqual({
      recorderStarts: 'ok',
      recorderEnds: 'ok',
      recorderMovesPhase: 'forbidden',
      memberSignsIn: 'ok',
      memberRaisesHand: 'ok',
      memberLowersHand: 'ok',
      memberStartsSpeech: 'forbidden',
      memberAcceptsHand: 'forbidden',
      attendeeRaisesHand: 'forbidden',
      supervisorSignsIn: 'forbidden',
      // They see the meeting, but are not in it.
      bystander: 'forbidden',
      admin: 'forbidden',
      hostSetsAttendance: 'ok',
    });
  });

  it('sends every watcher the same versions in the same order', async () => {
    const watchers = await Promise.all(
      ['secretary', 'member', 'supervisor'].map((c) => connect(c as Caller)),
    );
    for (const w of watchers) await w.join(id());
    const host = watchers[0]!;
    const sent = [
      { type: 'startSpeech' },
      { type: 'pauseSpeech' },
      { type: 'resumeSpeech' },
      { type: 'endSpeech' },
      { type: 'setLimit', kind: 'criticism', seconds: 240 },
    ];
    const acks = [];
    for (const command of sent) acks.push(await host.command(id(), command));
    const last = acks.at(-1)!;
    if (!last.ok) throw new Error(last.error.code);
    await waitFor(
      () => watchers.every((w) => w.states.some((s) => s.state.version === last.version)),
      'all states',
    );
    const seen = watchers.map((w) => w.states.map((s) => s.state.version));
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[0]).toEqual(acks.map((a) => (a.ok ? a.version : -1)));
  });

  it('serialises two hosts: a command decided on an old version is refused with conflict', async () => {
    const a = await connect('secretary');
    const b = await connect('secretary');
    const joined = await a.join(id());
    await b.join(id());
    if (!joined.ok) throw new Error('join');
    const version = joined.state.version;
    const [first, second] = await Promise.all([
      a.command(id(), { type: 'setLimit', kind: 'free', seconds: 100 }, version),
      b.command(id(), { type: 'setLimit', kind: 'free', seconds: 200 }, version),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const refused = first.ok ? second : first;
    expect(refused.ok ? '' : refused.error.code).toBe('conflict');
  });

  it('answers hostile payloads with errors and keeps serving', async () => {
    const host = await connect('secretary');
    await host.join(id());
    const other = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { prefix: 'x' });
    const answers = await Promise.all([
      host.raw('command', { meetingId: id(), command: { type: 'launchRockets' } }),
      host.raw('command', {
        meetingId: id(),
        command: { type: 'setLimit', kind: 'free', seconds: 'lots' },
      }),
      host.raw('command', { meetingId: 'one', command: { type: 'endSpeech' } }),
      host.raw('command', 'not even an object'),
      host.raw('command', null),
      host.raw('join', { meetingId: -1 }),
      host.raw('join', { meetingId: other.meeting.id }),
      host.raw('command', { meetingId: other.meeting.id, command: { type: 'signIn' } }),
      host.raw('command', {
        meetingId: id(),
        command: {
          type: 'insertSpeech',
          phaseId: 'p4',
          index: 0,
          speech: { speakerId: 1, kind: 'free', extra: true },
        },
      }),
    ]);
    expect(answers.map((a) => (a as { error: { code: string } }).error.code)).toEqual([
      'invalid_command',
      'invalid_command',
      'invalid_command',
      'invalid_command',
      'invalid_command',
      'invalid_command',
      'not_found',
      'not_found',
      'invalid_command',
    ]);
    // No acknowledgement function: nothing to answer, nothing breaks.
    host.socket.emit('command', { meetingId: id(), command: { type: 'endSpeech' } });
    // A flood: the excess is refused with rate_limited.
    const flood = await Promise.all(
      Array.from({ length: 150 }, () =>
        host.command(id(), { type: 'setLimit', kind: 'free', seconds: 60 }),
      ),
    );
    expect(flood.some((a) => !a.ok && a.error.code === 'rate_limited')).toBe(true);
    // The refusal passes: once the bucket refills by a token (a refused message takes none),
    // a command goes through again. Asked again and again rather than after a fixed sleep.
    await waitFor(
      async () => (await host.command(id(), { type: 'setLimit', kind: 'free', seconds: 90 })).ok,
      'a command to be taken again after the flood',
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('ends a running speech when the meeting closes, then refuses commands; the state stays readable', async () => {
    const speaking = await connect('secretary');
    await speaking.join(id());
    const started = await speaking.command(id(), { type: 'startSpeech' });
    expect(started.ok).toBe(true);
    // Watchers hear the speech end before they hear the meeting closed.
    const heard: string[] = [];
    speaking.socket.onAny((event: string, message: { state?: MeetingState; status?: string }) => {
      if (event === MeetingEvent.state) heard.push(message.state?.current ? 'speech' : 'no speech');
      if (event === MeetingEvent.status) heard.push(`status ${message.status}`);
    });
    const closedHeard = new Promise((resolve) =>
      speaking.socket.once(MeetingEvent.status, resolve),
    );
    await setMeetingStatus(server, fixture, 'closed');
    await closedHeard;
    expect(heard.slice(-2)).toEqual(['no speech', 'status closed']);
    const host = await connect('secretary');
    const joined = await host.join(id());
    if (!joined.ok) throw new Error(joined.error.code);
    expect(joined.state.current).toBeNull();
    expect(joined.state.log.at(-1)?.endedAt).toBeGreaterThan(0);
    const ack = await host.command(id(), { type: 'signIn' });
    expect(ack.ok ? '' : ack.error.code).toBe('not_in_progress');
    await setMeetingStatus(server, fixture, 'in-progress');
  });

  it('stops sending the state to someone taken out of the meeting', async () => {
    const member = await connect('member');
    const host = await connect('secretary');
    await member.join(id());
    await host.join(id());
    const entries = fixture.meeting.participants.flatMap((p) =>
      p.userId === fixture.people.member!.id
        ? []
        : p.roles.map((role) => ({ userId: p.userId, role })),
    );
    const res = await api(server, 'PUT', `/api/meetings/${id()}/participants`, {
      token: fixture.people.secretary!.token,
      body: entries,
    });
    expect(res.status).toBe(200);
    await waitFor(() => host.states.length > 0, 'the roster change to reach the host');
    const seen = member.states.length;
    const ack = await host.command(id(), { type: 'setLimit', kind: 'free', seconds: 75 });
    if (!ack.ok) throw new Error(ack.error.code);
    await waitFor(() => host.states.some((m) => m.state.version === ack.version), 'the host');
    expect(member.states.length).toBe(seen);
    expect(member.states.some((m) => m.state.version === ack.version)).toBe(false);
    await api(server, 'PUT', `/api/meetings/${id()}/participants`, {
      token: fixture.people.secretary!.token,
      body: fixture.meeting.participants.flatMap((p) =>
        p.roles.map((role) => ({ userId: p.userId, role })),
      ),
    });
  });

  it('rebuilds the state from the log after a reconnect', async () => {
    const host = await connect('secretary');
    const before = await host.join(id());
    host.close();
    const again = await connect('secretary');
    const after = await again.join(id());
    if (!before.ok || !after.ok) throw new Error('join');
    expect(after.state).toEqual(before.state satisfies MeetingState);
  });
});
