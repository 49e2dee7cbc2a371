import { getSchema, type JSONContent } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentVersionView } from '../../../shared/documents/versionSchemas.js';
import { DOCUMENT_FIELD, documentExtensions } from '../../../shared/editor/documentExtensions.js';
import { importResponseSchema } from '../../../shared/import/importSchemas.js';
import { outlineToContent } from '../../../shared/import/outlineToContent.js';
import { parseOutline } from '../../../shared/import/parseOutline.js';
import { proposedMeasures } from '../../../shared/import/proposedMeasures.js';
import { adminToken, api, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { CHECKING_MATERIAL } from '../../helpers/checkingMaterial.js';
import {
  createMeetingFixture,
  setMeetingStatus,
  type MeetingFixture,
} from '../../helpers/meetingFixture.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedRows } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

const schema = getSchema(documentExtensions());
const PASTED = ['一、补充的问题', '一是调查研究不够深入。二是联系群众不够紧密。'].join('\n');

/** What a client's copy of a document holds, as the editor's JSON. */
function contentOf(client: ProviderClient): JSONContent {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  return yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as JSONContent;
}

describe('importing text into a meeting document', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  const clients: ProviderClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, { statuses: ['open'] });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  const as = (key: string) => fixture.people[key]!.token;
  const id = () => fixture.meeting.id;
  const doc = (name: string) => `m/${id()}/${name}`;
  const own = (key: string) => doc(`self/${fixture.people[key]!.id}`);
  const importAs = (key: string, body: unknown, meetingId = id()) =>
    api<{ error?: { code: string } }>(server, 'POST', `/api/meetings/${meetingId}/import`, {
      token: as(key),
      body,
    });
  const open = async (key: string, name: string): Promise<ProviderClient> => {
    const client = connectProvider(server.syncUrl, name, as(key));
    clients.push(client);
    await waitForSynced(client);
    return client;
  };
  const storedUpdates = () =>
    storedRows<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM document_updates');
  const imports = async () => {
    const res = await api<{ entries: { subject: string; actorId: number; detail: object }[] }>(
      server,
      'GET',
      '/api/audit?action=document.import',
      { token: fixture.adminToken },
    );
    return res.body.entries;
  };

  it('replaces the caller’s own material in the open editor, keeping the old one as a version', async () => {
    const editor = await open('member', own('member'));
    const before = contentOf(editor);
    expect(JSON.stringify(before)).not.toContain('一是学习不够系统');

    const res = await importAs('member', {
      document: own('member'),
      mode: 'replace',
      text: CHECKING_MATERIAL,
    });
    expect(res.status).toBe(200);
    const outline = parseOutline(CHECKING_MATERIAL);
    expect(importResponseSchema.parse(res.body)).toEqual({
      outline,
      proposals: proposedMeasures(outline),
    });
    expect(proposedMeasures(outline).length).toBeGreaterThan(0);

    // The open page sees the imported headings arrive, and only what was imported.
    const expected = outlineToContent(outline);
    await waitFor(
      () => JSON.stringify(contentOf(editor)) === JSON.stringify(expected),
      'the imported material in the editor',
    );
    const headings = (contentOf(editor).content ?? []).filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.content?.[0]?.text)).toContain('一、存在的主要问题');

    const listed = await api<{ versions: DocumentVersionView[] }>(
      server,
      'GET',
      `/api/versions?document=${encodeURIComponent(own('member'))}`,
      { token: as('member') },
    );
    const saved = listed.body.versions.find((v) => v.label === '导入前自动保存');
    expect(saved?.createdBy?.id).toBe(fixture.people.member!.id);
    const version = await api<{ content: JSONContent }>(
      server,
      'GET',
      `/api/versions/${saved!.id}`,
      { token: as('member') },
    );
    expect(version.body.content).toEqual(before);

    const [entry] = await imports();
    expect(entry).toMatchObject({
      subject: own('member'),
      actorId: fixture.people.member!.id,
      detail: { mode: 'replace', versionId: saved!.id },
    });
  });

  it('appends to the collective material after what it holds, saving no version', async () => {
    const reader = await open('attendee', doc('collective'));
    const before = contentOf(reader);
    const versions = async () =>
      (
        await api<{ versions: DocumentVersionView[] }>(
          server,
          'GET',
          `/api/versions?document=${encodeURIComponent(doc('collective'))}`,
          { token: as('secretary') },
        )
      ).body.versions.length;
    const versionsBefore = await versions();

    const res = await importAs('secretary', {
      document: doc('collective'),
      mode: 'append',
      text: PASTED,
    });
    expect(res.status).toBe(200);
    const added = outlineToContent(parseOutline(PASTED)).content ?? [];
    const expected = { ...before, content: [...(before.content ?? []), ...added] };
    await waitFor(
      () => JSON.stringify(contentOf(reader)) === JSON.stringify(expected),
      'the appended blocks in the reader’s copy',
    );
    expect(await versions()).toBe(versionsBefore);
  });

  it('refuses other people’s material, readers, other documents and other meetings', async () => {
    const write = { mode: 'append', text: PASTED };
    const cases: [string, string, string][] = [
      ['403 forbidden', 'member', own('deputy')],
      ['403 forbidden', 'secretary', own('member')],
      ['403 forbidden', 'attendee', doc('collective')],
      ['403 forbidden', 'supervisor', doc('collective')],
      ['403 forbidden', 'recorder', doc('minutes')],
      ['403 forbidden', 'member', doc(`notes/${fixture.people.member!.id}`)],
      ['403 forbidden', 'member', doc(`critique/${fixture.people.deputy!.id}`)],
      ['404 not_found', 'outsider', doc('collective')],
      // A branch member sees the meeting, but is not in it.
      ['403 forbidden', 'bystander', doc('collective')],
      ['404 not_found', 'member', `m/${id() + 1000}/collective`],
      ['404 not_found', 'member', 'notes'],
    ];
    const before = await storedUpdates();
    const auditBefore = (await imports()).length;
    for (const [expected, key, document] of cases) {
      const res = await importAs(key, { document, ...write });
      expect(`${res.status} ${res.body.error?.code}`, `${key} → ${document}`).toBe(expected);
      expect((await api(server, 'GET', '/api/health')).status).toBe(200);
    }
    const elsewhere = await importAs('member', { document: own('member'), ...write }, id() + 1000);
    expect(elsewhere.status).toBe(404);
    const invalid = [
      { document: own('member'), mode: 'merge', text: PASTED },
      { document: own('member'), mode: 'append', text: ' \n ' },
      { document: own('member'), mode: 'append' },
      { document: own('member'), mode: 'append', text: PASTED, extra: 1 },
    ];
    for (const body of invalid) expect((await importAs('member', body)).status).toBe(400);
    expect(await storedUpdates()).toEqual(before);
    expect(await imports()).toHaveLength(auditBefore);
  });

  it('refuses to write into a closed meeting', async () => {
    await setMeetingStatus(server, fixture, 'in-progress');
    fixture.meeting = await setMeetingStatus(server, fixture, 'closed');
    const before = await storedUpdates();
    const res = await importAs('member', {
      document: own('member'),
      mode: 'replace',
      text: PASTED,
    });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('meeting_closed');
    expect(await storedUpdates()).toEqual(before);
  });
});
