import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FIELD } from '../../../shared/editor/documentExtensions.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  callerToken,
  createMeetingFixture,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

describe('GET /api/branches/:id/rectifications.xlsx: the branch ledger as Excel', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  const id = (key: string) => fixture.people[key]!.id;
  const as = (caller: Caller, method: string, route: string, body?: unknown) =>
    api<{ rectification: { id: number }; error?: { code: string } }>(server, method, route, {
      token: callerToken(fixture, caller),
      body,
    });
  const download = (caller: Caller, query = '') =>
    fetch(`${server.url}/api/branches/${fixture.branchId}/rectifications.xlsx${query}`, {
      headers: { authorization: `Bearer ${callerToken(fixture, caller)}` },
    });

  /** The 问题表现 column (D) of the data rows, below the title and the header. */
  async function problemsIn(res: Response): Promise<string[]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const problems: string[] = [];
    sheet.eachRow((row, number) => {
      const problem = row.getCell(4).value;
      if (number > 2 && typeof problem === 'string' && problem !== '') problems.push(problem);
    });
    return problems;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: 'lx',
      statuses: ['open'],
    });
    const meetingId = fixture.meeting.id;
    const items = [
      { problem: '理论学习不够深入', owner: 'member', deadline: '2001-05-01' },
      { problem: '联系群众不够紧密', owner: 'deputy', deadline: '2099-01-01' },
      { problem: '调查研究不够经常', owner: 'member', deadline: null },
    ];
    for (const item of items) {
      const res = await as('recorder', 'POST', `/api/meetings/${meetingId}/rectifications`, {
        source: 'self-check',
        aspect: '理论学习',
        problem: item.problem,
        ownerUserId: id(item.owner),
        deadline: item.deadline,
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => server?.close());

  it('serves every item of the branch as the ledger workbook, named after the branch', async () => {
    const res = await download('secretary');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(
      'lx-第一党支部整改台账.xlsx',
    );
    expect(await problemsIn(res)).toEqual([
      '理论学习不够深入',
      '联系群众不够紧密',
      '调查研究不够经常',
    ]);
  });

  it('applies the ledger page’s filters: owner, overdue', async () => {
    expect(await problemsIn(await download('secretary', `?ownerId=${id('member')}`))).toEqual([
      '理论学习不够深入',
      '调查研究不够经常',
    ]);
    expect(await problemsIn(await download('secretary', '?overdue=true'))).toEqual([
      '理论学习不够深入',
    ]);
  });

  it('audits the export, since the file leaves the server', async () => {
    const res = await api<{ entries: Array<{ action: string; subject: string | null }> }>(
      server,
      'GET',
      '/api/audit?action=rectification.export',
      { token: fixture.adminToken },
    );
    expect(res.status).toBe(200);
    const exports = res.body.entries.filter((e) => e.action === 'rectification.export');
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(exports[0]!.subject).toBe(`branch:${fixture.branchId}`);
  });

  it('gives one item the positions of its text link, for the editor to select; lists leave them out', async () => {
    // Positions in a paragraph's text, as the editor makes them (the server only decodes them).
    const node = new Y.XmlText('批评意见');
    new Y.Doc().getXmlFragment(DOCUMENT_FIELD).insert(0, [node]);
    const encode = (pos: Y.RelativePosition) =>
      Buffer.from(Y.encodeRelativePosition(pos)).toString('base64');
    const anchor = {
      document: `m/${fixture.meeting.id}/minutes`,
      start: encode(Y.createRelativePositionFromTypeIndex(node, 0)),
      end: encode(Y.createRelativePositionFromTypeIndex(node, 4, -1)),
      quote: '批评意见',
    };
    const created = await as(
      'recorder',
      'POST',
      `/api/meetings/${fixture.meeting.id}/rectifications`,
      {
        source: 'mutual-criticism',
        problem: '批评意见',
        ownerUserId: id('member'),
        anchor,
      },
    );
    expect(created.status).toBe(201);
    const itemId = created.body.rectification.id;
    const detail = await api<{ rectification: { anchorPositions: unknown } }>(
      server,
      'GET',
      `/api/rectifications/${itemId}`,
      { token: callerToken(fixture, 'member') },
    );
    expect(detail.body.rectification.anchorPositions).toEqual({
      start: anchor.start,
      end: anchor.end,
    });
    const list = await api<{ items: Array<Record<string, unknown>> }>(
      server,
      'GET',
      `/api/meetings/${fixture.meeting.id}/rectifications`,
      { token: callerToken(fixture, 'member') },
    );
    const listed = list.body.items.find((i) => i.id === itemId)!;
    expect(listed).not.toHaveProperty('anchorPositions');
    expect(listed.anchor).toMatchObject({ document: anchor.document, quote: '批评意见' });
  });

  it('refuses what the ledger refuses: paging, unknown filters, outsiders', async () => {
    const paged = await download('secretary', '?page=2');
    expect(paged.status).toBe(400);
    expect(((await paged.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_request',
    );
    expect((await download('secretary', '?status=finished')).status).toBe(400);
    expect((await download('outsider')).status).toBe(404);
  });
});
