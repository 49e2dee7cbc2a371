import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../../shared/editor/documentExtensions.js';
import type { MeetingDetailView, MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import type { Phase } from '../../../shared/moderation/meetingState.js';
import type { RectificationDetailView } from '../../../shared/rectifications/rectificationViews.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

const schema = getSchema(documentExtensions());

type Answer = { rectification: RectificationDetailView; meeting: MeetingDetailView };

/** Each block of a stored document as its text, headings and paragraphs alike. */
async function storedBlocks(server: TestServer, name: string): Promise<string[]> {
  const doc = await storedDocument(server, name);
  const content = yXmlFragmentToProseMirrorRootNode(
    doc.getXmlFragment(DOCUMENT_FIELD),
    schema,
  ).toJSON() as JSONContent;
  return (content.content ?? []).map((b) => (b.content ?? []).map((n) => n.text ?? '').join(''));
}

/** The last meeting’s items carried into the branch’s next meeting of the same kind. */
describe('上年度整改落实情况 in the next meeting, over real HTTP', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  /** The second 民主生活会 of the branch, created after the first one closed. */
  let next: MeetingDetailView;
  let verifiedDay = '';

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
    const first = await newItem('理论学习不够深入，学用结合不紧', '每月集中学习一次');
    // Noted out of order: the latest is the one of the latest day, not the one entered last.
    await progress(first, '制定了年度学习计划', '2027-01-05');
    await progress(first, '完成第一季度集中学习', '2027-03-01');
    await progress(first, '补记：一月份专题辅导', '2027-01-20');
    await status(first, 'done');
    const verified = await call('secretary', 'POST', `/api/rectifications/${first}/verify`);
    verifiedDay = chineseDay(verified.body.rectification.verified!.at);
    const second = await newItem('调查研究不够深入', '每季度开展一次专题调研');
    await progress(second, '已开展两次调研', '2027-02-10');
    await status(second, 'in-progress');
    const third = await newItem('联系群众不够紧密', '建立联系点制度');
    await status(third, 'long-term');
    await setMeetingStatus(server, fixture, 'in-progress');
    await setMeetingStatus(server, fixture, 'closed');
    next = await createMeeting('democratic-life', '2024年度民主生活会');
  });
  afterAll(() => server.close());

  const id = (key: string): number => fixture.people[key]!.id;
  const call = (key: string, method: string, route: string, body?: unknown) =>
    api<Answer>(server, method, route, { token: fixture.people[key]!.token, body });
  async function ok(pending: ReturnType<typeof call>): Promise<Answer> {
    const res = await pending;
    if (res.status >= 300) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function newItem(problem: string, measures: string): Promise<number> {
    const created = await ok(
      call('secretary', 'POST', `/api/meetings/${fixture.meeting.id}/rectifications`, {
        source: 'mutual-criticism',
        aspect: '理论学习',
        problem,
        measures,
        ownerUserId: id('member'),
        leaderUserId: id('deputy'),
      }),
    );
    return created.rectification.id;
  }
  const progress = (item: number, note: string, notedOn: string) =>
    ok(call('member', 'POST', `/api/rectifications/${item}/progress`, { note, notedOn }));
  const status = (item: number, to: string) =>
    ok(call('member', 'POST', `/api/rectifications/${item}/status`, { status: to }));
  async function createMeeting(kind: MeetingKind, title: string): Promise<MeetingDetailView> {
    const created = await ok(
      call('secretary', 'POST', '/api/meetings', {
        branchId: fixture.branchId,
        kind,
        title,
        templateId: kind === 'democratic-life' ? 'dlm-2024' : 'olm-2023-theme-education',
      }),
    );
    return created.meeting;
  }
  function chineseDay(at: number): string {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
      timeZone: server.config.meetingTimeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .format(at)
      .split('-')
      .map(Number);
    return `${y}年${m}月${d}日`;
  }
  const collective = (meetingId: number): Promise<string[]> =>
    storedBlocks(server, `m/${meetingId}/collective`);
  /** The meeting's phases as its host sees them on the moderation channel. */
  async function phases(meetingId: number): Promise<Phase[]> {
    const host = await connectMeetingClient(server, fixture.people.secretary!.token);
    try {
      const joined = await host.join(meetingId);
      if (!joined.ok) throw new Error(joined.error.code);
      return joined.state.phases;
    } finally {
      host.close();
    }
  }

  const COUNTS = '上年度民主生活会共查摆整改事项3项，已完成并销号1项，推进中1项，长期坚持1项。';

  it('opens the collective material with the section, the counts and each item’s latest progress', async () => {
    expect(next.previousMeetingId).toBe(fixture.meeting.id);
    const blocks = await collective(next.id);
    expect(blocks.slice(0, 5)).toEqual([
      '一、上年度整改落实情况',
      COUNTS,
      '1.问题：理论学习不够深入，学用结合不紧。整改措施：每月集中学习一次。责任人：张党员。' +
        `状态：已完成，已于${verifiedDay}销号。最新进展（2027年3月1日）：完成第一季度集中学习。`,
      '2.问题：调查研究不够深入。整改措施：每季度开展一次专题调研。责任人：张党员。' +
        '状态：推进中。最新进展（2027年2月10日）：已开展两次调研。',
      '3.问题：联系群众不够紧密。整改措施：建立联系点制度。责任人：张党员。' +
        '状态：长期坚持。最新进展：暂无记录。',
    ]);
    // The usual sections follow, numbered after it.
    const sections = blocks.filter((b) => /^[一二三四五六七八九十]+、/.test(b));
    expect(sections).toEqual([
      '一、上年度整改落实情况',
      '二、存在的主要问题',
      '三、原因剖析',
      '四、整改措施',
    ]);
    expect(blocks).toContain('（一）带头严守政治纪律和政治规矩，维护党的团结统一方面');
    // Personal materials keep the usual outline.
    const own = await storedBlocks(server, `m/${next.id}/self/${id('secretary')}`);
    expect(own[0]).toBe('一、存在的主要问题');
  });

  it('gives the agenda’s 通报 phase the counts and the list', async () => {
    const report = (await phases(next.id)).find((p) => p.kind === 'report');
    expect(report?.notes).toBe(
      [
        COUNTS,
        `1.理论学习不够深入，学用结合不紧（责任人：张党员；已完成，已于${verifiedDay}销号）`,
        '2.调查研究不够深入（责任人：张党员；推进中）',
        '3.联系群众不够紧密（责任人：张党员；长期坚持）',
      ].join('\n'),
    );
    expect((await phases(next.id)).filter((p) => p.notes !== undefined)).toHaveLength(1);
  });

  it('gives the branch’s first meeting, and a meeting of the other kind, no such section', async () => {
    expect((await collective(fixture.meeting.id))[0]).toBe('一、存在的主要问题');
    expect((await phases(fixture.meeting.id)).some((p) => p.notes !== undefined)).toBe(false);

    const olm = await createMeeting('organizational-life', '2023年主题教育专题组织生活会');
    expect(olm.previousMeetingId).toBeNull();
    const olmBlocks = await collective(olm.id);
    expect(olmBlocks[0]).toBe('一、存在的主要问题');
    expect(olmBlocks.join('\n')).not.toContain('上年度');
    expect((await phases(olm.id)).some((p) => p.notes !== undefined)).toBe(false);

    // A previous meeting that recorded no items has nothing to carry over either.
    const olmAgain = await createMeeting('organizational-life', '2024年度组织生活会');
    expect(olmAgain.previousMeetingId).toBe(olm.id);
    expect((await collective(olmAgain.id))[0]).toBe('一、存在的主要问题');
    expect((await phases(olmAgain.id)).some((p) => p.notes !== undefined)).toBe(false);
  });

  it('keeps edits to the section and the notes: nothing is generated again', async () => {
    const name = `m/${next.id}/collective`;
    await setMeetingStatus(server, { ...fixture, meeting: next }, 'open');
    const writer = connectProvider(server.syncUrl, name, fixture.people.secretary!.token);
    await waitForSynced(writer);
    // The secretary rewrites the counts paragraph as the editor would: text in its XmlText.
    const counts = writer.doc.getXmlFragment(DOCUMENT_FIELD).get(1) as Y.XmlElement;
    const text = counts.get(0) as Y.XmlText;
    text.delete(0, text.length);
    text.insert(0, '上年度查摆的3项整改事项，2项已基本完成。');
    await waitFor(
      async () => (await collective(next.id))[1] === '上年度查摆的3项整改事项，2项已基本完成。',
      'the edit stored',
    );
    writer.destroy();

    // The host edits the agenda without knowing of the notes: they stay.
    const host = await connectMeetingClient(server, fixture.people.secretary!.token);
    const joined = await host.join(next.id);
    if (!joined.ok) throw new Error(joined.error.code);
    const before = joined.state.phases;
    const edited = before.map(({ id: phaseId, title, kind }) => ({
      id: phaseId,
      title: kind === 'report' ? '通报上年度整改情况' : title,
      kind,
    }));
    expect((await host.command(next.id, { type: 'setPhases', phases: edited })).ok).toBe(true);
    host.close();

    // What could write the opening again: a new item last year, new people, changed facts.
    await newItem('会风会纪有待加强', '严格请销假制度');
    const entries = Object.values(fixture.people).flatMap((p) =>
      p.meetingRoles.map((role) => ({ userId: p.id, role })),
    );
    await ok(call('secretary', 'PUT', `/api/meetings/${next.id}/participants`, entries));
    await ok(
      call('secretary', 'PATCH', `/api/meetings/${next.id}`, { title: '2024年度民主生活会（改）' }),
    );

    const blocks = await collective(next.id);
    expect(blocks[1]).toBe('上年度查摆的3项整改事项，2项已基本完成。');
    expect(blocks.filter((b) => b.endsWith('上年度整改落实情况'))).toHaveLength(1);
    expect(blocks.join('\n')).not.toContain('会风会纪');
    const report = (await phases(next.id)).find((p) => p.kind === 'report')!;
    expect(report.title).toBe('通报上年度整改情况');
    expect(report.notes).toContain(COUNTS);
    expect(report.notes).not.toContain('会风会纪');
  });
});
