import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  RectificationDetailView,
  RectificationMessage,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
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
  rectification: RectificationDetailView;
  items: RectificationView[];
  error?: { code: string; message: string };
};

describe('整改事项: 销号 and sending back, over real HTTP', () => {
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
    // An item its owner has reported done, after an edit and a progress note.
    const created = await call('secretary', 'POST', itemsPath(), newItem('学习不够深入'));
    itemId = created.body.rectification.id;
    await call('recorder', 'PATCH', itemPath()(), { goal: '做到学思用贯通' });
    await call('member', 'POST', itemPath('/progress')(), {
      note: '已制定计划',
      notedOn: '2027-01-05',
    });
    await call('member', 'POST', itemPath('/status')(), { status: 'done' });
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

  it('is closed off (销号) by the secretary or the deputy, once, or sent back', async () => {
    //                                                  sec is checked below; dep verifies here
    for (const caller of ['recorder', 'member', 'attendee', 'supervisor'] as const) {
      expect(await outcome(call(caller, 'POST', itemPath('/verify')()))).toBe('403 forbidden');
      expect(
        await outcome(call(caller, 'POST', itemPath('/send-back')(), { reason: '不够' })),
      ).toBe('403 forbidden');
    }
    const verified = await call('deputy', 'POST', itemPath('/verify')());
    expect(verified.body.rectification.verified).toMatchObject({
      by: { id: id('deputy'), displayName: '赵副书记' },
    });
    expect(verified.body.rectification.verified!.at).toBeGreaterThan(0);
    expect(await outcome(call('secretary', 'POST', itemPath('/verify')()))).toBe(
      '409 already_verified',
    );
    expect(
      await outcome(call('member', 'POST', itemPath('/status')(), { status: 'in-progress' })),
    ).toBe('409 already_verified');
    expect(await outcome(call('recorder', 'PATCH', itemPath()(), { goal: '改' }))).toBe(
      '409 already_verified',
    );

    const back = await call('secretary', 'POST', itemPath('/send-back')(), {
      reason: '学习计划未落实到人',
    });
    expect(back.body.rectification).toMatchObject({
      status: 'in-progress',
      verified: null,
      sentBackReason: '学习计划未落实到人',
    });
    expect(
      await outcome(call('secretary', 'POST', itemPath('/send-back')(), { reason: '再退' })),
    ).toBe('409 not_completed');
    await call('member', 'POST', itemPath('/status')(), { status: 'long-term' });
    const again = await call('secretary', 'POST', itemPath('/verify')());
    expect(again.body.rectification).toMatchObject({ status: 'long-term', sentBackReason: null });
    await waitFor(
      () => events.at(-1)?.rectification.verified?.by.id === id('secretary'),
      'the 销号 at the watcher',
    );
  });

  it('audits every change', async () => {
    const rows = await storedRows<{ action: string; actor_id: number }>(
      server,
      'SELECT action, actor_id FROM audit_log WHERE subject = ? ORDER BY id',
      [`rectification:${itemId}`],
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const action of ['create', 'update', 'progress', 'status', 'verify', 'sendBack']) {
      expect(actions).toContain(`rectification.${action}`);
    }
    expect(rows.find((r) => r.action === 'rectification.verify')?.actor_id).toBe(id('deputy'));
  });
});

describe('整改事项: a host who is not the secretary closes items off too', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      statuses: ['open'],
      cast: [
        {
          key: 'secretary',
          displayName: '王书记',
          branchRole: 'secretary',
          meetingRoles: ['participant'],
        },
        {
          key: 'host',
          displayName: '刘委员',
          branchRole: 'committee',
          meetingRoles: ['host', 'participant'],
        },
        {
          key: 'recorder',
          displayName: '李记录',
          branchRole: 'member',
          meetingRoles: ['recorder', 'participant'],
        },
      ],
    });
  });
  afterAll(() => server.close());

  it('lets the host and the secretary verify, and the recorder not', async () => {
    const as = (key: string, method: string, route: string, body?: unknown) =>
      api<Answer>(server, method, route, { token: fixture.people[key]!.token, body });
    const made = async () => {
      const res = await as(
        'recorder',
        'POST',
        `/api/meetings/${fixture.meeting.id}/rectifications`,
        {
          source: 'self-check',
          problem: '调查研究不够',
          ownerUserId: fixture.people.recorder!.id,
          status: 'done',
        },
      );
      expect(res.status).toBe(201);
      return `/api/rectifications/${res.body.rectification.id}`;
    };
    const first = await made();
    expect((await as('recorder', 'POST', `${first}/verify`)).status).toBe(403);
    expect((await as('host', 'POST', `${first}/verify`)).status).toBe(200);
    const second = await made();
    expect((await as('secretary', 'POST', `${second}/verify`)).status).toBe(200);
  });
});
