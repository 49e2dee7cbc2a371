import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../../../shared/editor/documentExtensions.js';
import { MAX_DOCUMENT_DEPTH } from '../../../shared/editor/documentLimits.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import {
  createMeetingFixture,
  type MeetingFixture,
  STANDARD_CAST,
} from '../../helpers/meetingFixture.js';
import { type Container, depthOf, nest, send, treeUpdate } from '../../helpers/deepTrees.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  openRawSocket,
  type ProviderClient,
  waitFor,
  waitForSynced,
} from '../../helpers/syncClients.js';

describe('a client update nesting blocks deeper than MAX_DOCUMENT_DEPTH', () => {
  let server: TestServer;
  let fixture: MeetingFixture;
  let round = 0;
  let name = '';
  let watcher: ProviderClient;

  const token = () => fixture.people.secretary!.token;
  const attacker = () => openRawSocket(`${server.syncUrl}/${name}?token=${token()}`);
  /** A mark written after the attempt: once the watcher has it, it had all sent before. */
  const markSeen = async (): Promise<void> => {
    const mark = `标记${round}`;
    const writer = await attacker();
    expect(await send(writer, treeUpdate(1, mark))).toBe(true);
    writer.ws.close();
    await waitFor(() => watcher.doc.getXmlFragment(DOCUMENT_FIELD).toString().includes(mark), mark);
  };
  const exportStatus = async () =>
    (
      await fetch(
        `${server.url}/api/meetings/${fixture.meeting.id}/export/document.docx?document=${encodeURIComponent(name)}`,
        { headers: { authorization: `Bearer ${token()}` } },
      )
    ).status;

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
  });
  afterAll(async () => {
    watcher?.destroy();
    await server.close();
  });

  /** A new person's own document per test, watched by a second editor of that person. */
  async function freshDocument(): Promise<void> {
    round++;
    watcher?.destroy();
    fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      prefix: `d${round}`,
      cast: STANDARD_CAST.slice(0, 1),
      statuses: ['open'],
    });
    name = `m/${fixture.meeting.id}/self/${fixture.people.secretary!.id}`;
    watcher = connectProvider(server.syncUrl, name, token());
    await waitForSynced(watcher);
  }

  async function expectRefusedAndAbsent(): Promise<void> {
    await markSeen();
    expect(depthOf(watcher.doc)).toBeLessThanOrEqual(1);
    const stored = await storedDocument(server, name);
    expect(depthOf(stored)).toBeLessThanOrEqual(1);
    const fresh = connectProvider(server.syncUrl, name, token());
    try {
      await waitForSynced(fresh);
      expect(depthOf(fresh.doc)).toBeLessThanOrEqual(1);
    } finally {
      fresh.destroy();
    }
    expect(await exportStatus()).toBe(200);
  }

  it.each([20_000, MAX_DOCUMENT_DEPTH + 1])(
    'refuses %i levels in one update with 4414: not relayed, not stored',
    { timeout: 120_000 },
    async (levels) => {
      await freshDocument();
      const socket = await attacker();
      expect(await send(socket, treeUpdate(levels))).toBe(false);
      expect((await socket.closed).code).toBe(CloseCode.documentTooDeep);
      await expectRefusedAndAbsent();
    },
  );

  it('accepts exactly MAX_DOCUMENT_DEPTH levels, and refuses one more added later', async () => {
    await freshDocument();
    const socket = await attacker();
    const doc = new Y.Doc();
    const deepest = nest(doc.getXmlFragment(DOCUMENT_FIELD), MAX_DOCUMENT_DEPTH);
    expect(await send(socket, Y.encodeStateAsUpdate(doc))).toBe(true);
    await waitFor(() => depthOf(watcher.doc) === MAX_DOCUMENT_DEPTH, 'the watcher to get it');

    const known = Y.encodeStateVector(doc);
    deepest.insert(0, [new Y.XmlElement('paragraph')]);
    expect(await send(socket, Y.encodeStateAsUpdate(doc, known))).toBe(false);
    expect((await socket.closed).code).toBe(CloseCode.documentTooDeep);
    await markSeen();
    expect(depthOf(watcher.doc)).toBe(MAX_DOCUMENT_DEPTH);
    expect(depthOf(await storedDocument(server, name))).toBe(MAX_DOCUMENT_DEPTH);
    expect(await exportStatus()).toBe(200);
  });

  it('refuses at the level past the limit when each update adds one level', async () => {
    await freshDocument();
    const socket = await attacker();
    const doc = new Y.Doc();
    let parent: Container = doc.getXmlFragment(DOCUMENT_FIELD);
    let accepted = 0;
    for (let level = 1; level <= MAX_DOCUMENT_DEPTH + 5; level++) {
      const known = Y.encodeStateVector(doc);
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(parent.length, [quote]);
      parent = quote;
      if (!(await send(socket, Y.encodeStateAsUpdate(doc, known)))) break;
      accepted = level;
    }
    expect(accepted).toBe(MAX_DOCUMENT_DEPTH);
    expect((await socket.closed).code).toBe(CloseCode.documentTooDeep);
    await markSeen();
    expect(depthOf(watcher.doc)).toBe(MAX_DOCUMENT_DEPTH);
    expect(depthOf(await storedDocument(server, name))).toBe(MAX_DOCUMENT_DEPTH);
  });

  it('drops a deep tree held waiting, not the editor whose change it waited for', async () => {
    await freshDocument();
    // The tree follows a paragraph that another editor sends only afterwards.
    const first = new Y.Doc();
    first.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
    const paragraph = Y.encodeStateAsUpdate(first);
    const second = new Y.Doc();
    Y.applyUpdate(second, paragraph);
    nest(second.getXmlFragment(DOCUMENT_FIELD), MAX_DOCUMENT_DEPTH + 1);
    const tree = Y.encodeStateAsUpdate(second, Y.encodeStateVector(first));

    const socket = await attacker();
    expect(await send(socket, tree)).toBe(true);
    const editor = await attacker();
    expect(await send(editor, paragraph)).toBe(true);
    await waitFor(() => watcher.doc.store.clients.has(first.clientID), 'the paragraph');
    // Sent again, now that the paragraph is there, the tree is refused.
    expect(await send(socket, tree)).toBe(false);
    expect((await socket.closed).code).toBe(CloseCode.documentTooDeep);
    await expectRefusedAndAbsent();
    editor.ws.close();
  });
});
