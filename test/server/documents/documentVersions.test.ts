import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentVersionView } from '../../../shared/documents/versionSchemas.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

type Listed = { versions: DocumentVersionView[] };
type Viewed = { version: DocumentVersionView; content: object };

/** The document's paragraph of our own: the last block, whose text the test sets. */
function setClosingLine(client: ProviderClient, text: string): void {
  const fragment = client.doc.getXmlFragment('default');
  client.doc.transact(() => {
    const last = fragment.get(fragment.length - 1);
    if (last instanceof Y.XmlElement && last.getAttribute('data-test') === 'line') {
      fragment.delete(fragment.length - 1, 1);
    }
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('data-test', 'line');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [paragraph]);
  });
}

describe('named versions of a document', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let editor: ProviderClient;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
  });
  afterAll(async () => {
    editor?.destroy();
    await server.close();
  });

  const collective = () => `m/${fixture.meeting.id}/collective`;
  const as = (key: string) => fixture.people[key]!.token;
  const call = <T>(key: string, method: string, route: string, body?: unknown) =>
    api<T & { error?: { code: string } }>(server, method, route, { token: as(key), body });
  const listed = async (key: string, document = collective()) =>
    call<Listed>(key, 'GET', `/api/versions?document=${encodeURIComponent(document)}`);
  const text = () => editor.doc.getXmlFragment('default').toString();

  it('are saved by the host, listed and viewed by whoever may read the document', async () => {
    editor = connectProvider(server.syncUrl, collective(), as('secretary'));
    await waitForSynced(editor);
    setClosingLine(editor, '初稿的一句话');
    await waitFor(
      async () =>
        (await storedDocument(server, collective()))
          .getXmlFragment('default')
          .toString()
          .includes('初稿的一句话'),
      'the line to be stored',
    );
    const saved = await call('secretary', 'POST', '/api/versions', {
      document: collective(),
      label: '初稿',
    });
    expect(saved.status).toBe(201);

    const save = { document: collective(), label: '我的版本' };
    expect((await call('member', 'POST', '/api/versions', save)).status).toBe(403);
    const seen = await listed('member');
    expect(seen.body.versions.map((v) => [v.label, v.kind, v.createdBy?.displayName])).toEqual([
      ['初稿', 'manual', '王书记'],
    ]);
    // Someone else's notes: refused, as the sync channel refuses them (4403).
    const notes = `m/${fixture.meeting.id}/notes/${fixture.people.secretary!.id}`;
    expect((await listed('member', notes)).status).toBe(403);
    expect((await listed('outsider')).status).toBe(404);

    const viewed = await call<Viewed>(
      'member',
      'GET',
      `/api/versions/${seen.body.versions[0]!.id}`,
    );
    expect(JSON.stringify(viewed.body.content)).toMatch(/初稿的一句话/);
    expect(JSON.stringify(viewed.body.content)).toMatch(/存在的主要问题/);
  });

  it('restore as a new change everyone sees, after saving what was there', async () => {
    setClosingLine(editor, '改过的一句话');
    await waitFor(() => text().includes('改过的一句话'), 'the change');
    const [draft] = (await listed('secretary')).body.versions;
    expect((await call('member', 'POST', `/api/versions/${draft!.id}/restore`)).status).toBe(403);

    const restored = await call<{ version: DocumentVersionView }>(
      'secretary',
      'POST',
      `/api/versions/${draft!.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.version.kind).toBe('before-restore');
    await waitFor(
      () => text().includes('初稿的一句话') && !text().includes('改过的一句话'),
      'the live document to hold the version again',
    );
    const before = await call<Viewed>(
      'secretary',
      'GET',
      `/api/versions/${restored.body.version.id}`,
    );
    expect(JSON.stringify(before.body.content)).toMatch(/改过的一句话/);
  });

  it('are saved for every document as the meeting starts and closes; a closed one is not restored', async () => {
    await setMeetingStatus(server, fixture, 'in-progress');
    await setMeetingStatus(server, fixture, 'closed');
    const labels = (await listed('member')).body.versions.map((v) => v.label);
    expect(labels.slice(0, 2)).toEqual(['会议结束', '会前定稿']);
    const self = `m/${fixture.meeting.id}/self/${fixture.people.member!.id}`;
    expect((await listed('member', self)).body.versions.map((v) => v.kind)).toEqual([
      'meeting-close',
      'meeting-start',
    ]);
    const [closing] = (await listed('secretary')).body.versions;
    const refused = await call('secretary', 'POST', `/api/versions/${closing!.id}/restore`);
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'meeting_closed']);
  });
});
