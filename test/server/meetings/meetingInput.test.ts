import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingTemplate } from '../../../shared/meetings/meetingTemplates.js';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

interface BadRequest {
  what: string;
  method: string;
  route: string;
  body?: unknown;
  status: number;
  code: string;
}

describe('bad input to the meeting and template routes', () => {
  let server: TestServer;
  let a: MeetingFixture;
  let b: MeetingFixture;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await adminToken(server);
    a = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { prefix: 'a' });
    b = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { prefix: 'b' });
  });
  afterAll(() => server.close());

  /** Everything a secretary can see of their branch: it must be the same after every refusal. */
  async function snapshot(): Promise<unknown> {
    const token = a.people.secretary!.token;
    const [meeting, meetings, templates, otherMeeting] = await Promise.all([
      api(server, 'GET', `/api/meetings/${a.meeting.id}`, { token }),
      api(server, 'GET', `/api/branches/${a.branchId}/meetings`, { token }),
      api(server, 'GET', `/api/branches/${a.branchId}/templates`, { token }),
      api(server, 'GET', `/api/meetings/${b.meeting.id}`, { token: b.people.secretary!.token }),
    ]);
    return [meeting.body, meetings.body, templates.body, otherMeeting.body];
  }

  it('answers each with a 4xx and an error body, and changes nothing', async () => {
    const m = `/api/meetings/${a.meeting.id}`;
    const entries = a.meeting.participants.flatMap((p) =>
      p.roles.map((role) => ({ userId: p.userId, role })),
    );
    const create = { branchId: a.branchId, kind: 'democratic-life', title: '新会议' };
    const template = {
      kind: 'democratic-life',
      year: 2026,
      name: '本地主题',
      theme: '主题',
      aspects: ['方面一'],
    };
    const bad: BadRequest[] = [
      {
        what: 'no body',
        method: 'POST',
        route: '/api/meetings',
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'kind unknown',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, kind: 'party' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'title missing',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, title: undefined },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'title blank',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, title: '   ' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'branchId a string',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, branchId: '1' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'unknown field',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, status: 'closed' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'aspects not strings',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, aspects: [1, 2] },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'aspects twice the same',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, aspects: ['理论学习', '理论学习'] },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'a date that is no date',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, scheduledAt: '明天上午' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'template unknown',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, templateId: 'dlm-1999' },
        status: 400,
        code: 'unknown_template',
      },
      {
        what: 'template of another kind',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, templateId: 'olm-2023-theme-education' },
        status: 400,
        code: 'template_kind_mismatch',
      },
      {
        what: 'branch of someone else',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, branchId: b.branchId },
        status: 404,
        code: 'not_found',
      },
      {
        what: 'branch unknown',
        method: 'POST',
        route: '/api/meetings',
        body: { ...create, branchId: 999_999 },
        status: 404,
        code: 'not_found',
      },
      {
        what: 'id not a number',
        method: 'GET',
        route: '/api/meetings/abc',
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'id unknown',
        method: 'GET',
        route: '/api/meetings/999999',
        status: 404,
        code: 'not_found',
      },
      {
        what: 'meeting of another branch',
        method: 'PATCH',
        route: `/api/meetings/${b.meeting.id}`,
        body: { title: 'x' },
        status: 404,
        code: 'not_found',
      },
      {
        what: 'empty patch',
        method: 'PATCH',
        route: m,
        body: {},
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'year out of range',
        method: 'PATCH',
        route: m,
        body: { year: 1900 },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'patch with a wrong type',
        method: 'PATCH',
        route: m,
        body: { title: 42 },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'participants not a list',
        method: 'PUT',
        route: `${m}/participants`,
        body: { userId: 1, role: 'host' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'participant role unknown',
        method: 'PUT',
        route: `${m}/participants`,
        body: [...entries, { userId: a.people.bystander!.id, role: 'chair' }],
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'participant listed twice',
        method: 'PUT',
        route: `${m}/participants`,
        body: [...entries, entries[0]],
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'participant and supervisor at once',
        method: 'PUT',
        route: `${m}/participants`,
        body: [...entries, { userId: a.people.member!.id, role: 'supervisor' }],
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'participant unknown',
        method: 'PUT',
        route: `${m}/participants`,
        body: [...entries, { userId: 999_999, role: 'participant' }],
        status: 400,
        code: 'invalid_participants',
      },
      {
        what: 'participant from another branch',
        method: 'PUT',
        route: `${m}/participants`,
        body: [...entries, { userId: b.people.member!.id, role: 'participant' }],
        status: 400,
        code: 'invalid_participants',
      },
      {
        what: 'status unknown',
        method: 'POST',
        route: `${m}/status`,
        body: { status: 'finished' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'status skipping a step',
        method: 'POST',
        route: `${m}/status`,
        body: { status: 'closed' },
        status: 409,
        code: 'invalid_transition',
      },
      {
        what: 'template without aspects',
        method: 'POST',
        route: `/api/branches/${a.branchId}/templates`,
        body: { ...template, aspects: undefined },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'template with a wrong year',
        method: 'POST',
        route: `/api/branches/${a.branchId}/templates`,
        body: { ...template, year: '2026' },
        status: 400,
        code: 'invalid_request',
      },
      {
        what: 'template in another branch',
        method: 'POST',
        route: `/api/branches/${b.branchId}/templates`,
        body: template,
        status: 404,
        code: 'not_found',
      },
      {
        what: 'deleting a built-in template',
        method: 'DELETE',
        route: `/api/branches/${a.branchId}/templates/dlm-2024`,
        status: 404,
        code: 'not_found',
      },
      {
        what: 'deleting a template id that is no id',
        method: 'DELETE',
        route: `/api/branches/${a.branchId}/templates/custom-x`,
        status: 404,
        code: 'not_found',
      },
    ];
    const before = await snapshot();
    const answers = [];
    for (const req of bad) {
      const res = await api<{ error?: { code: string; message: string } }>(
        server,
        req.method,
        req.route,
        {
          token: a.people.secretary!.token,
          body: req.body,
        },
      );
      answers.push({ what: req.what, status: res.status, code: res.body?.error?.code });
      expect(typeof res.body?.error?.message).toBe('string');
    }
    expect(answers).toEqual(bad.map((r) => ({ what: r.what, status: r.status, code: r.code })));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await api<{ error: { code: string } }>(server, 'POST', '/api/meetings', {
      token: a.people.secretary!.token,
      body: { branchId: a.branchId, kind: 'democratic-life', title: 'x'.repeat(1_100_000) },
    });
    expect([res.status, res.body.error.code]).toEqual([413, 'entity_too_large']);
  });

  it("keeps a branch's own templates to that branch", async () => {
    const token = a.people.secretary!.token;
    const created = await api<{ template: MeetingTemplate }>(
      server,
      'POST',
      `/api/branches/${a.branchId}/templates`,
      {
        token,
        body: {
          kind: 'organizational-life',
          year: 2026,
          name: '本地专题组织生活会',
          theme: '本地主题',
          aspects: ['学习', '纪律'],
        },
      },
    );
    expect(created.status).toBe(201);
    const id = created.body.template.id;
    // Another branch's secretary cannot use, see or delete it.
    const other = await api<{ error: { code: string } }>(server, 'POST', '/api/meetings', {
      token: b.people.secretary!.token,
      body: { branchId: b.branchId, kind: 'organizational-life', title: '借用', templateId: id },
    });
    expect(other.body.error.code).toBe('unknown_template');
    const listB = await api<{ templates: MeetingTemplate[] }>(
      server,
      'GET',
      `/api/branches/${b.branchId}/templates`,
      {
        token: b.people.secretary!.token,
      },
    );
    expect(listB.body.templates.map((t) => t.id)).not.toContain(id);
    expect(
      (
        await api(server, 'DELETE', `/api/branches/${b.branchId}/templates/${id}`, {
          token: b.people.secretary!.token,
        })
      ).status,
    ).toBe(404);
    // Its own branch uses it: the meeting gets its aspects.
    const used = await api<{ meeting: MeetingDetailView }>(server, 'POST', '/api/meetings', {
      token,
      body: { branchId: a.branchId, kind: 'organizational-life', title: '本地会', templateId: id },
    });
    expect(used.body.meeting.aspects).toEqual(['学习', '纪律']);
    expect(used.body.meeting.year).toBe(2026);
    // Members see it; only the secretary deletes it.
    const member = a.people.member!.token;
    expect(
      (await api(server, 'GET', `/api/branches/${a.branchId}/templates`, { token: member })).status,
    ).toBe(200);
    expect(
      (
        await api(server, 'DELETE', `/api/branches/${a.branchId}/templates/${id}`, {
          token: member,
        })
      ).status,
    ).toBe(403);
    expect(
      (await api(server, 'DELETE', `/api/branches/${a.branchId}/templates/${id}`, { token }))
        .status,
    ).toBe(200);
    expect(
      (await api(server, 'DELETE', `/api/branches/${a.branchId}/templates/${id}`, { token: admin }))
        .status,
    ).toBe(403);
  });
});
