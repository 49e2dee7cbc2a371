import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AppraisalCallerView,
  AppraisalMessage,
  Grade,
} from '../../../shared/appraisal/appraisalSchemas.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';
import { waitFor } from '../../helpers/syncClients.js';

type Answer = { appraisal: AppraisalCallerView; error?: { code: string; message: string } };

const newKey = (): string => randomBytes(32).toString('base64url');

describe('民主评议 over the real API and socket.io', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let host: MeetingClient;
  let watcher: MeetingClient;
  const events: AppraisalMessage[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      statuses: ['open', 'in-progress'],
    });
    host = await connectMeetingClient(server, fixture.people.secretary!.token);
    watcher = await connectMeetingClient(server, fixture.people.member!.token);
    for (const client of [host, watcher]) await client.join(fixture.meeting.id);
    watcher.socket.on(MeetingEvent.appraisal, (m: AppraisalMessage) => events.push(m));
    // 赵副书记 is away today: no vote for them.
    const ack = await host.command(fixture.meeting.id, {
      type: 'setAttendance',
      userId: fixture.people.deputy!.id,
      status: 'leave',
      reason: '出差',
    });
    if (!ack.ok) throw new Error(ack.error.code);
  });
  afterAll(async () => {
    host.close();
    watcher.close();
    await server.close();
  });

  const person = (key: string) => fixture.people[key]!;
  const route = (rest = '') => `/api/meetings/${fixture.meeting.id}/appraisal${rest}`;
  const call = (key: string, method: string, rest: string, body?: unknown) =>
    api<Answer>(server, method, route(rest), { token: person(key).token, body });
  const ballot = (grades: Grade[]): Record<string, Grade> =>
    Object.fromEntries(subjects().map((id, i) => [String(id), grades[i]!]));
  const subjects = () => ['secretary', 'recorder', 'member', 'deputy'].map((k) => person(k).id);
  const voters = () => ['secretary', 'recorder', 'member'].map((k) => person(k).id);
  const outcome = async (pending: ReturnType<typeof call>) => {
    const res = await pending;
    return res.status === 200 ? 200 : `${res.status} ${res.body.error?.code}`;
  };

  it('opens for the members present only, by the host only', async () => {
    const withAbsentee = { voters: [...voters(), person('deputy').id], subjects: subjects() };
    expect(await outcome(call('secretary', 'POST', '/open', withAbsentee))).toBe(
      '400 invalid_voters',
    );
    const withAttendee = { voters: [...voters(), person('attendee').id], subjects: subjects() };
    expect(await outcome(call('secretary', 'POST', '/open', withAttendee))).toBe(
      '400 invalid_voters',
    );
    const lists = { voters: voters(), subjects: subjects() };
    expect(await outcome(call('member', 'POST', '/open', lists))).toBe('403 forbidden');
    const opened = await call('secretary', 'POST', '/open', lists);
    expect(opened.body.appraisal).toMatchObject({ status: 'open', maxExcellent: 1, votedCount: 0 });
    expect(await outcome(call('secretary', 'POST', '/open', lists))).toBe('409 appraisal_open');
    await waitFor(() => events.at(-1)?.appraisal.status === 'open', 'the open round at a watcher');
  });

  it('takes one ballot per voter, changeable with its key, and none from anyone else', async () => {
    const key = newKey();
    const cast = (who: string, grades: Grade[], k = key) =>
      call(who, 'PUT', '/ballot', { key: k, grades: ballot(grades) });
    // Two 优秀 of four members is more than a third: refused, nothing stored.
    expect(
      await outcome(cast('member', ['excellent', 'excellent', 'qualified', 'qualified'])),
    ).toBe('400 too_many_excellent');
    expect((await call('member', 'GET', '')).body.appraisal.youHaveVoted).toBe(false);

    const first = await cast('member', ['excellent', 'qualified', 'qualified', 'qualified']);
    expect(first.body.appraisal).toMatchObject({ youHaveVoted: true, votedCount: 1 });
    // Another key is another ballot: refused. The same key changes the ballot.
    expect(
      await outcome(cast('member', ['qualified', 'qualified', 'qualified', 'qualified'], newKey())),
    ).toBe('409 already_voted');
    const changed = await cast('member', ['qualified', 'excellent', 'qualified', 'qualified']);
    expect(changed.body.appraisal.votedCount).toBe(1);

    const grades = ['qualified', 'qualified', 'qualified', 'qualified'] as Grade[];
    expect(await outcome(cast('attendee', grades, newKey()))).toBe('403 not_a_voter');
    expect(await outcome(cast('deputy', grades, newKey()))).toBe('403 not_a_voter');
    // A branch member outside the meeting sees it but may not take part; an outsider sees nothing.
    expect(await outcome(cast('bystander', grades, newKey()))).toBe('403 forbidden');
    expect(await outcome(cast('outsider', grades, newKey()))).toBe('404 not_found');
  });

  it('shows how many have voted, never how, until the close', async () => {
    const seen = [
      (await call('secretary', 'GET', '')).body.appraisal,
      (await call('recorder', 'GET', '')).body.appraisal,
      ...events.map((e) => e.appraisal),
    ];
    for (const view of seen) {
      expect(view.result).toBeNull();
      expect(JSON.stringify(view)).not.toMatch(/excellent|qualified/);
    }
    // Three ballots on devices before a result can be shown; paper slips never count.
    expect(seen[0]).toMatchObject({
      votedCount: 1,
      youHaveVoted: false,
      minBallots: 3,
      resultWithheld: false,
    });
  });

  it('keeps no link from a grade to its voter in the database', async () => {
    for (const [who, grades] of [
      ['secretary', ['qualified', 'qualified', 'excellent', 'qualified']],
      ['recorder', ['qualified', 'excellent', 'qualified', 'basically-qualified']],
    ] as const) {
      const res = await call(who, 'PUT', '/ballot', { key: newKey(), grades: ballot([...grades]) });
      expect(res.status).toBe(200);
    }
    const [round] = await storedRows<{ voted: string; ballots: string }>(
      server,
      'SELECT voted, ballots FROM appraisal_rounds WHERE meeting_id = ?',
      [fixture.meeting.id],
    );
    const stored = JSON.parse(round!.ballots) as Array<{ key: string; grades: object }>;
    // Who voted, by id; the ballots under hashes of secrets, in the order of those hashes.
    expect(JSON.parse(round!.voted)).toEqual([...voters()].sort((a, b) => a - b));
    expect(stored.map((b) => Object.keys(b))).toEqual([
      ['key', 'grades'],
      ['key', 'grades'],
      ['key', 'grades'],
    ]);
    expect(stored.every((b) => /^[0-9a-f]{64}$/.test(b.key))).toBe(true);
    expect(stored.map((b) => b.key)).toEqual(stored.map((b) => b.key).sort());
    // Nothing else mentions a grade: not the event log, not the audit log.
    const dump = async (table: string) =>
      JSON.stringify(await storedRows(server, `SELECT * FROM ${table}`));
    for (const table of ['meeting_events', 'audit_log', 'sessions', 'meeting_participants']) {
      expect(await dump(table)).not.toMatch(/excellent|qualified|ballot/);
    }
  });

  it('closes with enough ballots, then shows the same result to everyone and takes no more', async () => {
    expect(await outcome(call('member', 'POST', '/close'))).toBe('403 forbidden');
    const closed = await call('secretary', 'POST', '/close');
    expect(closed.status).toBe(200);
    const result = closed.body.appraisal.result!;
    expect(result.ballots).toBe(3);
    const bySubject = new Map(result.subjects.map((s) => [s.subjectId, s]));
    // The recorder was given 优秀 twice, 合格 once; everyone else 合格 by most ballots.
    expect(bySubject.get(person('secretary').id)?.grade).toBe('qualified');
    expect(bySubject.get(person('recorder').id)).toMatchObject({
      grade: 'excellent',
      counts: { excellent: 2, qualified: 1 },
    });
    expect(bySubject.get(person('deputy').id)).toMatchObject({ grade: 'qualified' });

    for (const who of ['member', 'recorder', 'attendee', 'supervisor']) {
      expect((await call(who, 'GET', '')).body.appraisal.result).toEqual(result);
    }
    await waitFor(() => events.at(-1)?.appraisal.status === 'closed', 'the result at a watcher');
    expect(events.at(-1)?.appraisal.result).toEqual(result);
    const late = {
      key: newKey(),
      grades: ballot(['qualified', 'qualified', 'qualified', 'qualified']),
    };
    expect(await outcome(call('member', 'PUT', '/ballot', late))).toBe('409 appraisal_not_open');

    // After the close only the tally is kept: no ballot, hashed or not.
    const [round] = await storedRows<{ ballots: string; result: string }>(
      server,
      'SELECT ballots, result FROM appraisal_rounds WHERE meeting_id = ?',
      [fixture.meeting.id],
    );
    expect(round?.ballots).toBe('[]');
    expect(JSON.parse(round!.result)).toEqual(result);
  });
});
