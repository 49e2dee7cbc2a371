import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import type {
  RectificationDetailView,
  RectificationMessage,
  RectificationProposalMessage,
  RectificationProposalView,
} from '../../../shared/rectifications/rectificationViews.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  callerToken,
  createMeetingFixture,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';
import { waitFor } from '../../helpers/syncClients.js';

type Answer = {
  proposals: RectificationProposalView[];
  proposal: RectificationProposalView;
  rectification: RectificationDetailView;
  error?: { code: string };
};

describe('rectification proposals from an imported material', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let watcher: MeetingClient;
  const proposalEvents: RectificationProposalMessage[] = [];
  const itemEvents: RectificationMessage[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
    watcher = await connectMeetingClient(server, fixture.people.supervisor!.token);
    const joined = await watcher.join(fixture.meeting.id);
    if (!joined.ok) throw new Error(joined.error.code);
    watcher.socket.on(MeetingEvent.rectificationProposal, (m: RectificationProposalMessage) =>
      proposalEvents.push(m),
    );
    watcher.socket.on(MeetingEvent.rectification, (m: RectificationMessage) => itemEvents.push(m));
  });
  afterAll(async () => {
    watcher.close();
    await server.close();
  });

  const id = (key: string): number => fixture.people[key]!.id;
  const doc = (rest: string): string => `m/${fixture.meeting.id}/${rest}`;
  const path = (rest = ''): string =>
    `/api/meetings/${fixture.meeting.id}/rectification-proposals${rest}`;
  const as = (caller: Caller, method: string, route: string, body?: unknown) =>
    api<Answer>(server, method, route, { token: callerToken(fixture, caller), body });
  const outcome = async (pending: ReturnType<typeof as>): Promise<number | string> => {
    const res = await pending;
    return res.status < 300 ? res.status : `${res.status} ${res.body.error?.code}`;
  };
  const measures = (document: string) => ({
    document,
    proposals: [
      { text: '坚持每周自学不少于3小时', aspect: '理论学习', heading: '（一）加强理论武装' },
      { text: '每季度深入基层调研一次', aspect: '担当作为', heading: '（二）改进工作作风' },
    ],
  });

  it('are made by the material’s owner or a manager, from shared documents only', async () => {
    const own = measures(doc(`self/${id('member')}`));
    expect(await outcome(as('member', 'POST', path(), own))).toBe(201);
    const others = measures(doc(`self/${id('deputy')}`));
    expect(await outcome(as('member', 'POST', path(), others))).toBe('403 forbidden');
    expect(await outcome(as('recorder', 'POST', path(), others))).toBe('403 forbidden');
    expect(await outcome(as('secretary', 'POST', path(), measures(doc('collective'))))).toBe(201);
    expect(
      await outcome(as('secretary', 'POST', path(), measures(doc(`notes/${id('secretary')}`)))),
    ).toBe('400 invalid_document');
    expect(await outcome(as('secretary', 'POST', path(), measures('m/999/collective')))).toBe(
      '400 invalid_document',
    );
    expect(await outcome(as('outsider', 'POST', path(), own))).toBe('404 not_found');
    await waitFor(() => proposalEvents.length === 4, 'four proposals at the watcher');
  });

  it('wait, pending, for everyone in the meeting to see', async () => {
    const listed = await as('attendee', 'GET', path());
    expect(listed.body.proposals.map((p) => [p.document, p.text, p.status])).toEqual([
      [doc(`self/${id('member')}`), '坚持每周自学不少于3小时', 'pending'],
      [doc(`self/${id('member')}`), '每季度深入基层调研一次', 'pending'],
      [doc('collective'), '坚持每周自学不少于3小时', 'pending'],
      [doc('collective'), '每季度深入基层调研一次', 'pending'],
    ]);
    expect(listed.body.proposals[0]!.createdBy.displayName).toBe('张党员');
    expect(await outcome(as('bystander', 'GET', path()))).toBe('403 forbidden');
  });

  it('become an item from 自查 when a manager accepts one, owned by the material’s author', async () => {
    const [first, second, fromCollective] = (await as('secretary', 'GET', path())).body.proposals;
    expect(await outcome(as('member', 'POST', path(`/${first!.id}/accept`), {}))).toBe(
      '403 forbidden',
    );
    expect(await outcome(as('recorder', 'POST', path(`/${first!.id}/accept`), {}))).toBe(
      '403 forbidden',
    );
    const accepted = await as('secretary', 'POST', path(`/${first!.id}/accept`), {
      measures: '制定个人学习计划',
      deadline: '2027-06-30',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.rectification).toMatchObject({
      seq: 1,
      source: 'self-check',
      problem: '坚持每周自学不少于3小时',
      aspect: '理论学习',
      measures: '制定个人学习计划',
      owner: { id: id('member') },
      deadline: '2027-06-30',
    });
    expect(accepted.body.proposal).toMatchObject({
      status: 'accepted',
      decidedBy: { id: id('secretary') },
      rectificationId: accepted.body.rectification.id,
    });
    expect(await outcome(as('secretary', 'POST', path(`/${first!.id}/accept`), {}))).toBe(
      '409 proposal_decided',
    );
    // From the collective material nobody owns it: the owner must be named.
    expect(await outcome(as('secretary', 'POST', path(`/${fromCollective!.id}/accept`), {}))).toBe(
      '400 owner_required',
    );
    expect(
      await outcome(
        as('secretary', 'POST', path(`/${fromCollective!.id}/accept`), {
          ownerUserId: id('deputy'),
        }),
      ),
    ).toBe(201);

    expect(await outcome(as('member', 'POST', path(`/${second!.id}/drop`)))).toBe('403 forbidden');
    const dropped = await as('secretary', 'POST', path(`/${second!.id}/drop`));
    expect(dropped.body.proposal.status).toBe('dropped');
    expect(await outcome(as('secretary', 'POST', path(`/${second!.id}/drop`)))).toBe(
      '409 proposal_decided',
    );
    expect(await outcome(as('secretary', 'POST', path('/99999/drop')))).toBe('404 not_found');

    const pending = (await as('member', 'GET', path())).body.proposals;
    expect(pending).toHaveLength(1);
    await waitFor(
      () => proposalEvents.some((e) => e.proposal.status === 'dropped') && itemEvents.length === 2,
      'the decisions and the new items at the watcher',
    );
  });

  it('audits each decision', async () => {
    const rows = await storedRows<{ action: string }>(
      server,
      "SELECT action FROM audit_log WHERE action LIKE 'rectification.%' ORDER BY id",
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'rectification.proposal.accept')).toHaveLength(2);
    expect(actions.filter((a) => a === 'rectification.proposal.drop')).toHaveLength(1);
    expect(actions.filter((a) => a === 'rectification.create')).toHaveLength(2);
  });
});
