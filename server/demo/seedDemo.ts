import type { MeetingDetailView } from '../../shared/meetings/meetingSchemas.js';
import { DEMO_BRANCH, DEMO_CAST, DEMO_PASSWORD } from './demoCast.js';

/** The first password of each demo account, replaced at once by `DEMO_PASSWORD`. */
const INITIAL_PASSWORD = 'Initial-2026!';

/** The admin of the fresh server: the ADMIN_PASSWORD it started with, and the one to set. */
export interface DemoAdmin {
  username: string;
  initialPassword: string;
  password: string;
}

/**
 * Fills a fresh server through its own API, as an admin and a secretary would: the accounts,
 * the branch, and a 2024年度民主生活会 from its template, with participants, ready to start.
 */
export async function seedDemo(baseUrl: string, admin: DemoAdmin): Promise<MeetingDetailView> {
  const call = async <T>(
    token: string | null,
    method: string,
    route: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(`demo set-up: ${method} ${route} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const signIn = async (username: string, password: string): Promise<string> =>
    (await call<{ token: string }>(null, 'POST', '/api/auth/login', { username, password })).token;

  // The admin too must replace the password the server started with before doing anything.
  const adminToken = await signIn(admin.username, admin.initialPassword);
  await call(adminToken, 'POST', '/api/auth/password', {
    oldPassword: admin.initialPassword,
    newPassword: admin.password,
  });
  const { branch } = await call<{ branch: { id: number } }>(adminToken, 'POST', '/api/branches', {
    name: DEMO_BRANCH,
  });
  const ids = new Map<string, number>();
  for (const person of DEMO_CAST) {
    const { user } = await call<{ user: { id: number } }>(adminToken, 'POST', '/api/users', {
      username: person.username,
      displayName: person.displayName,
      password: INITIAL_PASSWORD,
    });
    ids.set(person.username, user.id);
    // Each person replaces the admin's initial password, so the demo logins work at once.
    const own = await signIn(person.username, INITIAL_PASSWORD);
    await call(own, 'POST', '/api/auth/password', {
      oldPassword: INITIAL_PASSWORD,
      newPassword: DEMO_PASSWORD,
    });
    if (person.branchRole) {
      await call(adminToken, 'POST', `/api/branches/${branch.id}/members`, {
        userId: user.id,
        role: person.branchRole,
      });
    }
  }

  const secretary = DEMO_CAST.find((p) => p.branchRole === 'secretary')!;
  const host = await signIn(secretary.username, DEMO_PASSWORD);
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const { meeting } = await call<{ meeting: MeetingDetailView }>(host, 'POST', '/api/meetings', {
    branchId: branch.id,
    kind: 'democratic-life',
    title: '2024年度民主生活会',
    templateId: 'dlm-2024',
    scheduledAt: tomorrow.getTime(),
    location: '党员活动室',
  });
  await call(
    host,
    'PUT',
    `/api/meetings/${meeting.id}/participants`,
    DEMO_CAST.flatMap((p) => p.meetingRoles.map((role) => ({ userId: ids.get(p.username), role }))),
  );
  const opened = await call<{ meeting: MeetingDetailView }>(
    host,
    'POST',
    `/api/meetings/${meeting.id}/status`,
    {
      status: 'open',
    },
  );
  return opened.meeting;
}
