import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechRemainingMs } from '../../../shared/moderation/meetingState.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient } from '../../helpers/meetingSockets.js';
import { makeTempDir, startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import { waitFor } from '../../helpers/syncClients.js';

describe('speeches across restarts, and the headings they write into the notes', () => {
  const dataDir = makeTempDir();
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    server = await startTestServer({ dataDir });
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD);
    await setMeetingStatus(server, fixture, 'open');
    await setMeetingStatus(server, fixture, 'in-progress');
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const id = (): number => fixture.meeting.id;
  const minutes = async (): Promise<string> =>
    (await storedDocument(server, `m/${id()}/minutes`)).getXmlFragment('default').toString();
  const critiqueOf = async (userId: number): Promise<string> =>
    (await storedDocument(server, `m/${id()}/critique/${userId}`))
      .getXmlFragment('default')
      .toString();

  it('keeps a speech running through a restart, and writes each heading once', async () => {
    const host = await connectMeetingClient(server, fixture.people.secretary!.token);
    await host.join(id());
    // The secretary's self-criticism, then the first criticism of them.
    for (const command of [
      { type: 'startPhase', phaseId: 'p4' },
      { type: 'startSpeech' },
      { type: 'endSpeech' },
      { type: 'startSpeech' },
    ]) {
      const ack = await host.command(id(), command);
      if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code}`);
    }
    const joined = await host.join(id());
    if (!joined.ok) throw new Error('join');
    const speech = joined.state.current!;
    expect(speech.kind).toBe('criticism');
    const secretary = fixture.people.secretary!;
    const critic = fixture.meeting.participants.find((p) => p.userId === speech.speakerId)!;
    await waitFor(
      async () => (await critiqueOf(secretary.id)).includes(critic.displayName),
      'the critique heading',
    );
    expect(await minutes()).toMatch(
      new RegExp(`\\d\\d:\\d\\d ${secretary.displayName} 作个人对照检查`),
    );
    expect(await minutes()).toMatch(
      new RegExp(`\\d\\d:\\d\\d ${critic.displayName} 对 ${secretary.displayName} 的批评意见`),
    );
    host.close();

    await server.stop();
    server = await startTestServer({ dataDir });
    const again = await connectMeetingClient(server, fixture.people.member!.token);
    const after = await again.join(id());
    if (!after.ok) throw new Error(after.error.code);
    // The same speech, started at the same moment: its countdown goes on from server time.
    expect(after.state.current).toEqual(speech);
    expect(after.state.version).toBe(joined.state.version);
    expect(speechRemainingMs(after.state.current!, after.serverTime)).toBeLessThan(
      speechRemainingMs(speech, joined.serverTime),
    );
    again.close();

    // Ending and starting again after the restart adds the next speech's heading, and no other twice.
    const host2 = await connectMeetingClient(server, fixture.people.secretary!.token);
    await host2.join(id());
    expect((await host2.command(id(), { type: 'endSpeech' })).ok).toBe(true);
    expect((await host2.command(id(), { type: 'startSpeech' })).ok).toBe(true);
    await waitFor(
      async () => ((await minutes()).match(/<heading/g) ?? []).length === 3,
      'the third heading',
    );
    host2.close();
    const count = (text: string, needle: string): number => text.split(needle).length - 1;
    expect(
      count(await minutes(), `${critic.displayName} 对 ${secretary.displayName} 的批评意见`),
    ).toBe(1);
    expect(count(await minutes(), `${secretary.displayName} 作个人对照检查`)).toBe(1);
    expect(count(await critiqueOf(secretary.id), critic.displayName)).toBe(1);

    // The speech log, for everyone in the meeting and nobody else.
    const log = await api<{
      speeches: Array<{ kind: string; phaseTitle: string; durationMs: number; endedAt: number }>;
    }>(server, 'GET', `/api/meetings/${id()}/speeches`, {
      token: fixture.people.supervisor!.token,
    });
    expect(log.body.speeches.map((s) => [s.kind, s.phaseTitle])).toEqual([
      ['self-criticism', '个人对照检查与相互批评'],
      ['criticism', '个人对照检查与相互批评'],
    ]);
    expect(log.body.speeches.every((s) => s.durationMs >= 0 && s.endedAt > 0)).toBe(true);
    const outsider = await api(server, 'GET', `/api/meetings/${id()}/speeches`, {
      token: fixture.people.outsider!.token,
    });
    expect(outsider.status).toBe(404);
  });
});
