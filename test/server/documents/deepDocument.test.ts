import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../../shared/editor/documentExtensions.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storeUpdateDirectly, storedDocument, storedRows } from '../../helpers/storedDocument.js';
import { connectProvider, waitForSynced } from '../../helpers/syncClients.js';

/** Far deeper than any recursive walk over the tree survives (they gave up near 2,000). */
const DEPTH = 20_000;
const MEETING_FILES = ['minutes.docx', 'minutes.md', 'report.docx', 'rectifications.xlsx'];

describe('a document of 20,000 nested blockquotes, stored before sync refused it', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let document = '';
  let earlier = 0;

  const as = (key: string) => fixture.people[key]!.token;
  const get = async (route: string, key = 'secretary') => {
    const res = await fetch(`${server.url}${route}`, {
      headers: { authorization: `Bearer ${as(key)}` },
    });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };
  const exportOf = (file: string) => get(`/api/meetings/${fixture.meeting.id}/export/${file}`);
  const documentDocx = () => exportOf(`document.docx?document=${encodeURIComponent(document)}`);
  const rows = async () =>
    (
      await storedRows<{ n: number }>(
        server,
        'SELECT COUNT(*) AS n FROM document_updates WHERE document = ?',
        [document],
      )
    )[0]!.n;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
    document = `m/${fixture.meeting.id}/collective`;
    const saved = await api<{ version: { id: number } }>(server, 'POST', '/api/versions', {
      token: as('secretary'),
      body: { document, label: '初稿' },
    });
    expect(saved.status).toBe(201);
    earlier = saved.body.version.id;

    // The sync server now refuses such a tree (test/server/sync/deepTree.test.ts); a document
    // stored before it did still holds one, which the server's own reads must survive.
    const before = await rows();
    const author = new Y.Doc();
    author.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = author.getXmlFragment(DOCUMENT_FIELD);
      for (let i = 0; i < DEPTH; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(parent.length, [quote]);
        parent = quote;
      }
      const paragraph = new Y.XmlElement('paragraph');
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText('最深处的一句话')]);
    });
    await storeUpdateDirectly(server, document, Y.encodeStateAsUpdate(author), 1_000_000_000);
    await server.app.sync.catchUp();
    expect(await rows()).toBeGreaterThan(before);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('leaves every export answering, the deep text kept', { timeout: 120_000 }, async () => {
    for (const file of MEETING_FILES) {
      expect(`${file} ${(await exportOf(file)).status}`).toBe(`${file} 200`);
    }
    const docx = await documentDocx();
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('最深处的一句话');
  });

  it(
    'lists, shows and restores versions, and the host gets the earlier text back',
    { timeout: 120_000 },
    async () => {
      const route = `/api/versions?document=${encodeURIComponent(document)}`;
      expect((await get(route)).status).toBe(200);
      const deep = await api<{ version: { id: number } }>(server, 'POST', '/api/versions', {
        token: as('secretary'),
        body: { document, label: '被写坏的' },
      });
      expect(deep.status).toBe(201);
      expect((await get(`/api/versions/${deep.body.version.id}`)).status).toBe(200);
      expect((await get(`/api/versions/${earlier}`)).status).toBe(200);

      const restored = await api(server, 'POST', `/api/versions/${earlier}/restore`, {
        token: as('secretary'),
      });
      expect(restored.status).toBe(200);
      // The document reads as the earlier version again, and every export still answers.
      const docx = await documentDocx();
      expect(docx.status).toBe(200);
      const xml = await (
        await JSZip.loadAsync(docx.body)
      )
        .file('word/document.xml')!
        .async('string');
      expect(xml).not.toContain('最深处的一句话');
      for (const file of MEETING_FILES) {
        expect(`${file} ${(await exportOf(file)).status}`).toBe(`${file} 200`);
      }
      // What is stored reads again from scratch, and an editor opening it gets the earlier text.
      const stored = await storedDocument(server, document);
      expect(stored.getXmlFragment(DOCUMENT_FIELD).toString()).not.toContain('最深处的一句话');
      const editor = connectProvider(server.syncUrl, document, as('member'));
      try {
        await waitForSynced(editor);
        const text = editor.doc.getXmlFragment(DOCUMENT_FIELD).toString();
        expect(text).toBe(stored.getXmlFragment(DOCUMENT_FIELD).toString());
      } finally {
        editor.destroy();
      }

      // The deep version can still be shown, and restored in its turn: its text, flattened.
      expect((await get(`/api/versions/${deep.body.version.id}`)).status).toBe(200);
      const again = await api(server, 'POST', `/api/versions/${deep.body.version.id}/restore`, {
        token: as('secretary'),
      });
      expect(again.status).toBe(200);
      const flat = await documentDocx();
      expect(flat.status).toBe(200);
      const flatXml = await (
        await JSZip.loadAsync(flat.body)
      )
        .file('word/document.xml')!
        .async('string');
      expect(flatXml).toContain('最深处的一句话');
    },
  );
});
