import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { connectMeetingClient } from '../../helpers/meetingSockets.js';
import { createPostgresSchema, type PostgresSchema } from '../../helpers/postgresSchema.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

describe('the app on PostgreSQL (DATABASE_URL)', () => {
  let schema: PostgresSchema;
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    schema = await createPostgresSchema('app');
    server = await startTestServer({ databaseUrl: schema.url });
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      statuses: ['open', 'in-progress'],
    });
  });
  afterAll(async () => {
    await server.close();
    await schema.drop();
  });

  it('keeps accounts, meetings, documents and the moderation log across a restart', async () => {
    const secretary = fixture.people.secretary!;
    const minutes = `m/${fixture.meeting.id}/minutes`;
    const writer = connectProvider(server.syncUrl, minutes, secretary.token);
    await waitForSynced(writer);
    writer.doc.getText('t').insert(0, '会议记录在 PostgreSQL 里');
    const host = await connectMeetingClient(server, secretary.token);
    await host.join(fixture.meeting.id);
    for (const command of [{ type: 'startPhase', phaseId: 'p4' }, { type: 'startSpeech' }]) {
      const ack = await host.command(fixture.meeting.id, command);
      if (!ack.ok) throw new Error(ack.error.code);
    }
    host.close();
    await waitFor(() => server.app.sync.stats().documents > 0, 'the document to be open');
    writer.destroy();

    // A second instance on the same database is refused while the first runs.
    await expect(startTestServer({ databaseUrl: schema.url })).rejects.toThrow(/another instance/);
    await server.stop();
    server = await startTestServer({ databaseUrl: schema.url });
    // The same session token: sessions live in the database too.
    const reader = connectProvider(server.syncUrl, minutes, secretary.token);
    await waitForSynced(reader);
    await waitFor(
      () => reader.doc.getText('t').toString() === '会议记录在 PostgreSQL 里',
      'the text',
    );
    // The outline and the speech heading the server wrote are there as well.
    expect(reader.doc.getXmlFragment('default').toString()).toMatch(/作个人对照检查/);
    reader.destroy();
    const watcher = await connectMeetingClient(server, fixture.people.member!.token);
    const joined = await watcher.join(fixture.meeting.id);
    watcher.close();
    if (!joined.ok) throw new Error(joined.error.code);
    expect(joined.state.current?.speakerId).toBe(secretary.id);
    const meeting = await api<{ meeting: { status: string; participants: unknown[] } }>(
      server,
      'GET',
      `/api/meetings/${fixture.meeting.id}`,
      { token: fixture.people.member!.token },
    );
    expect(meeting.body.meeting.status).toBe('in-progress');
    expect(meeting.body.meeting.participants).toHaveLength(fixture.meeting.participants.length);
    const audit = await api<{ entries: Array<{ action: string }> }>(
      server,
      'GET',
      '/api/audit?action=meeting.&limit=50',
      { token: fixture.adminToken },
    );
    expect(audit.body.entries.map((e) => e.action)).toContain('meeting.created');
  });
});
