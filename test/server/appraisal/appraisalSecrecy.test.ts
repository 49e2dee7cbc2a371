import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GRADES,
  type AppraisalCallerView,
  type AppraisalMessage,
  type AppraisalResult,
  type AppraisalView,
  type Grade,
} from '../../../shared/appraisal/appraisalSchemas.js';
import { MeetingEvent } from '../../../shared/moderation/meetingEvents.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { ballotTraces, sqliteFiles } from '../../helpers/ballotTraces.js';
import {
  createMeetingFixture,
  STANDARD_CAST,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { makeTempDir, startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';
import { waitFor } from '../../helpers/syncClients.js';

type Answer = { appraisal: AppraisalCallerView; error?: { code: string; message: string } };

const newKey = (): string => randomBytes(32).toString('base64url');
const hashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

/** What the host can work out from a result by taking away the paper slips it entered. */
function minusPaper(result: AppraisalResult, paperGrade: Grade, slips: number) {
  return Object.fromEntries(
    result.subjects.map((s) => {
      const counts = { ...s.counts, [paperGrade]: s.counts[paperGrade] - slips };
      return [String(s.subjectId), GRADES.find((g) => counts[g] === 1) ?? null];
    }),
  );
}

function fixtureCalls(server: () => TestServer, fixture: () => MeetingFixture) {
  const person = (key: string) => fixture().people[key]!;
  const call = (key: string, method: string, rest: string, body?: unknown) =>
    api<Answer>(server(), method, `/api/meetings/${fixture().meeting.id}/appraisal${rest}`, {
      token: person(key).token,
      body,
    });
  const subjects = () => ['secretary', 'recorder', 'member', 'deputy'].map((k) => person(k).id);
  const ballot = (grades: readonly Grade[]): Record<string, Grade> =>
    Object.fromEntries(subjects().map((id, i) => [String(id), grades[i]!]));
  return { person, call, subjects, ballot };
}

describe('the host cannot single out one voter’s ballot (REST and socket.io)', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let watcher: MeetingClient;
  const events: AppraisalMessage[] = [];
  const { person, call, subjects, ballot } = fixtureCalls(
    () => server,
    () => fixture,
  );

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      statuses: ['open', 'in-progress'],
    });
    watcher = await connectMeetingClient(server, fixture.people.secretary!.token);
    await watcher.join(fixture.meeting.id);
    watcher.socket.on(MeetingEvent.appraisal, (m: AppraisalMessage) => events.push(m));
  });
  afterAll(async () => {
    watcher.close();
    await server.close();
  });

  it('two invented paper slips and one device ballot: closed without a result', async () => {
    const voters = ['member', 'recorder', 'deputy'].map((k) => person(k).id);
    expect(
      (await call('secretary', 'POST', '/open', { voters, subjects: subjects() })).status,
    ).toBe(200);
    // Two slips, all 合格, that nobody cast.
    const slips = { excellent: 0, qualified: 2, 'basically-qualified': 0, unqualified: 0 };
    const counts = Object.fromEntries(subjects().map((id) => [String(id), slips]));
    const paper = await call('secretary', 'PUT', '/paper', { ballots: 2, counts });
    expect(paper.status).toBe(200);
    const secret: Grade[] = ['excellent', 'basically-qualified', 'unqualified', 'qualified'];
    const cast = await call('member', 'PUT', '/ballot', { key: newKey(), grades: ballot(secret) });
    expect(cast.status).toBe(200);
    const other = await call('recorder', 'PUT', '/ballot', {
      key: newKey(),
      grades: ballot(['qualified', 'qualified', 'qualified', 'qualified']),
    });
    expect(`${other.status} ${other.body.error?.code}`).toBe('409 too_many_ballots');

    const closed = await call('secretary', 'POST', '/close');
    expect(closed.status).toBe(200);
    const shown: AppraisalView[] = [
      closed.body.appraisal,
      (await call('member', 'GET', '')).body.appraisal,
      (await call('secretary', 'GET', '')).body.appraisal,
    ];
    await waitFor(() => events.at(-1)?.appraisal.status === 'closed', 'the close at a watcher');
    shown.push(...events.map((e) => e.appraisal));
    const learnt = shown
      .map((view) => view.result)
      .filter((r): r is AppraisalResult => r !== null)
      .map((r) => minusPaper(r, 'qualified', 2));
    // Before the fix the host read 张党员's ballot off the result: exactly `secret`.
    expect(learnt).toEqual([]);
    expect(closed.body.appraisal).toMatchObject({
      status: 'closed',
      result: null,
      resultWithheld: true,
    });
    // Nothing in any view or event, during or after the round, names a grade.
    for (const view of shown) expect(JSON.stringify(view.result)).toBe('null');
    for (const { appraisal } of events) {
      expect(JSON.stringify({ ...appraisal, paper: null })).not.toMatch(/excellent|unqualified/);
    }
  });

  it('and the host cannot run the vote again to compare', async () => {
    const voters = ['member', 'recorder', 'deputy'].map((k) => person(k).id);
    // A withheld round showed nothing: a new round may be held, and shows one result at most.
    const again = await call('secretary', 'POST', '/open', { voters, subjects: subjects() });
    expect(again.status).toBe(200);
    for (const who of ['member', 'recorder', 'deputy']) {
      const grades = ballot(['qualified', 'excellent', 'qualified', 'qualified']);
      expect((await call(who, 'PUT', '/ballot', { key: newKey(), grades })).status).toBe(200);
    }
    const closed = await call('secretary', 'POST', '/close');
    expect(closed.body.appraisal.result?.ballots).toBe(3);
    const third = await call('secretary', 'POST', '/open', { voters, subjects: subjects() });
    expect(`${third.status} ${third.body.error?.code}`).toBe('409 appraisal_closed');
  });
});

// Six more members appraised: the ballot list outgrows a 1 KiB page and spills onto overflow
// pages, which SQLite frees (and with `secure_delete = FAST` leaves as they were) on rewrite.
const extraMembers = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((key) => ({
  key,
  displayName: `党员${key}`,
  branchRole: 'member' as const,
  meetingRoles: ['participant' as const],
}));

describe('no stored bytes tie a voter to a grade once the round is closed (SQLite files; the row and log on PostgreSQL)', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const everyone = () => [
    ...['secretary', 'recorder', 'member', 'deputy'],
    ...extraMembers.map((m) => m.key),
  ];
  const allSubjects = () => everyone().map((k) => fixture.people[k]!.id);
  const longBallot = (grades: readonly Grade[]): Record<string, Grade> =>
    Object.fromEntries(
      allSubjects().map((id, i) => [String(id), i < grades.length ? grades[i]! : 'qualified']),
    );
  const logFile = path.join(makeTempDir('shh-log-'), 'server.log');
  const keys = new Map<string, string>();
  const { person, call } = fixtureCalls(
    () => server,
    () => fixture,
  );
  const scan = () =>
    ballotTraces(
      // On PostgreSQL runs the database's files are not ours to read: the log only (what
      // remains there is in docs/appraisal-secrecy.md).
      [
        ...(onPostgres() ? [] : sqliteFiles(server.dataDir)),
        { name: 'log', bytes: readFileSync(logFile) },
      ],
      [...keys.values()].map(hashOf),
    );
  const onPostgres = () => server.config.databaseUrl !== undefined;
  const storedBallots = async () => {
    const [row] = await storedRows<{ ballots: string }>(
      server,
      'SELECT ballots FROM appraisal_rounds WHERE meeting_id = ?',
      [fixture.meeting.id],
    );
    return (JSON.parse(row!.ballots) as unknown[]).length;
  };

  beforeAll(async () => {
    const logger = pino({ level: 'trace' }, pino.destination({ dest: logFile, sync: true }));
    server = await startTestServer({}, { logger });
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      prefix: 'files',
      statuses: ['open', 'in-progress'],
      cast: [...STANDARD_CAST, ...extraMembers],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('has the ballots on disk while the round is open (the scan sees them)', async () => {
    const voters = ['secretary', 'recorder', 'member', 'deputy'].map((k) => person(k).id);
    const opened = await call('secretary', 'POST', '/open', { voters, subjects: allSubjects() });
    expect(opened.body.error).toBeUndefined();
    const grades: Record<string, Grade[]> = {
      secretary: ['qualified', 'excellent', 'qualified', 'qualified'],
      recorder: ['excellent', 'qualified', 'basically-qualified', 'qualified'],
      member: ['qualified', 'qualified', 'unqualified', 'excellent'],
      deputy: ['basically-qualified', 'qualified', 'qualified', 'qualified'],
    };
    for (const [who, given] of Object.entries(grades)) {
      keys.set(who, newKey());
      const res = await call(who, 'PUT', '/ballot', {
        key: keys.get(who),
        grades: longBallot(given),
      });
      expect(res.body.error).toBeUndefined();
    }
    expect(await storedBallots()).toBe(4);
    if (!onPostgres()) expect(scan().keysFound.length).toBeGreaterThan(0);
  });

  it('keeps none of them in the .sqlite, -wal, -shm files or the log after the close', async () => {
    const wal = path.join(server.dataDir, 'shenghuohui.sqlite-wal');
    const walBefore = onPostgres() ? 0 : statSync(wal).size;
    const closed = await call('secretary', 'POST', '/close');
    expect(closed.body.appraisal.result?.ballots).toBe(4);
    expect(await storedBallots()).toBe(0);
    const after = scan();
    expect({
      links: Object.fromEntries(after.links),
      keysFound: after.keysFound,
      files: after.filesWithBallots,
    }).toEqual({ links: {}, keysFound: [], files: [] });
    // The log was emptied by the close, not merely checkpointed: all it holds now was written
    // after (the audit entry of the close).
    if (!onPostgres()) expect(statSync(wal).size).toBeLessThan(walBefore);

    await server.stop();
    const stopped = scan();
    expect([stopped.links.size, stopped.keysFound.length]).toEqual([0, 0]);
  });
});
