import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
} from '../../helpers/syncClients.js';

describe('rights that change while people are connected', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD);
    await setMeetingStatus(server, fixture, 'open');
  });
  afterAll(() => server.close());

  const doc = (rest: string): string => `m/${fixture.meeting.id}/${rest}`;

  const storedText = async (name: string, field: string): Promise<string> =>
    (await storedDocument(server, name)).getText(field).toString();

  function putParticipants(entries: Array<{ userId: number; role: string }>) {
    return api<{ meeting: MeetingDetailView }>(
      server,
      'PUT',
      `/api/meetings/${fixture.meeting.id}/participants`,
      { token: fixture.people.secretary!.token, body: entries },
    );
  }

  const standardEntries = () =>
    Object.values(fixture.people).flatMap((p) =>
      p.meetingRoles.map((role) => ({ userId: p.id, role })),
    );

  it('closing the meeting turns open connections read-only (4205, then readmitted) until reopened', async () => {
    const member = fixture.people.member!;
    const own = doc(`self/${member.id}`);
    const writer = connectProvider(server.syncUrl, own, member.token);
    await waitForSynced(writer);
    const closes: number[] = [];
    writer.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    writer.doc.getText('t').insert(0, '会前写的');
    await waitFor(
      async () => (await storedText(own, 't')) === '会前写的',
      'the edit before closing',
    );

    await setMeetingStatus(server, fixture, 'in-progress');
    await setMeetingStatus(server, fixture, 'closed');
    await waitFor(() => closes.includes(CloseCode.accessChanged), 'the 4205 close');
    await waitForSynced(writer);
    writer.doc.getText('t').insert(0, '结束后改的');
    // A reader's edits are dropped: ask a second connection what the server has.
    const check = connectProvider(server.syncUrl, own, fixture.people.recorder!.token);
    await waitForSynced(check);
    expect(check.doc.getText('t').toString()).toBe('会前写的');
    expect(await storedText(own, 't')).toBe('会前写的');
    check.destroy();

    await setMeetingStatus(server, fixture, 'in-progress');
    await waitFor(() => closes.filter((c) => c === CloseCode.accessChanged).length >= 2, 'reopen');
    await waitForSynced(writer);
    writer.doc.getText('t').insert(0, '重新开启后');
    await waitFor(
      async () => (await storedText(own, 't')).startsWith('重新开启后'),
      'the edit after reopening',
    );
    writer.destroy();
  });

  it('removing someone closes their connections, and they are refused after; the others stay', async () => {
    const deputy = fixture.people.deputy!;
    const member = fixture.people.member!;
    const deputyRaw = await openRawSocket(
      `${server.syncUrl}/${doc('collective')}?token=${deputy.token}`,
    );
    const memberRaw = await openRawSocket(
      `${server.syncUrl}/${doc('collective')}?token=${member.token}`,
    );
    await waitFor(() => deputyRaw.messages.length > 0 && memberRaw.messages.length > 0, 'admitted');

    const res = await putParticipants(standardEntries().filter((e) => e.userId !== deputy.id));
    expect(res.status).toBe(200);
    expect((await deputyRaw.closed).code).toBe(CloseCode.accessChanged);
    const again = await openRawSocket(
      `${server.syncUrl}/${doc('collective')}?token=${deputy.token}`,
    );
    // Still the branch's deputy, so they see the meeting, but may no longer read it.
    expect((await again.closed).code).toBe(CloseCode.forbidden);
    // The member's rights did not change: their connection is still open.
    expect(memberRaw.ws.readyState).toBe(memberRaw.ws.OPEN);
    memberRaw.ws.close();
    expect((await putParticipants(standardEntries())).status).toBe(200);
  });

  it("writes a new participant's opening outline once, however many requests race to add them", async () => {
    const bystander = fixture.people.bystander!;
    const entries = [...standardEntries(), { userId: bystander.id, role: 'participant' }];
    const results = await Promise.all(Array.from({ length: 5 }, () => putParticipants(entries)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // Out and in again: the material is kept, not written anew.
    await putParticipants(standardEntries());
    await putParticipants(entries);

    const reader = connectProvider(server.syncUrl, doc(`self/${bystander.id}`), bystander.token);
    await waitForSynced(reader);
    const outline = reader.doc.getXmlFragment('default').toString();
    expect(outline.match(/一、存在的主要问题/g)).toHaveLength(1);
    expect(outline.match(/（一）理论学习方面/g)).toHaveLength(1);
    expect(outline.match(/三、整改措施/g)).toHaveLength(1);
    reader.destroy();
    await putParticipants(standardEntries());
  });

  it('a branch role change re-admits open documents under the new rights; members in a meeting stay in the branch', async () => {
    const olm = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      prefix: 'role',
    });
    await setMeetingStatus(server, olm, 'open');
    const deputy = olm.people.deputy!;
    const collective = `m/${olm.meeting.id}/collective`;
    const raw = await openRawSocket(`${server.syncUrl}/${collective}?token=${deputy.token}`);
    await waitFor(() => raw.messages.length > 0, 'admitted');
    // As deputy secretary they write the 组织生活会's collective material; as a plain member, no more.
    const demoted = await api(server, 'POST', `/api/branches/${olm.branchId}/members`, {
      token: olm.adminToken,
      body: { userId: deputy.id, role: 'member' },
    });
    expect(demoted.status).toBe(200);
    expect((await raw.closed).code).toBe(CloseCode.accessChanged);
    const asMember = await api<{ meeting: MeetingDetailView }>(
      server,
      'GET',
      `/api/meetings/${olm.meeting.id}`,
      { token: deputy.token },
    );
    expect(asMember.body.meeting.documents.find((d) => d.kind === 'collective')?.canWrite).toBe(
      false,
    );

    const removal = await api<{ error: { code: string } }>(
      server,
      'DELETE',
      `/api/branches/${olm.branchId}/members/${deputy.id}`,
      { token: olm.adminToken },
    );
    expect([removal.status, removal.body.error.code]).toEqual([409, 'member_in_meeting']);
    // The bystander holds no role in a meeting: they may leave the branch.
    const bystander = olm.people.bystander!;
    expect(
      (
        await api(server, 'DELETE', `/api/branches/${olm.branchId}/members/${bystander.id}`, {
          token: olm.adminToken,
        })
      ).status,
    ).toBe(200);
  });
});
