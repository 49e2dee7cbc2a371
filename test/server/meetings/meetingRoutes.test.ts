import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MeetingDetailView,
  MeetingSummaryView,
} from '../../../shared/meetings/meetingSchemas.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  CALLERS,
  callerToken,
  createMeetingFixture,
  type Caller,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

describe('meeting routes answer each role as docs/permissions.md and docs/api.md say', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD);
  });
  afterAll(() => server.close());

  const tokenOf = (caller: Caller): string => callerToken(fixture, caller);
  const meetingPath = (rest = ''): string => `/api/meetings/${fixture.meeting.id}${rest}`;

  /** Every caller's status for one request, as one object so that a failure shows them all. */
  async function statuses(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<Record<Caller, number>> {
    const out = {} as Record<Caller, number>;
    for (const caller of CALLERS) {
      out[caller] = (await api(server, method, route, { token: tokenOf(caller), body })).status;
    }
    return out;
  }

  const row = (...codes: number[]): Record<Caller, number> =>
    Object.fromEntries(CALLERS.map((c, i) => [c, codes[i]])) as Record<Caller, number>;

  async function current(): Promise<MeetingDetailView> {
    const res = await api<{ meeting: MeetingDetailView }>(server, 'GET', meetingPath(), {
      token: tokenOf('secretary'),
    });
    return res.body.meeting;
  }

  it('shows a draft only to those who manage it (and admins, without content)', async () => {
    //                                  sec  rec  mem  dep  att  sup  bys  out  adm
    expect(await statuses('GET', meetingPath())).toEqual(
      row(200, 404, 404, 404, 404, 404, 404, 404, 200),
    );
    const asAdmin = await api<{ meeting: MeetingDetailView }>(server, 'GET', meetingPath(), {
      token: fixture.adminToken,
    });
    expect(asAdmin.body.meeting.documents).toEqual([]);
    expect(asAdmin.body.meeting.canManage).toBe(false);
  });

  it('once open, shows it to the branch and to everyone in it, with the documents each may read', async () => {
    await setMeetingStatus(server, fixture, 'open');
    expect(await statuses('GET', meetingPath())).toEqual(
      row(200, 200, 200, 200, 200, 200, 200, 404, 200),
    );
    const asMember = await api<{ meeting: MeetingDetailView }>(server, 'GET', meetingPath(), {
      token: tokenOf('member'),
    });
    const member = fixture.people.member!;
    const docs = asMember.body.meeting.documents;
    // Everything but the others' notes; writable: the collective, own material, others' critiques.
    expect(docs.filter((d) => d.kind === 'notes').map((d) => d.ownerId)).toEqual([member.id]);
    expect(docs.filter((d) => d.canWrite).map((d) => d.name.split('/').slice(2).join('/'))).toEqual(
      [
        'collective',
        `self/${member.id}`,
        `critique/${fixture.people.secretary!.id}`,
        `critique/${fixture.people.recorder!.id}`,
        `critique/${fixture.people.deputy!.id}`,
        `notes/${member.id}`,
      ],
    );
    expect(asMember.body.meeting.myRoles).toEqual(['participant']);
    const bystander = await api<{ meeting: MeetingDetailView }>(server, 'GET', meetingPath(), {
      token: tokenOf('bystander'),
    });
    expect(bystander.body.meeting.documents).toEqual([]);
  });

  it("lists meetings: one's own across branches, and a branch's to its members", async () => {
    const mine = async (caller: Caller): Promise<number[]> =>
      (
        await api<{ meetings: MeetingSummaryView[] }>(server, 'GET', '/api/meetings', {
          token: tokenOf(caller),
        })
      ).body.meetings.map((m) => m.id);
    expect(await mine('member')).toEqual([fixture.meeting.id]);
    expect(await mine('supervisor')).toEqual([fixture.meeting.id]);
    expect(await mine('bystander')).toEqual([]);
    expect(await mine('outsider')).toEqual([]);
    const branchList = `/api/branches/${fixture.branchId}/meetings`;
    expect(await statuses('GET', branchList)).toEqual(
      row(200, 200, 200, 200, 200, 404, 200, 404, 200),
    );
  });

  it('lets only the secretary and hosts change the meeting; refusals change nothing', async () => {
    const before = await current();
    const patch = { location: '被改过的地点' };
    const refused = await statuses('PATCH', meetingPath(), patch);
    // The secretary is listed first and succeeds; every other caller is refused.
    expect(refused).toEqual(row(200, 403, 403, 403, 403, 403, 403, 404, 403));
    expect((await current()).location).toBe('被改过的地点');
    expect((await current()).title).toBe(before.title);
    await api(server, 'PATCH', meetingPath(), {
      token: tokenOf('secretary'),
      body: { location: before.location },
    });

    const entries = before.participants.flatMap((p) =>
      p.roles.map((role) => ({ userId: p.userId, role })),
    );
    expect(await statuses('PUT', meetingPath('/participants'), entries)).toEqual(
      row(200, 403, 403, 403, 403, 403, 403, 404, 403),
    );
    expect((await current()).participants).toEqual(before.participants);
    expect(await statuses('GET', meetingPath('/candidates'))).toEqual(
      row(200, 403, 403, 403, 403, 403, 403, 404, 403),
    );
    // open → open is no transition: everyone is refused, the manager with 409.
    expect(await statuses('POST', meetingPath('/status'), { status: 'open' })).toEqual(
      row(409, 403, 403, 403, 403, 403, 403, 404, 403),
    );
    expect((await current()).status).toBe('open');
  });

  it('a host who is not the secretary manages the meeting too', async () => {
    const before = await current();
    const deputy = fixture.people.deputy!;
    const entries = [
      ...before.participants.flatMap((p) => p.roles.map((role) => ({ userId: p.userId, role }))),
      { userId: deputy.id, role: 'host' },
    ];
    expect(
      (
        await api(server, 'PUT', meetingPath('/participants'), {
          token: tokenOf('secretary'),
          body: entries,
        })
      ).status,
    ).toBe(200);
    const res = await api(server, 'PATCH', meetingPath(), {
      token: tokenOf('deputy'),
      body: { theme: '主持人改的主题' },
    });
    expect(res.status).toBe(200);
    expect((await current()).theme).toBe('主持人改的主题');
    await api(server, 'PATCH', meetingPath(), {
      token: tokenOf('deputy'),
      body: { theme: before.theme },
    });
    await api(server, 'PUT', meetingPath('/participants'), {
      token: tokenOf('secretary'),
      body: before.participants.flatMap((p) => p.roles.map((role) => ({ userId: p.userId, role }))),
    });
  });

  it('lets only a branch secretary create meetings in their branch', async () => {
    const body = { branchId: fixture.branchId, kind: 'democratic-life', title: '测试会议' };
    const results = await statuses('POST', '/api/meetings', body);
    // Members and the admin see the branch (403); the supervisor and the outsider do not (404).
    expect(results).toEqual(row(201, 403, 403, 403, 403, 404, 403, 404, 403));
  });

  it('moves the status along its transitions only, and starts only with a host and a recorder', async () => {
    const other = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { prefix: 'tr' });
    const post = (status: string) =>
      api<{ error: { code: string } }>(server, 'POST', `/api/meetings/${other.meeting.id}/status`, {
        token: other.people.secretary!.token,
        body: { status },
      });
    expect((await post('in-progress')).body.error.code).toBe('invalid_transition');
    expect((await post('open')).status).toBe(200);
    // Without a recorder the meeting cannot start.
    const withoutRecorder = Object.values(other.people).flatMap((p) =>
      p.meetingRoles.filter((r) => r !== 'recorder').map((role) => ({ userId: p.id, role })),
    );
    await api(server, 'PUT', `/api/meetings/${other.meeting.id}/participants`, {
      token: other.people.secretary!.token,
      body: withoutRecorder,
    });
    const refused = await post('in-progress');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'roles_missing']);
    const withRecorder = Object.values(other.people).flatMap((p) =>
      p.meetingRoles.map((role) => ({ userId: p.id, role })),
    );
    await api(server, 'PUT', `/api/meetings/${other.meeting.id}/participants`, {
      token: other.people.secretary!.token,
      body: withRecorder,
    });
    expect((await post('in-progress')).status).toBe(200);
    expect((await post('closed')).status).toBe(200);
    // A closed meeting's facts and people are final until it is reopened.
    const edit = await api<{ error: { code: string } }>(
      server,
      'PATCH',
      `/api/meetings/${other.meeting.id}`,
      {
        token: other.people.secretary!.token,
        body: { title: '改不了' },
      },
    );
    expect([edit.status, edit.body.error.code]).toEqual([409, 'meeting_closed']);
    expect((await post('in-progress')).status).toBe(200);

    // The audit log has every move, with who made it.
    const audit = await api<{
      entries: Array<{ action: string; subject: string; detail: Record<string, unknown> }>;
    }>(server, 'GET', '/api/audit?action=meeting.status&limit=100', { token: fixture.adminToken });
    const moves = audit.body.entries
      .filter((e) => e.subject === `meeting:${other.meeting.id}`)
      .map((e) => `${e.detail.from as string}→${e.detail.to as string}`)
      .reverse();
    expect(moves).toEqual([
      'draft→open',
      'open→in-progress',
      'in-progress→closed',
      'closed→in-progress',
    ]);
  });

  it("links a meeting to the branch's previous one of the same kind", async () => {
    const create = (kind: string) =>
      api<{ meeting: MeetingDetailView }>(server, 'POST', '/api/meetings', {
        token: tokenOf('secretary'),
        body: { branchId: fixture.branchId, kind, title: `下一次 ${kind}` },
      });
    const olm = await create('organizational-life');
    const dlm = await create('democratic-life');
    const dlmAgain = await create('democratic-life');
    expect(dlm.body.meeting.previousMeetingId).toBeGreaterThanOrEqual(fixture.meeting.id);
    expect(dlmAgain.body.meeting.previousMeetingId).toBe(dlm.body.meeting.id);
    expect(olm.body.meeting.previousMeetingId).toBeNull();
  });
});
