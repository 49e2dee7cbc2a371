import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import type {
  MeetingDetailView,
  MeetingKind,
  MeetingRole,
  MeetingStatus,
} from '../../shared/meetings/meetingSchemas.js';
import { api } from './apiClient.js';
import type { TestServer } from './startTestServer.js';
import { createReadyUser, signInOverHttp, type NewUser } from './userAccounts.js';

/** Someone to set up: their account (with a password the test knows) and roles. */
export interface MeetingPerson {
  user: NewUser;
  branchRole: BranchRole | null;
  meetingRoles: MeetingRole[];
}

export interface MeetingOverHttp {
  branchId: number;
  meeting: MeetingDetailView;
  /** Account ids by username. */
  ids: Record<string, number>;
  /** A token of the branch secretary, who manages the meeting. */
  secretaryToken: string;
}

/**
 * Through the real API, for browser tests that sign people in with their own passwords: the
 * admin creates the accounts and a branch, the secretary (the one person with that branch
 * role) creates the meeting, sets its participants and moves it through `statuses`.
 */
export async function createMeetingOverHttp(
  server: TestServer,
  adminPassword: string,
  options: {
    branchName: string;
    people: readonly MeetingPerson[];
    kind?: MeetingKind;
    templateId?: string;
    title?: string;
    statuses?: readonly MeetingStatus[];
  },
): Promise<MeetingOverHttp> {
  const adminToken = await signInOverHttp(server, 'admin', adminPassword);
  const { branch } = await ok(
    api<{ branch: { id: number } }>(server, 'POST', '/api/branches', {
      token: adminToken,
      body: { name: options.branchName },
    }),
  );
  const ids: Record<string, number> = {};
  let secretaryToken: string | undefined;
  for (const person of options.people) {
    await createReadyUser(server, adminPassword, person.user);
    const token = await signInOverHttp(server, person.user.username, person.user.password);
    const { user } = await ok(
      api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', { token }),
    );
    ids[person.user.username] = user.id;
    if (person.branchRole === 'secretary') secretaryToken = token;
    if (person.branchRole) {
      await ok(
        api(server, 'POST', `/api/branches/${branch.id}/members`, {
          token: adminToken,
          body: { userId: user.id, role: person.branchRole },
        }),
      );
    }
  }
  if (!secretaryToken) throw new Error('someone must be the secretary');
  const kind = options.kind ?? 'democratic-life';
  const created = await ok(
    api<{ meeting: MeetingDetailView }>(server, 'POST', '/api/meetings', {
      token: secretaryToken,
      body: {
        branchId: branch.id,
        kind,
        title: options.title ?? '2023年主题教育专题民主生活会',
        templateId: options.templateId ?? 'dlm-2023-theme-education',
        scheduledAt: '2026-12-20T09:00:00+08:00',
        location: '三楼会议室',
      },
    }),
  );
  const meetingId = created.meeting.id;
  let { meeting } = await ok(
    api<{ meeting: MeetingDetailView }>(server, 'PUT', `/api/meetings/${meetingId}/participants`, {
      token: secretaryToken,
      body: options.people.flatMap((p) =>
        p.meetingRoles.map((role) => ({ userId: ids[p.user.username], role })),
      ),
    }),
  );
  for (const status of options.statuses ?? []) {
    ({ meeting } = await setStatusOverHttp(server, secretaryToken, meetingId, status));
  }
  return { branchId: branch.id, meeting, ids, secretaryToken };
}

/** Moves the meeting's status as `token`'s holder; fails the test on any refusal. */
export function setStatusOverHttp(
  server: TestServer,
  token: string,
  meetingId: number,
  status: MeetingStatus,
): Promise<{ meeting: MeetingDetailView }> {
  return ok(
    api<{ meeting: MeetingDetailView }>(server, 'POST', `/api/meetings/${meetingId}/status`, {
      token,
      body: { status },
    }),
  );
}

async function ok<T>(pending: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await pending;
  if (res.status >= 300) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
