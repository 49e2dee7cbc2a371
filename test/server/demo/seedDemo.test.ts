import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { DEMO_CAST, DEMO_PASSWORD } from '../../../server/demo/demoCast.js';
import { seedDemo } from '../../../server/demo/seedDemo.js';
import { api, login } from '../../helpers/apiClient.js';
import { writeExportArtifact } from '../../helpers/exportArtifacts.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

describe('npm run demo fills a fresh server', () => {
  let server: TestServer;
  let meeting: MeetingDetailView;
  const admin = {
    username: 'admin',
    initialPassword: 'Admin-Demo-Start-2026',
    password: 'Admin-Demo-Test-2026',
  };

  beforeAll(async () => {
    server = await startTestServer({ adminPassword: admin.initialPassword });
    meeting = await seedDemo(server.url, admin);
  });
  afterAll(() => server.close());

  it('with a 民主生活会 ready to start: eight people, a host and a recorder, every login working', async () => {
    expect(meeting.status).toBe('open');
    expect(meeting.aspects).toHaveLength(4);
    expect(meeting.participants).toHaveLength(DEMO_CAST.length);
    for (const person of DEMO_CAST) {
      const token = await login(server.url, person.username, DEMO_PASSWORD);
      const res = await api<{ meeting: MeetingDetailView }>(
        server,
        'GET',
        `/api/meetings/${meeting.id}`,
        {
          token,
        },
      );
      expect([person.username, res.status, res.body.meeting.myRoles]).toEqual([
        person.username,
        200,
        person.meetingRoles,
      ]);
    }
    const host = await login(server.url, 'wangjianguo', DEMO_PASSWORD);
    const started = await api<{ meeting: MeetingDetailView }>(
      server,
      'POST',
      `/api/meetings/${meeting.id}/status`,
      { token: host, body: { status: 'in-progress' } },
    );
    expect(started.body.meeting.status).toBe('in-progress');
  });

  it('exports the demo meeting, kept in test-artifacts/exports/demo/ for people to open', async () => {
    const host = await login(server.url, 'wangjianguo', DEMO_PASSWORD);
    for (const file of ['minutes.docx', 'minutes.md', 'report.docx', 'rectifications.xlsx']) {
      const res = await fetch(`${server.url}/api/meetings/${meeting.id}/export/${file}`, {
        headers: { authorization: `Bearer ${host}` },
      });
      expect([file, res.status]).toEqual([file, 200]);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length).toBeGreaterThan(0);
      await writeExportArtifact(`demo/${file}`, body);
    }
  });
});
