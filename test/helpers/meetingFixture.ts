import type {
  MeetingDetailView,
  MeetingKind,
  MeetingRole,
  MeetingStatus,
} from '../../shared/meetings/meetingSchemas.js';
import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import { api, type ServerAddress } from './apiClient.js';
import { createReadyUser, signInOverHttp } from './userAccounts.js';

/** A person in the fixture: their account, branch role and meeting roles. */
export interface FixturePerson {
  key: string;
  /** Default `<prefix>-<key>`. */
  username?: string;
  displayName: string;
  branchRole: BranchRole | null;
  meetingRoles: MeetingRole[];
}

export interface SignedInPerson extends FixturePerson {
  username: string;
  id: number;
  token: string;
}

export interface MeetingFixture {
  branchId: number;
  meeting: MeetingDetailView;
  people: Record<string, SignedInPerson>;
  adminToken: string;
}

/** Every fixture person's password. */
export const FIXTURE_PASSWORD = 'Fixture-Pass-2026';

/**
 * The usual cast of a 民主生活会: the secretary hosts and takes part, a recorder who also takes
 * part, two more participants, an attendee, a supervisor from outside the branch, a branch
 * member left out of the meeting, and an outsider.
 */
export const STANDARD_CAST: readonly FixturePerson[] = [
  {
    key: 'secretary',
    displayName: '王书记',
    branchRole: 'secretary',
    meetingRoles: ['host', 'participant'],
  },
  {
    key: 'recorder',
    displayName: '李记录',
    branchRole: 'committee',
    meetingRoles: ['recorder', 'participant'],
  },
  { key: 'member', displayName: '张党员', branchRole: 'member', meetingRoles: ['participant'] },
  { key: 'deputy', displayName: '赵副书记', branchRole: 'deputy', meetingRoles: ['participant'] },
  { key: 'attendee', displayName: '钱列席', branchRole: 'member', meetingRoles: ['attendee'] },
  { key: 'supervisor', displayName: '孙督导', branchRole: null, meetingRoles: ['supervisor'] },
  { key: 'bystander', displayName: '周党员', branchRole: 'member', meetingRoles: [] },
  { key: 'outsider', displayName: '吴外人', branchRole: null, meetingRoles: [] },
];

/**
 * 王书记 and 张三 under plain usernames, for tests that sign in through the pages: the secretary
 * hosts and takes part, 张三 records and takes part.
 */
export const WANGSHUJI = {
  key: 'secretary',
  username: 'wangshuji',
  displayName: '王书记',
  branchRole: 'secretary',
  meetingRoles: ['host', 'participant'],
  password: FIXTURE_PASSWORD,
} satisfies FixturePerson & { password: string };
export const ZHANGSAN = {
  key: 'member',
  username: 'zhangsan',
  displayName: '张三',
  branchRole: 'member',
  meetingRoles: ['recorder', 'participant'],
  password: FIXTURE_PASSWORD,
} satisfies FixturePerson & { password: string };

/**
 * Through the real API: the admin (already set up, password `adminPassword`) creates the
 * accounts and a branch; the secretary creates a meeting from a template and sets its
 * participants. Every person is signed in; their tokens are returned.
 */
export async function createMeetingFixture(
  server: ServerAddress,
  adminPassword: string,
  options: {
    kind?: MeetingKind;
    templateId?: string;
    cast?: readonly FixturePerson[];
    /** Starts usernames (`<prefix>-<key>`) and the branch's name. */
    prefix?: string;
    title?: string;
    /** Status moves made after the participants are set, e.g. `['open']`. */
    statuses?: readonly MeetingStatus[];
  } = {},
): Promise<MeetingFixture> {
  const cast = options.cast ?? STANDARD_CAST;
  const prefix = options.prefix ?? 'f';
  const adminToken = await signInOverHttp(server, 'admin', adminPassword);
  const branch = await expectOk(
    api<{ branch: { id: number } }>(server, 'POST', '/api/branches', {
      token: adminToken,
      body: { name: `${prefix}-第一党支部` },
    }),
  );
  const people: Record<string, SignedInPerson> = {};
  for (const person of cast) {
    const username = person.username ?? `${prefix}-${person.key}`;
    await createReadyUser(server, adminPassword, {
      username,
      displayName: person.displayName,
      initialPassword: 'Initial-Pass-2026',
      password: FIXTURE_PASSWORD,
    });
    const token = await signInOverHttp(server, username, FIXTURE_PASSWORD);
    const me = await expectOk(
      api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', { token }),
    );
    people[person.key] = { ...person, username, id: me.user.id, token };
    if (person.branchRole) {
      await expectOk(
        api(server, 'POST', `/api/branches/${branch.branch.id}/members`, {
          token: adminToken,
          body: { userId: me.user.id, role: person.branchRole },
        }),
      );
    }
  }
  const secretary = Object.values(people).find((p) => p.branchRole === 'secretary');
  if (!secretary) throw new Error('the cast needs a secretary');
  const kind = options.kind ?? 'democratic-life';
  const created = await expectOk(
    api<{ meeting: MeetingDetailView }>(server, 'POST', '/api/meetings', {
      token: secretary.token,
      body: {
        branchId: branch.branch.id,
        kind,
        title: options.title ?? '2023年主题教育专题民主生活会',
        templateId:
          options.templateId ??
          (kind === 'democratic-life' ? 'dlm-2023-theme-education' : 'olm-2023-theme-education'),
        scheduledAt: '2026-12-20T09:00:00+08:00',
        location: '三楼会议室',
      },
    }),
  );
  const entries = Object.values(people).flatMap((p) =>
    p.meetingRoles.map((role) => ({ userId: p.id, role })),
  );
  const set = await expectOk(
    api<{ meeting: MeetingDetailView }>(
      server,
      'PUT',
      `/api/meetings/${created.meeting.id}/participants`,
      { token: secretary.token, body: entries },
    ),
  );
  const fixture = { branchId: branch.branch.id, meeting: set.meeting, people, adminToken };
  for (const status of options.statuses ?? []) {
    fixture.meeting = await setMeetingStatus(server, fixture, status);
  }
  return fixture;
}

/** Moves the meeting's status as its secretary; fails the test on any refusal. */
export async function setMeetingStatus(
  server: ServerAddress,
  fixture: MeetingFixture,
  status: MeetingStatus,
): Promise<MeetingDetailView> {
  const secretary = Object.values(fixture.people).find((p) => p.branchRole === 'secretary')!;
  const res = await expectOk(
    api<{ meeting: MeetingDetailView }>(
      server,
      'POST',
      `/api/meetings/${fixture.meeting.id}/status`,
      {
        token: secretary.token,
        body: { status },
      },
    ),
  );
  return res.meeting;
}

async function expectOk<T>(pending: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await pending;
  if (res.status >= 300) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A meeting whose only member is its secretary (host and participant), who may write every shared document. */
export async function createSoloMeeting(
  server: ServerAddress,
  adminPassword: string,
  prefix = 'solo',
): Promise<{ meetingId: number; token: string; documentName(document: string): string }> {
  const fixture = await createMeetingFixture(server, adminPassword, {
    cast: STANDARD_CAST.slice(0, 1),
    prefix,
  });
  return {
    meetingId: fixture.meeting.id,
    token: fixture.people.secretary!.token,
    documentName: (document) => `m/${fixture.meeting.id}/${document}`,
  };
}

/** The standard cast's keys, then the site admin: every kind of caller a test of rights needs. */
export const CALLERS = [
  'secretary', // host + participant, branch secretary
  'recorder', // recorder + participant, committee member
  'member', // participant
  'deputy', // participant, deputy secretary
  'attendee', // 列席
  'supervisor', // 督导组, not in the branch
  'bystander', // branch member left out of the meeting
  'outsider', // neither
  'admin', // site admin with no role in the meeting
] as const;
export type Caller = (typeof CALLERS)[number];

/** The session token of a caller of `CALLERS`. */
export function callerToken(fixture: MeetingFixture, caller: Caller): string {
  return caller === 'admin' ? fixture.adminToken : fixture.people[caller]!.token;
}
