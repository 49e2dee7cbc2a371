import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import {
  importExtractResponseSchema,
  importPreviewResponseSchema,
} from '../../../shared/import/importSchemas.js';
import { parseOutline } from '../../../shared/import/parseOutline.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { CHECKING_MATERIAL } from '../../helpers/checkingMaterial.js';
import {
  docxFromText,
  docxParts,
  gb18030Bytes,
  withDeclaredSize,
  zipOf,
} from '../../helpers/importFiles.js';
import { uploadForImport } from '../../helpers/importRequests.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('reading files and pasted text for import, over HTTP', () => {
  let server: TestServer;
  let fixture: MeetingFixture;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
  });
  afterAll(async () => {
    await server.close();
  });

  const as = (key: string) => fixture.people[key]!.token;
  const upload = (fileName: string | null, bytes: Uint8Array, key = 'member') =>
    uploadForImport(server, as(key), fixture.meeting.id, fileName, bytes);
  /** Every update of every document: what an extract must leave as it was. */
  const storedUpdates = () =>
    storedRows<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM document_updates');

  it('extracts a .docx to its text and the outline of the text it was written from', async () => {
    const res = await upload(
      '个人对照检查材料（张党员）.docx',
      await docxFromText(CHECKING_MATERIAL),
    );
    expect(res.status).toBe(200);
    const { text, outline } = importExtractResponseSchema.parse(res.body);
    expect(outline).toEqual(parseOutline(CHECKING_MATERIAL));
    expect(outline.title).toBe('2023年度专题民主生活会个人对照检查材料');
    expect(text.split('\n')).toHaveLength(CHECKING_MATERIAL.split('\n').length);
  });

  it('extracts GB18030 and UTF-8 (BOM, CRLF) text and Markdown with a # title', async () => {
    const gb = await upload('材料.txt', gb18030Bytes(CHECKING_MATERIAL));
    expect(gb.status).toBe(200);
    expect(gb.body.text).toBe(CHECKING_MATERIAL);

    const crlf = utf8(`\uFEFF${CHECKING_MATERIAL.replaceAll('\n', '\r\n')}\r\n`);
    const bom = await upload('材料.txt', crlf);
    expect(bom.status).toBe(200);
    expect(bom.body.text).toBe(`${CHECKING_MATERIAL}\n`);
    expect(importExtractResponseSchema.parse(bom.body).outline).toEqual(
      parseOutline(CHECKING_MATERIAL),
    );

    const md = await upload(
      '材料.md',
      utf8(`# 我的材料\n\n${CHECKING_MATERIAL.split('\n').slice(1).join('\n')}`),
    );
    expect(md.status).toBe(200);
    expect(importExtractResponseSchema.parse(md.body).outline.title).toBe('我的材料');
  });

  // Fourteen uploads, a 50 MB bomb among them, each read in a parser thread: a generous guard.
  it(
    'refuses every hostile file with its own error, writes nothing and keeps serving',
    { timeout: 120_000 },
    async () => {
      const zeros = new Uint8Array(ImportLimits.maxDecompressedBytes + 1024 * 1024);
      const bomb = await zipOf(docxParts('正文', { 'word/media/image1.png': zeros }));
      const png = new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49,
      ]);
      const garbage = new Uint8Array(8192).map((_, i) => (i * 2654435761) >>> 24);
      const cases: [string, string | null, Uint8Array][] = [
        ['413 file_too_large', 'big.txt', new Uint8Array(ImportLimits.maxFileBytes + 1).fill(0x41)],
        ['422 docx_too_large', 'bomb.docx', bomb],
        ['422 docx_too_large', 'liar.docx', withDeclaredSize(bomb, 'word/media/image1.png', 1000)],
        ['422 not_a_docx', 'picture.docx', png],
        ['422 not_a_docx', 'random.docx', garbage],
        ['422 not_a_docx', 'styles-only.docx', await zipOf({ 'word/styles.xml': '<w:styles/>' })],
        ['422 binary_file', 'garbage.txt', garbage],
        ['422 binary_file', 'picture.md', png],
        ['415 unsupported_file_type', '材料.pdf', utf8('%PDF-1.7')],
        ['415 unsupported_file_type', '材料.doc', utf8('x')],
        ['400 empty_file', 'empty.txt', new Uint8Array()],
        ['400 empty_file', 'blank.md', utf8('\r\n  \n')],
        ['400 invalid_request', null, utf8('一、问题')],
        ['400 invalid_request', '../../etc/passwd.txt', utf8('一、问题')],
      ];
      const before = await storedUpdates();
      for (const [expected, fileName, bytes] of cases) {
        const res = await upload(fileName, bytes);
        expect(`${res.status} ${res.body.error?.code}`, String(fileName)).toBe(expected);
        expect((await api(server, 'GET', '/api/health')).status).toBe(200);
      }
      expect(await storedUpdates()).toEqual(before);
    },
  );

  it('answers the meeting’s people only', async () => {
    const file = utf8(CHECKING_MATERIAL);
    expect((await upload('a.txt', file, 'supervisor')).status).toBe(200);
    expect((await upload('a.txt', file, 'outsider')).body.error?.code).toBe('not_found');
    // A branch member sees the meeting but is not in it.
    expect((await upload('a.txt', file, 'bystander')).body.error?.code).toBe('forbidden');
    const other = await uploadForImport(server, as('member'), 99_999, 'a.txt', file);
    expect(other.status).toBe(404);
    const anonymous = await fetch(
      `${server.url}/api/meetings/${fixture.meeting.id}/import/extract`,
      {
        method: 'POST',
        headers: { 'x-file-name': 'a.txt' },
        body: CHECKING_MATERIAL,
      },
    );
    expect(anonymous.status).toBe(401);
  });

  it('refuses a file sent as JSON instead of as itself', async () => {
    const res = await api(server, 'POST', `/api/meetings/${fixture.meeting.id}/import/extract`, {
      token: as('member'),
      headers: { 'x-file-name': 'a.txt' },
      body: { text: '一、问题' },
    });
    expect(res.status).toBe(415);
  });

  it('previews pasted text without writing it', async () => {
    const before = await storedUpdates();
    const route = `/api/meetings/${fixture.meeting.id}/import/preview`;
    const res = await api(server, 'POST', route, {
      token: as('member'),
      body: { text: CHECKING_MATERIAL },
    });
    expect(res.status).toBe(200);
    expect(importPreviewResponseSchema.parse(res.body).outline).toEqual(
      parseOutline(CHECKING_MATERIAL),
    );
    const blank = await api(server, 'POST', route, { token: as('member'), body: { text: ' \n' } });
    expect(blank.status).toBe(400);
    const outsider = await api(server, 'POST', route, {
      token: as('outsider'),
      body: { text: CHECKING_MATERIAL },
    });
    expect(outsider.status).toBe(404);
    expect(await storedUpdates()).toEqual(before);
  });
});
