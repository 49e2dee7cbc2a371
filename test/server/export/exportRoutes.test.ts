import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  callerToken,
  createMeetingFixture,
  setMeetingStatus,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { paragraphTexts, unzipDocx } from '../../helpers/ooxml.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

const MEETING_FILES = ['minutes.docx', 'minutes.md', 'report.docx', 'rectifications.xlsx'];

describe('who may export what', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  const get = async (caller: Caller, file: string) => {
    const res = await fetch(`${server.url}/api/meetings/${fixture.meeting.id}/export/${file}`, {
      headers: { authorization: `Bearer ${callerToken(fixture, caller)}` },
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type') ?? '', body };
  };
  const material = (caller: Caller, document: string) =>
    get(caller, `document.docx?document=${encodeURIComponent(document)}`);
  const doc = (name: string) => `m/${fixture.meeting.id}/${name}`;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: 'rights',
      statuses: ['open'],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives the minutes, the report and the ledger to everyone in the meeting', async () => {
    for (const caller of ['secretary', 'member', 'attendee', 'supervisor'] as const) {
      for (const file of MEETING_FILES) {
        expect(`${caller} ${file} ${(await get(caller, file)).status}`).toBe(
          `${caller} ${file} 200`,
        );
      }
    }
  });

  it('answers 403 to a branch member not in the meeting and the site admin, who see it; 404 to an outsider', async () => {
    const refusals = [
      ['bystander', 403, 'forbidden'],
      ['admin', 403, 'forbidden'],
      ['outsider', 404, 'not_found'],
    ] as const;
    for (const [caller, status, code] of refusals) {
      for (const file of MEETING_FILES) {
        const res = await get(caller, file);
        expect(`${caller} ${file} ${res.status}`).toBe(`${caller} ${file} ${status}`);
        expect(JSON.parse(res.body.toString()).error.code).toBe(code);
      }
      expect((await material(caller, doc('collective'))).status).toBe(status);
    }
  });

  it('gives a material only to whoever may read it', async () => {
    const member = fixture.people.member!.id;
    expect((await material('recorder', doc(`self/${member}`))).status).toBe(200);
    expect((await material('member', doc(`notes/${member}`))).status).toBe(200);
    // Someone else's notes: refused like the sync channel refuses them (4403).
    expect((await material('recorder', doc(`notes/${member}`))).status).toBe(403);
    expect((await material('secretary', doc(`notes/${member}`))).status).toBe(403);
    // No such document, or one of another meeting named under this meeting's path.
    expect((await material('member', doc('self/999999'))).status).toBe(404);
    expect((await material('member', `m/${fixture.meeting.id + 1000}/collective`)).status).toBe(
      404,
    );
    expect((await material('member', '../../etc/passwd')).status).toBe(400);
    expect((await get('member', 'document.docx')).status).toBe(400);
    expect((await get('member', 'minutes.pdf')).status).toBe(404);
  });

  it('exports a meeting where nothing has happened yet, with blanks to fill', async () => {
    const minutes = await unzipDocx((await get('member', 'minutes.docx')).body);
    const texts = paragraphTexts(minutes.document);
    expect(texts).toContain('（未记录发言内容）');
    expect(texts).toContain('会上未记录整改事项。');
    const report = paragraphTexts(
      (await unzipDocx((await get('member', 'report.docx')).body)).document,
    );
    expect(report.join('\n')).toContain('会上共发言0人次');
    expect(report).toContain('详见班子对照检查材料。');
    const own = await material('member', doc(`self/${fixture.people.member!.id}`));
    expect(paragraphTexts((await unzipDocx(own.body)).document)[0]).toBe(
      '个人对照检查材料（张党员）',
    );
    expect(own.type).toContain('wordprocessingml');
  });

  it('audits every export with its kind', async () => {
    const before = await audited();
    await get('supervisor', 'minutes.md');
    await material('member', doc('collective'));
    await get('outsider', 'report.docx');
    const after = await audited();
    const entries = after.slice(0, after.length - before.length);
    expect(entries.map((e) => [e.actorId, e.subject, e.detail])).toEqual([
      [
        fixture.people.member!.id,
        `meeting:${fixture.meeting.id}`,
        { kind: 'document.docx', document: doc('collective') },
      ],
      [fixture.people.supervisor!.id, `meeting:${fixture.meeting.id}`, { kind: 'minutes.md' }],
    ]);
  });

  it('still exports once the meeting is closed, when the record is final', async () => {
    await setMeetingStatus(server, fixture, 'in-progress');
    await setMeetingStatus(server, fixture, 'closed');
    for (const file of MEETING_FILES) {
      expect(`${file} ${(await get('supervisor', file)).status}`).toBe(`${file} 200`);
    }
    expect((await get('bystander', 'minutes.docx')).status).toBe(403);
    expect((await get('outsider', 'minutes.docx')).status).toBe(404);
  });

  async function audited() {
    const res = await api<{
      entries: { actorId: number; subject: string; detail: Record<string, unknown> }[];
    }>(server, 'GET', '/api/audit?action=meeting.export&limit=200', { token: fixture.adminToken });
    return res.body.entries;
  }
});
