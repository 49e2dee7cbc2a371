import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_STATUSES, type MeetingStatus } from '../../../shared/meetings/meetingSchemas.js';
import { decide } from '../../../shared/rights/can.js';
import {
  DOCUMENT_CASES,
  hasOwn,
  otherOwner,
  PERSONAS,
  type DocumentCase,
  type Persona,
} from '../../../shared/rights/rightsPersonas.js';
import type { Action } from '../../../shared/rights/rightsTable.js';
import type { Refusal, RightsCaller, RightsSubject } from '../../../shared/rights/rightsTypes.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { api, adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { connectMeetingClient, type MeetingClient } from '../../helpers/meetingSockets.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { probeDocument, storedProbes } from '../../helpers/documentProbe.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

type Outcome = 'ok' | Refusal;

/** A REST call that asks the rule book one question; a document case where it is about one. */
interface RestProbe {
  action: Action;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path(meetingId: number, document: string): string;
  body?(document: string): unknown;
  documents?: boolean;
}

const REST: readonly RestProbe[] = [
  { action: 'meeting.see', method: 'GET', path: (id) => `/api/meetings/${id}` },
  { action: 'meeting.manage', method: 'GET', path: (id) => `/api/meetings/${id}/candidates` },
  {
    action: 'meeting.edit',
    method: 'PATCH',
    path: (id) => `/api/meetings/${id}`,
    body: () => ({ location: '三楼会议室' }),
  },
  { action: 'speeches.read', method: 'GET', path: (id) => `/api/meetings/${id}/speeches` },
  {
    action: 'export.meeting',
    method: 'GET',
    path: (id) => `/api/meetings/${id}/export/minutes.md`,
  },
  {
    action: 'import.parse',
    method: 'POST',
    path: (id) => `/api/meetings/${id}/import/preview`,
    body: () => ({ text: '一、学习' }),
  },
  { action: 'appraisal.view', method: 'GET', path: (id) => `/api/meetings/${id}/appraisal` },
  // Cancelling when no round is open: a refusal of the round's rules once the rights pass.
  { action: 'appraisal.manage', method: 'DELETE', path: (id) => `/api/meetings/${id}/appraisal` },
  {
    action: 'rectification.read',
    method: 'GET',
    path: (id) => `/api/meetings/${id}/rectifications`,
  },
  {
    action: 'version.read',
    method: 'GET',
    path: (_id, doc) => `/api/versions?document=${encodeURIComponent(doc)}`,
    documents: true,
  },
  {
    action: 'version.save',
    method: 'POST',
    path: () => '/api/versions',
    body: (doc) => ({ document: doc, label: '权限测试' }),
    documents: true,
  },
  {
    action: 'document.export',
    method: 'GET',
    path: (id, doc) =>
      `/api/meetings/${id}/export/document.docx?document=${encodeURIComponent(doc)}`,
    documents: true,
  },
  {
    action: 'document.import',
    method: 'POST',
    path: (id) => `/api/meetings/${id}/import`,
    body: (doc) => ({ document: doc, mode: 'append', text: '一、导入' }),
    documents: true,
  },
];

/** Socket.io questions: joining, then one command of each kind (harmless: no hand, no speech). */
const SOCKET: ReadonlyArray<{ action: Action; command?: (hostId: number) => unknown }> = [
  { action: 'meeting.join' },
  { action: 'moderation.run', command: (hostId) => ({ type: 'dismissHand', userId: hostId }) },
  { action: 'moderation.speech', command: () => ({ type: 'endSpeech' }) },
  { action: 'moderation.hand', command: () => ({ type: 'lowerHand' }) },
];

const REFUSAL_OF_STATUS: Readonly<Record<number, Refusal>> = { 404: 'unseen', 403: 'forbidden' };
const REFUSAL_OF_CODE: Readonly<Record<string, Refusal>> = {
  meeting_closed: 'closed',
  not_in_progress: 'notLive',
  not_found: 'unseen',
  forbidden: 'forbidden',
};

describe('the rule book, walked through every transport', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const meetings = new Map<MeetingStatus, number>();
  const users = new Map<string, { id: number; token: string }>();
  const sockets = new Map<string, MeetingClient>();

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    const cast = PERSONAS.filter((p) => !p.isAdmin).map((p) => ({
      key: p.key,
      displayName: p.label,
      branchRole: p.branchRole,
      meetingRoles: [...p.roles],
    }));
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { cast, prefix: 'rights' });
    for (const [key, person] of Object.entries(fixture.people)) users.set(key, person);
    const me = await api<{ user: { id: number } }>(server, 'GET', '/api/auth/me', {
      token: fixture.adminToken,
    });
    users.set('admin', { id: me.body.user.id, token: fixture.adminToken });
    const host = users.get('host')!;
    const entries = fixture.meeting.participants.flatMap((p) =>
      p.roles.map((role) => ({ userId: p.userId, role })),
    );
    // One meeting per status, each with the same people.
    meetings.set('draft', fixture.meeting.id);
    for (const status of MEETING_STATUSES.filter((s) => s !== 'draft')) {
      const created = await api<{ meeting: { id: number } }>(server, 'POST', '/api/meetings', {
        token: host.token,
        body: { branchId: fixture.branchId, kind: 'democratic-life', title: `权限 ${status}` },
      });
      const id = created.body.meeting.id;
      await api(server, 'PUT', `/api/meetings/${id}/participants`, {
        token: host.token,
        body: entries,
      });
      const path = MEETING_STATUSES.slice(1, MEETING_STATUSES.indexOf(status) + 1);
      for (const step of path) {
        const moved = await api(server, 'POST', `/api/meetings/${id}/status`, {
          token: host.token,
          body: { status: step },
        });
        expect(moved.status).toBe(200);
      }
      meetings.set(status, id);
    }
    for (const persona of PERSONAS) {
      sockets.set(persona.key, await connectMeetingClient(server, users.get(persona.key)!.token));
    }
  });
  afterAll(async () => {
    for (const socket of sockets.values()) socket.close();
    await server?.close();
  });

  const callerOf = (persona: Persona): RightsCaller => ({
    userId: users.get(persona.key)!.id,
    isAdmin: persona.isAdmin,
    branchRole: persona.branchRole,
    roles: persona.roles,
  });

  const expected = (persona: Persona, action: Action, subject: RightsSubject): Outcome => {
    const decision = decide(callerOf(persona), action, subject);
    return decision.ok ? 'ok' : decision.refusal;
  };

  /** The document of the case for the persona, or null when they have none of that kind. */
  function documentOf(persona: Persona, status: MeetingStatus, doc: DocumentCase) {
    if (doc.whose === 'own' && !hasOwn(persona, doc.kind)) return null;
    const ownerId =
      doc.whose === 'none'
        ? null
        : users.get(doc.whose === 'own' ? persona.key : otherOwner(persona))!.id;
    const suffix = ownerId === null ? '' : `/${ownerId}`;
    return {
      name: `m/${meetings.get(status)}/${doc.kind}${suffix}`,
      ref: { kind: doc.kind, ownerId },
    };
  }

  it.each(MEETING_STATUSES)('answers REST as the table says, meeting %s', async (status) => {
    const meetingId = meetings.get(status)!;
    const meeting = { kind: 'democratic-life' as const, status };
    const actual: string[] = [];
    const wanted: string[] = [];
    for (const persona of PERSONAS) {
      const { token } = users.get(persona.key)!;
      for (const probe of REST) {
        const cases = probe.documents
          ? DOCUMENT_CASES.map((d) => [d.key, documentOf(persona, status, d)] as const)
          : [['-', null] as const];
        for (const [key, doc] of cases) {
          if (probe.documents && !doc) continue;
          const res = await rest(probe, meetingId, doc?.name ?? '', token);
          expect(res.status, `${persona.key} ${probe.action} ${key}`).toBeLessThan(500);
          const got =
            REFUSAL_OF_STATUS[res.status] ??
            (res.status === 409 ? REFUSAL_OF_CODE[res.body.error?.code ?? ''] : undefined) ??
            'ok';
          const label = `${persona.key} ${probe.action} ${key}`;
          actual.push(`${label}: ${got}`);
          wanted.push(
            `${label}: ${expected(persona, probe.action, { meeting, document: doc?.ref })}`,
          );
        }
      }
    }
    expect(actual).toEqual(wanted);
  });

  it.each(MEETING_STATUSES)(
    'admits to the sync channel as the table says, meeting %s',
    async (status) => {
      const meeting = { kind: 'democratic-life' as const, status };
      const actual: string[] = [];
      const wanted: string[] = [];
      for (const persona of PERSONAS) {
        for (const docCase of DOCUMENT_CASES) {
          const doc = documentOf(persona, status, docCase);
          if (!doc) continue;
          const mark = `${status}:${persona.key}`;
          const admitted = await probeDocument(
            server,
            doc.name,
            users.get(persona.key)!.token,
            mark,
          );
          const got =
            admitted === 'admitted'
              ? (await storedProbes(server, doc.name)).includes(`[${mark}]`)
                ? 'w'
                : 'r'
              : admitted;
          const subject = { meeting, document: doc.ref };
          const read = decide(callerOf(persona), 'document.read', subject);
          const want = !read.ok
            ? read.refusal === 'unseen'
              ? CloseCode.unknownDocument
              : CloseCode.forbidden
            : decide(callerOf(persona), 'document.write', subject).ok
              ? 'w'
              : 'r';
          actual.push(`${persona.key} ${docCase.key}: ${got}`);
          wanted.push(`${persona.key} ${docCase.key}: ${want}`);
        }
      }
      expect(actual).toEqual(wanted);
    },
  );

  it.each(MEETING_STATUSES)('answers socket.io as the table says, meeting %s', async (status) => {
    const meetingId = meetings.get(status)!;
    const meeting = { kind: 'democratic-life' as const, status };
    const hostId = users.get('host')!.id;
    const actual: string[] = [];
    const wanted: string[] = [];
    for (const persona of PERSONAS) {
      const socket = sockets.get(persona.key)!;
      for (const { action, command } of SOCKET) {
        const ack = command
          ? await socket.command(meetingId, command(hostId))
          : await socket.join(meetingId);
        const got = ack.ok ? 'ok' : (REFUSAL_OF_CODE[ack.error.code] ?? 'ok');
        // The socket has one code for a meeting that is closed or not yet open.
        const want = expected(persona, action, { meeting });
        actual.push(`${persona.key} ${action}: ${got}`);
        wanted.push(`${persona.key} ${action}: ${want === 'closed' ? 'notLive' : want}`);
      }
    }
    expect(actual).toEqual(wanted);
  });

  /** The probe's call; the body parsed only when it is JSON (exports are files). */
  async function rest(probe: RestProbe, meetingId: number, document: string, token: string) {
    const body = probe.body?.(document);
    const res = await fetch(`${server.url}${probe.path(meetingId, document)}`, {
      method: probe.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = res.headers.get('content-type')?.includes('application/json');
    const parsed = (json ? await res.json() : await res.arrayBuffer()) as {
      error?: { code: string };
    };
    return { status: res.status, body: parsed };
  }
});
