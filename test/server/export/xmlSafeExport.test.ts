import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { xmlSafeText } from '../../../server/export/xmlSafeText.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, type MeetingFixture } from '../../helpers/meetingFixture.js';
import { xmlErrors } from '../../helpers/ooxml.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

/** Text with what XML 1.0 forbids in it: U+FFFE, U+FFFF and C0 controls but tab and LF. */
const HOSTILE = '问题\uFFFE一\uFFFF二\u0001三\u000B四\u001F五\t六';
const CLEAN = '问题一二三四五\t六';

describe('characters no XML may hold, in a document and in the ledger', () => {
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

  const download = async (file: string, key = 'secretary'): Promise<JSZip> => {
    const res = await fetch(`${server.url}/api/meetings/${fixture.meeting.id}/export/${file}`, {
      headers: { authorization: `Bearer ${fixture.people[key]!.token}` },
    });
    expect(res.status).toBe(200);
    return JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  };
  const part = async (zip: JSZip, path: string): Promise<string> => zip.file(path)!.async('string');

  it('leaves them out of document.docx, whose XML parses', async () => {
    const document = `m/${fixture.meeting.id}/collective`;
    const client = connectProvider(server.syncUrl, document, fixture.people.secretary!.token);
    try {
      await waitForSynced(client);
      const fragment = client.doc.getXmlFragment('default');
      client.doc.transact(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(HOSTILE)]);
        fragment.insert(fragment.length, [paragraph]);
      });
      await waitFor(
        async () =>
          (await storedDocument(server, document))
            .getXmlFragment('default')
            .toString()
            .includes(HOSTILE),
        'the paragraph to be stored',
      );
    } finally {
      client.destroy();
    }
    const zip = await download(`document.docx?document=${encodeURIComponent(document)}`);
    const xml = await part(zip, 'word/document.xml');
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).toContain(CLEAN);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      expect(xmlErrors(await part(zip, name)), name).toEqual([]);
    }
  });

  it('leaves them out of rectifications.xlsx, whose XML parses', async () => {
    const created = await api(
      server,
      'POST',
      `/api/meetings/${fixture.meeting.id}/rectifications`,
      {
        token: fixture.people.recorder!.token,
        body: { source: 'self-check', problem: HOSTILE, ownerUserId: fixture.people.member!.id },
      },
    );
    expect(created.status).toBe(201);
    const zip = await download('rectifications.xlsx');
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
    for (const name of names) expect(xmlErrors(await part(zip, name)), name).toEqual([]);
    const strings = await part(zip, 'xl/sharedStrings.xml');
    expect(strings).toContain(CLEAN);
  });

  it('takes out lone surrogates, which Yjs itself cannot carry', () => {
    expect(xmlSafeText('a\uD800b\uDC00c\uD83D\uDE00')).toBe('abc\uD83D\uDE00');
  });
});
