import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  CALLERS,
  callerToken,
  createMeetingFixture,
  type Caller,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { probeDocument, storedProbes } from '../../helpers/documentProbe.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

/** w: admitted and its writes stored; r: admitted, its writes dropped; a number: the close code (4403 forbidden, 4404 unknown). */
type Outcome = 'w' | 'r' | number;

/**
 * The document rules of docs/permissions.md, written out by hand for a 民主生活会 being prepared (status `open`). Columns:
 * CALLERS. The bystander (a branch member) and the site admin see the meeting but are not in
 * it: 4403; the outsider learns nothing: 4404.
 */
const OPEN: Record<string, string> = {
  collective: '        w   w   w   w   r   r   4403 4404 4403',
  minutes: '           w   w   r   r   r   r   4403 4404 4403',
  'self/secretary': '  w   r   r   r   r   r   4403 4404 4403',
  'self/member': '     r   r   w   r   r   r   4403 4404 4403',
  'critique/secretary': 'w w   w   w   r   r   4403 4404 4403',
  'critique/member': ' w   w   r   w   r   r   4403 4404 4403',
  'notes/member': '    4403 4403 w   4403 4403 4403 4403 4404 4403',
  'notes/secretary': ' w   4403 4403 4403 4403 4403 4403 4404 4403',
};

function parseRow(row: string): Outcome[] {
  return row
    .trim()
    .split(/\s+/)
    .map((cell) => (cell === 'w' || cell === 'r' ? cell : Number(cell)));
}

/** Closed: the same people read, nobody writes. */
const closedOf = (row: Outcome[]): Outcome[] => row.map((o) => (o === 'w' ? 'r' : o));
/**
 * Draft: only the host gets in. Only its managers and the site admin see a draft: the others
 * in it and the bystander learn nothing yet (4404); the admin is refused (4403).
 */
const draftOf = (row: Outcome[]): Outcome[] =>
  row.map((o, i) => (i === 0 ? o : i === 8 ? CloseCode.forbidden : CloseCode.unknownDocument));

describe('who may read and write which meeting document, over real sockets', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD);
  });
  afterAll(() => server.close());

  const tokenOf = (caller: Caller): string => callerToken(fixture, caller);

  /** `self/member` → `m/<id>/self/<member's id>`. */
  function documentName(f: MeetingFixture, key: string): string {
    const [kind, owner] = key.split('/');
    return `m/${f.meeting.id}/${kind}${owner ? `/${f.people[owner]!.id}` : ''}`;
  }

  async function checkMatrix(
    f: MeetingFixture,
    phase: string,
    expected: Record<string, Outcome[]>,
  ): Promise<void> {
    const actual: Record<string, Outcome[]> = {};
    for (const key of Object.keys(expected)) {
      const name = documentName(f, key);
      const admitted: Array<'admitted' | number> = [];
      for (const caller of CALLERS) {
        admitted.push(await probeDocument(server, name, tokenOf(caller), `${phase}:${caller}`));
      }
      const stored = await storedProbes(server, name);
      actual[key] = admitted.map((a, i) =>
        a === 'admitted' ? (stored.includes(`[${phase}:${CALLERS[i]}]`) ? 'w' : 'r') : a,
      );
    }
    expect(actual).toEqual(expected);
  }

  const table = (transform: (row: Outcome[]) => Outcome[]): Record<string, Outcome[]> =>
    Object.fromEntries(Object.entries(OPEN).map(([k, row]) => [k, transform(parseRow(row))]));

  it('in a draft, admits only the host', async () => {
    await checkMatrix(fixture, 'draft', table(draftOf));
  });

  it('while the meeting is prepared and held, follows the matrix written out above', async () => {
    await setMeetingStatus(server, fixture, 'open');
    await checkMatrix(
      fixture,
      'open',
      table((row) => row),
    );
    await setMeetingStatus(server, fixture, 'in-progress');
    await checkMatrix(
      fixture,
      'in-progress',
      table((row) => row),
    );
  });

  it('once closed, lets everyone read what they could and nobody write; reopening restores it', async () => {
    await setMeetingStatus(server, fixture, 'closed');
    await checkMatrix(fixture, 'closed', table(closedOf));
    await setMeetingStatus(server, fixture, 'in-progress');
    await checkMatrix(
      fixture,
      'reopened',
      table((row) => row),
    );
  });

  it('in a 组织生活会, only the committee among the participants writes the collective material', async () => {
    const olm = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      kind: 'organizational-life',
      prefix: 'olm',
    });
    await setMeetingStatus(server, olm, 'open');
    const outcomes: Array<Outcome> = [];
    const name = documentName(olm, 'collective');
    for (const caller of CALLERS) {
      const result = await probeDocument(server, name, callerToken(olm, caller), `olm:${caller}`);
      outcomes.push(
        result === 'admitted'
          ? (await storedProbes(server, name)).includes(`[olm:${caller}]`)
            ? 'w'
            : 'r'
          : result,
      );
    }
    // The member is a plain 党员: reads only. The secretary, committee member and deputy write.
    expect(outcomes).toEqual(parseRow('w w r w r r 4403 4404 4403'));
  });

  it('refuses names that are no meeting document with 4404', async () => {
    const token = tokenOf('secretary');
    const id = fixture.meeting.id;
    const attendeeId = fixture.people.attendee!.id;
    for (const name of [
      'scratch/notes',
      `m/${id}/agenda`,
      `m/${id}/self`,
      `m/${id}/minutes/1`,
      `m/${id}/self/${attendeeId}`, // attendees have no material of their own
      `m/${id + 1000}/collective`,
    ]) {
      expect([name, await probeDocument(server, name, token, 'unknown')]).toEqual([
        name,
        CloseCode.unknownDocument,
      ]);
    }
  });
});
