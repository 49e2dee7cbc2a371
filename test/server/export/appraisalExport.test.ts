import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../shared/appraisal/appraisalSchemas.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { paragraphTexts, unzipDocx } from '../../helpers/ooxml.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

describe('the 民主评议 result in the minutes of a 组织生活会', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  const person = (key: string) => fixture.people[key]!;
  const call = (key: string, method: string, rest: string, body?: unknown) =>
    api(server, method, `/api/meetings/${fixture.meeting.id}/appraisal${rest}`, {
      token: person(key).token,
      body,
    });
  const members = () => ['secretary', 'recorder', 'member'].map((k) => person(k).id);
  const minutes = async (): Promise<string[]> => {
    const res = await fetch(
      `${server.url}/api/meetings/${fixture.meeting.id}/export/minutes.docx`,
      {
        headers: { authorization: `Bearer ${person('attendee').token}` },
      },
    );
    expect(res.status).toBe(200);
    return paragraphTexts((await unzipDocx(Buffer.from(await res.arrayBuffer()))).document);
  };

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      prefix: 'olm',
      statuses: ['open', 'in-progress'],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('says the appraisal is not done until the host closes the round', async () => {
    const opened = await call('secretary', 'POST', '/open', {
      voters: members(),
      subjects: members(),
    });
    expect(opened.status).toBe(200);
    const texts = await minutes();
    expect(texts).toContain('三、民主评议党员结果');
    expect(texts).toContain('民主评议党员未完成或未进行。');
  });

  it('prints each member’s votes and grade once it is closed', async () => {
    // 李记录 is given 优秀 by two ballots; everyone else 合格 by all three.
    const ballots: Grade[][] = [
      ['qualified', 'excellent', 'qualified'],
      ['qualified', 'excellent', 'qualified'],
      ['qualified', 'qualified', 'qualified'],
    ];
    for (const [i, key] of ['secretary', 'recorder', 'member'].entries()) {
      const grades = Object.fromEntries(members().map((id, j) => [String(id), ballots[i]![j]!]));
      const res = await call(key, 'PUT', '/ballot', {
        key: randomBytes(32).toString('base64url'),
        grades,
      });
      expect(res.status).toBe(200);
    }
    expect((await call('secretary', 'POST', '/close')).status).toBe(200);
    const texts = await minutes();
    expect(texts).toContain('共收回有效票3张，评议结果如下。');
    const row = (name: string) => {
      const at = texts.indexOf(name, texts.indexOf('评议等次'));
      return texts.slice(at, at + 6);
    };
    expect(row('王书记')).toEqual(['王书记', '0', '3', '0', '0', '合格']);
    expect(row('李记录')).toEqual(['李记录', '2', '1', '0', '0', '优秀']);
    expect(row('张党员')).toEqual(['张党员', '0', '3', '0', '0', '合格']);
  });
});

describe('a round closed with too few device ballots, in the minutes', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const person = (key: string) => fixture.people[key]!;
  const call = (key: string, method: string, rest: string, body?: unknown) =>
    api(server, method, `/api/meetings/${fixture.meeting.id}/appraisal${rest}`, {
      token: person(key).token,
      body,
    });

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      prefix: 'olw',
      statuses: ['open', 'in-progress'],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('says no result was published, and prints no counts', async () => {
    const members = ['secretary', 'recorder', 'member'].map((k) => person(k).id);
    expect(
      (await call('secretary', 'POST', '/open', { voters: members, subjects: members })).status,
    ).toBe(200);
    const slips = { excellent: 0, qualified: 2, 'basically-qualified': 0, unqualified: 0 };
    const counts = Object.fromEntries(members.map((id) => [String(id), slips]));
    expect((await call('secretary', 'PUT', '/paper', { ballots: 2, counts })).status).toBe(200);
    const grades = Object.fromEntries(members.map((id) => [String(id), 'unqualified']));
    const key = randomBytes(32).toString('base64url');
    expect((await call('member', 'PUT', '/ballot', { key, grades })).status).toBe(200);
    expect((await call('secretary', 'POST', '/close')).status).toBe(200);

    const res = await fetch(
      `${server.url}/api/meetings/${fixture.meeting.id}/export/minutes.docx`,
      {
        headers: { authorization: `Bearer ${person('attendee').token}` },
      },
    );
    const texts = paragraphTexts((await unzipDocx(Buffer.from(await res.arrayBuffer()))).document);
    expect(texts).toContain('民主评议投票人数不足，不公布结果。');
    expect(texts.join('\n')).not.toMatch(/有效票|不合格/);
  });
});
