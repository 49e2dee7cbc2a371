import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  RectificationDetailView,
  RectificationMessage,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  CALLERS,
  callerToken,
  createMeetingFixture,
  setMeetingStatus,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { waitFor } from '../../helpers/syncClients.js';

type Answer = {
  rectification: RectificationDetailView;
  items: RectificationView[];
  error?: { code: string; message: string };
};

describe('整改事项: who may record, report and read, over real HTTP', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let watcher: MeetingClient;
  const events: RectificationMessage[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
    watcher = await connectMeetingClient(server, fixture.people.attendee!.token);
    const joined = await watcher.join(fixture.meeting.id);
    if (!joined.ok) throw new Error(joined.error.code);
    watcher.socket.on(MeetingEvent.rectification, (m: RectificationMessage) => events.push(m));
  });
  afterAll(async () => {
    watcher.close();
    await server.close();
  });

  const id = (key: string): number => fixture.people[key]!.id;
  const call = (caller: Caller, method: string, route: string, body?: unknown) =>
    api<Answer>(server, method, route, { token: callerToken(fixture, caller), body });
  const itemsPath = (): string => `/api/meetings/${fixture.meeting.id}/rectifications`;
  const outcome = async (pending: ReturnType<typeof call>): Promise<number | string> => {
    const res = await pending;
    return res.status < 300 ? res.status : `${res.status} ${res.body.error?.code}`;
  };
  /** Every caller's answer to one request, as one object so that a failure shows them all. */
  async function outcomes(
    method: string,
    route: () => string,
    body: (caller: Caller) => unknown,
  ): Promise<Record<Caller, number | string>> {
    const out = {} as Record<Caller, number | string>;
    for (const caller of CALLERS)
      out[caller] = await outcome(call(caller, method, route(), body(caller)));
    return out;
  }
  const row = (...answers: Array<number | string>): Record<Caller, number | string> =>
    Object.fromEntries(CALLERS.map((c, i) => [c, answers[i]])) as Record<Caller, number | string>;
  const newItem = (problem: string) => ({
    source: 'mutual-criticism',
    aspect: '理论学习',
    problem,
    goal: '学深悟透',
    measures: '每月集中学习一次',
    leaderUserId: id('deputy'),
    ownerUserId: id('member'),
    deadline: '2027-03-31',
    subjectUserId: id('member'),
  });
  let itemId = 0;
  const itemPath =
    (rest = ''): (() => string) =>
    () =>
      `/api/rectifications/${itemId}${rest}`;

  it('is recorded by the host, the secretary and the recorder only, and shown live', async () => {
    //                          sec  rec  mem    dep    att    sup    bys    out    adm
    expect(await outcomes('POST', itemsPath, (c) => newItem(`${c} 提出：学习不够深入`))).toEqual(
      row(
        201,
        201,
        '403 forbidden',
        '403 forbidden',
        '403 forbidden',
        '403 forbidden',
        '403 forbidden',
        '404 not_found',
        '403 forbidden',
      ),
    );
    const list = await call('member', 'GET', itemsPath());
    expect(list.body.items.map((i) => [i.seq, i.problem, i.status])).toEqual([
      [1, 'secretary 提出：学习不够深入', 'not-started'],
      [2, 'recorder 提出：学习不够深入', 'not-started'],
    ]);
    const first = list.body.items[0]!;
    expect(first).toMatchObject({
      source: 'mutual-criticism',
      owner: { id: id('member'), displayName: '张党员' },
      leader: { id: id('deputy'), displayName: '赵副书记' },
      subject: { id: id('member'), displayName: '张党员' },
      createdBy: { id: id('secretary'), displayName: '王书记' },
      deadline: '2027-03-31',
      longTerm: false,
      verified: null,
      latestProgress: null,
      overdue: false,
      anchor: null,
    });
    itemId = first.id;
    await waitFor(() => events.length >= 2, 'both new items at the watcher');
    expect(events.map((e) => e.rectification.seq)).toEqual([1, 2]);
  });

  it('is read by everyone in the meeting, and by no one else', async () => {
    //                                       sec  rec  mem  dep  att  sup  bys    out    adm
    expect(await outcomes('GET', itemsPath, () => undefined)).toEqual(
      row(200, 200, 200, 200, 200, 200, '403 forbidden', '404 not_found', '403 forbidden'),
    );
    expect(await outcomes('GET', itemPath(), () => undefined)).toEqual(
      row(200, 200, 200, 200, 200, 200, '404 not_found', '404 not_found', '404 not_found'),
    );
  });

  it('has its fields edited by the host, the secretary and the recorder only', async () => {
    //                                                  sec  rec  mem              dep
    expect(await outcomes('PATCH', itemPath(), () => ({ goal: '做到学思用贯通' }))).toEqual(
      row(
        200,
        200,
        '403 forbidden',
        '403 forbidden',
        '403 forbidden',
        '403 forbidden',
        '404 not_found',
        '404 not_found',
        '404 not_found',
      ),
    );
    const outsider = await call('secretary', 'PATCH', itemPath()(), {
      ownerUserId: id('outsider'),
    });
    expect(outsider.body.error?.code).toBe('invalid_user');
    const bad = await call('secretary', 'PATCH', itemPath()(), { deadline: '2027-02-30' });
    expect(bad.status).toBe(400);
    const cleared = await call('recorder', 'PATCH', itemPath()(), {
      deadline: null,
      longTerm: true,
      aspect: '',
    });
    expect(cleared.body.rectification).toMatchObject({
      deadline: null,
      longTerm: true,
      aspect: '',
    });
  });

  it('takes dated progress from its owner, its leader and the managers', async () => {
    const note = (c: Caller) => ({ note: `${c}：已制定学习计划`, notedOn: '2027-01-05' });
    //                                                      sec  rec              mem  dep
    expect(await outcomes('POST', itemPath('/progress'), note)).toEqual(
      row(
        201,
        '403 forbidden',
        201,
        201,
        '403 forbidden',
        '403 forbidden',
        '404 not_found',
        '404 not_found',
        '404 not_found',
      ),
    );
    await call('member', 'POST', itemPath('/progress')(), {
      note: '开展专题研讨',
      notedOn: '2027-02-01',
    });
    const detail = (await call('supervisor', 'GET', itemPath()())).body.rectification;
    expect(detail.progress.map((p) => [p.notedOn, p.author.displayName, p.note])).toEqual([
      ['2027-01-05', '王书记', 'secretary：已制定学习计划'],
      ['2027-01-05', '张党员', 'member：已制定学习计划'],
      ['2027-01-05', '赵副书记', 'deputy：已制定学习计划'],
      ['2027-02-01', '张党员', '开展专题研讨'],
    ]);
    const listed = (await call('member', 'GET', itemsPath())).body.items.find(
      (i) => i.id === itemId,
    );
    expect(listed?.latestProgress?.note).toBe('开展专题研讨');
    expect(listed).not.toHaveProperty('progress');
  });

  it('has its status moved by its owner, its leader and the managers, never to verified', async () => {
    const to = (status: string) => () => ({ status });
    //                                                                sec  rec              mem
    expect(await outcomes('POST', itemPath('/status'), to('in-progress'))).toEqual(
      row(
        200,
        '403 forbidden',
        200,
        200,
        '403 forbidden',
        '403 forbidden',
        '404 not_found',
        '404 not_found',
        '404 not_found',
      ),
    );
    expect(
      await outcome(call('member', 'POST', itemPath('/status')(), { status: 'verified' })),
    ).toBe('400 invalid_request');
    expect(await outcome(call('member', 'POST', itemPath('/verify')()))).toBe('403 forbidden');
    expect(await outcome(call('deputy', 'POST', itemPath('/verify')()))).toBe('409 not_completed');
    expect(await outcome(call('member', 'POST', itemPath('/status')(), { status: 'done' }))).toBe(
      200,
    );
  });

  it('tells what is overdue in the meeting time zone', async () => {
    const past = { ...newItem('未按期完成的事项'), deadline: '2001-01-01' };
    const created = await call('recorder', 'POST', itemsPath(), past);
    expect(created.body.rectification.overdue).toBe(true);
    const done = await call(
      'member',
      'POST',
      `/api/rectifications/${created.body.rectification.id}/status`,
      {
        status: 'done',
      },
    );
    expect(done.body.rectification.overdue).toBe(false);
  });

  it('is recorded after the meeting closed, never in a draft', async () => {
    await setMeetingStatus(server, fixture, 'in-progress');
    await setMeetingStatus(server, fixture, 'closed');
    expect(await outcome(call('secretary', 'POST', itemsPath(), newItem('会后补充的问题')))).toBe(
      201,
    );
    const draft = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { prefix: 'draft' });
    const res = await api<Answer>(
      server,
      'POST',
      `/api/meetings/${draft.meeting.id}/rectifications`,
      {
        token: draft.people.secretary!.token,
        body: {
          ...newItem('草稿'),
          leaderUserId: null,
          subjectUserId: null,
          ownerUserId: draft.people.member!.id,
        },
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('meeting_draft');
  });
});
