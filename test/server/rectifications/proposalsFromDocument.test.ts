import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/import/parseOutline.js';
import { proposedMeasures } from '../../../shared/import/proposedMeasures.js';
import type { RectificationProposalView } from '../../../shared/rectifications/rectificationViews.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { CHECKING_MATERIAL } from '../../helpers/checkingMaterial.js';
import {
  callerToken,
  createMeetingFixture,
  type Caller,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

type Answer = { proposals: RectificationProposalView[]; error?: { code: string } };

describe('proposals from the measures a material says now', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const doc = (rest: string): string => `m/${fixture.meeting.id}/${rest}`;
  const as = (caller: Caller, method: string, route: string, body?: unknown) =>
    api<Answer>(server, method, `/api/meetings/${fixture.meeting.id}${route}`, {
      token: callerToken(fixture, caller),
      body,
    });
  const fromDocument = (caller: Caller, document: string) =>
    as(caller, 'POST', '/rectification-proposals/from-document', { document });

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('proposes each measure of the collective material, for the host to decide', async () => {
    const written = await as('secretary', 'POST', '/import', {
      document: doc('collective'),
      mode: 'replace',
      text: CHECKING_MATERIAL,
    });
    expect(written.status).toBe(200);
    const expected = proposedMeasures(parseOutline(CHECKING_MATERIAL));
    expect(expected.length).toBe(4);

    const made = await fromDocument('secretary', doc('collective'));
    expect(made.status).toBe(201);
    expect(made.body.proposals.map((p) => p.text)).toEqual(expected.map((m) => m.text));
    const pending = await as('secretary', 'GET', '/rectification-proposals');
    expect(pending.body.proposals.length).toBe(4);
  });

  it('proposes nothing from a material without measures', async () => {
    const me = fixture.people.member!.id;
    const made = await fromDocument('member', doc(`self/${me}`));
    expect(made.status).toBe(201);
    expect(made.body.proposals).toEqual([]);
  });

  it('refuses those who may not propose from that document, before reading it', async () => {
    expect((await fromDocument('member', doc('collective'))).status).toBe(403);
    const other = fixture.people.deputy!.id;
    expect((await fromDocument('member', doc(`self/${other}`))).status).toBe(403);
    expect((await fromDocument('outsider', doc('collective'))).status).toBeGreaterThanOrEqual(403);
    const bad = await fromDocument('secretary', 'nonsense');
    expect(bad.status).toBe(400);
  });
});
