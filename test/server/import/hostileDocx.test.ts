import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import { api, NEW_ADMIN_PASSWORD, adminToken } from '../../helpers/apiClient.js';
import { CHECKING_MATERIAL } from '../../helpers/checkingMaterial.js';
import { docxFromText, flatParagraphsDocx } from '../../helpers/importFiles.js';
import { uploadForImport } from '../../helpers/importRequests.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

/** A file's refusals when the parser is stopped, or when it is not started at all. */
const STOPPED = ['422 file_too_complex', '422 file_timed_out'];
const BUSY = ['503 server_busy', '429 import_busy'];

describe('a .docx that unpacks to a quarter of a million paragraphs', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let hostile: Buffer;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
    // Just under the cap on a body's XML, which the server reads no further than.
    hostile = await flatParagraphsDocx(ImportLimits.maxWordXmlBytes - 1024);
  });
  afterAll(async () => {
    await server.close();
  });

  const upload = (key: string, bytes: Uint8Array) =>
    uploadForImport(server, fixture.people[key]!.token, fixture.meeting.id, 'hostile.docx', bytes);
  const outcome = async (pending: ReturnType<typeof upload>): Promise<string> => {
    const res = await pending;
    return `${res.status} ${res.body.error?.code}`;
  };

  it(
    'is refused six times at once while the server keeps answering, and leaves no memory held',
    { timeout: 120_000 },
    async () => {
      expect(hostile.length).toBeLessThan(64 * 1024);
      const rssBefore = process.memoryUsage().rss;
      const keys = ['member', 'deputy', 'recorder', 'secretary', 'attendee', 'supervisor'];
      const uploads = Promise.all(keys.map((key) => outcome(upload(key, hostile))));
      // The uploads are being read: health still answers (a generous guard, not a timing).
      const health = await fetch(`${server.url}/api/health`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(health.status).toBe(200);
      const outcomes = await uploads;
      for (const got of outcomes) expect([...STOPPED, ...BUSY]).toContain(got);
      // The files that were read were stopped; those over the limit were not started.
      expect(outcomes.filter((got) => STOPPED.includes(got)).length).toBeGreaterThan(0);
      expect(outcomes.filter((got) => STOPPED.includes(got)).length).toBeLessThanOrEqual(
        ImportLimits.parsesAtOnce,
      );
      // The parsers' heaps went with their threads (a generous bound: they took gigabytes).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);

      // Every slot is free again: a real material reads as before.
      const fine = await upload('member', await docxFromText(CHECKING_MATERIAL));
      expect(fine.status).toBe(200);
      expect((await api(server, 'GET', '/api/health')).status).toBe(200);
    },
  );

  it('reads one file of a person’s at a time', { timeout: 120_000 }, async () => {
    const outcomes = await Promise.all([
      outcome(upload('member', hostile)),
      outcome(upload('member', hostile)),
    ]);
    expect(outcomes).toContain('429 import_busy');
    expect(outcomes.filter((got) => STOPPED.includes(got))).toHaveLength(1);
  });
});
