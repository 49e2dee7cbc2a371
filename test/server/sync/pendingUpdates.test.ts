import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createMeetingFixture, STANDARD_CAST } from '../../helpers/meetingFixture.js';
import { syncStep1, syncUpdate } from '../../helpers/protocolMessages.js';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  openRawSocket,
  type RawSocket,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

const limits = { maxPendingBytes: 16 * 1024, maxPendingUpdates: 8 };

/**
 * Two updates of one fresh client: `first` inserts `head`, `second` appends `tail` right after
 * it, so `second` cannot be applied before `first`.
 */
function chain(head: string, tail: string): { first: Uint8Array; second: Uint8Array } {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  text.insert(0, head);
  const first = Y.encodeStateAsUpdate(doc);
  const afterFirst = Y.encodeStateVector(doc);
  text.insert(head.length, tail);
  const second = Y.encodeStateAsUpdate(doc, afterFirst);
  doc.destroy();
  return { first, second };
}

/**
 * Characters of a fresh client, each right after one that `typist` has yet to type (its next
 * `count` insertions at the end of the text): they wait, and each keystroke of `typist` makes
 * Yjs try them all again.
 */
function waitingOnKeystrokes(typist: Y.Doc, count: number): Uint8Array {
  const future = new Y.Doc();
  future.clientID = typist.clientID;
  Y.applyUpdate(future, Y.encodeStateAsUpdate(typist));
  const text = future.getText('text');
  const length = text.length;
  for (let i = 0; i < count; i++) text.insert(text.length, '未');
  const waiting = new Y.Doc();
  Y.applyUpdate(waiting, Y.encodeStateAsUpdate(future));
  const known = Y.encodeStateVector(waiting);
  for (let i = 0; i < count; i++) waiting.getText('text').insert(length + 2 * i + 1, '等');
  const update = Y.encodeStateAsUpdate(waiting, known);
  future.destroy();
  waiting.destroy();
  return update;
}

/**
 * Sends `update` and waits until the server has applied it: it answers a step 1 sent after it
 * (the messages of one connection are handled in order).
 */
async function sendApplied(socket: RawSocket, update: Uint8Array): Promise<void> {
  const replies = () => socket.messages.filter((m) => m[0] === 0 && m[1] === 1).length;
  const before = replies();
  socket.ws.send(syncUpdate(update));
  socket.ws.send(syncStep1());
  await waitFor(() => replies() > before, 'the update to be applied');
}

function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

describe('updates waiting for changes the server never received', () => {
  let server: TestServer;
  let token: string;
  let name: string;
  let round = 0;

  beforeAll(async () => {
    server = await startTestServer({
      syncLimits: { ...limits } as TestServer['config']['syncLimits'],
    });
    await adminToken(server);
    const fixture = await createMeetingFixture(server, NEW_ADMIN_PASSWORD, {
      cast: STANDARD_CAST.slice(0, 1),
      statuses: ['open'],
    });
    const me = fixture.people.secretary!;
    token = me.token;
    // One's own document, which one may always write.
    name = `m/${fixture.meeting.id}/self/${me.id}`;
  });
  afterAll(() => server.close());

  const url = () => `${server.syncUrl}/${name}?token=${token}`;

  async function freed(...clients: ProviderClient[]): Promise<void> {
    for (const client of clients) client.destroy();
    await waitFor(() => server.app.sync.stats().documents === 0, 'the room to be freed');
  }

  it('closes with 4424 past the limit, and neither relays, stores nor keeps what waited', async () => {
    const mark = `诚实的修改${++round}`;
    const honest = connectProvider(server.syncUrl, name, token);
    await waitForSynced(honest);
    const attacker = await openRawSocket(url());
    // Each lacks the character it follows; together four times the limit.
    for (let i = 0; i < 16; i++) {
      attacker.ws.send(syncUpdate(chain('x', 'y'.repeat(4 * 1024)).second));
    }
    expect((await attacker.closed).code).toBe(CloseCode.missingDependencies);

    honest.doc.getText('text').insert(0, mark);
    const late = connectProvider(server.syncUrl, name, token);
    await waitForSynced(late);
    await waitFor(() => late.doc.getText('text').toString().includes(mark), 'the late joiner');
    expect(hasPending(honest.doc)).toBe(false);
    expect(hasPending(late.doc)).toBe(false);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // Freeing the room compacts it into one row: that row holds no pending data either.
    await freed(honest, late);
    const stored = await storedDocument(server, name);
    expect(stored.getText('text').toString()).toContain(mark);
    expect(hasPending(stored)).toBe(false);
  });

  it('closes with 4424 a connection whose small waiting updates come too often', async () => {
    const attacker = await openRawSocket(url());
    for (let i = 0; i < limits.maxPendingUpdates * 2; i++) {
      attacker.ws.send(syncUpdate(chain('x', 'y').second));
    }
    expect((await attacker.closed).code).toBe(CloseCode.missingDependencies);
  });

  it('closes whoever has updates waiting on others’ keystrokes, not the one typing', async () => {
    const typist = connectProvider(server.syncUrl, name, token);
    const observer = connectProvider(server.syncUrl, name, token);
    await Promise.all([waitForSynced(typist), waitForSynced(observer)]);
    const keystrokes = limits.maxPendingUpdates * 2;
    const attacker = await openRawSocket(url());
    await sendApplied(attacker, waitingOnKeystrokes(typist.doc, keystrokes));
    // One character a keystroke, as the attacker's update expects.
    for (let i = 0; i < keystrokes; i++) {
      const text = typist.doc.getText('text');
      text.insert(text.length, '.');
    }
    expect((await attacker.closed).code).toBe(CloseCode.missingDependencies);
    // What of the attacker's could be placed by then is in the document, between the dots.
    const dots = (doc: Y.Doc) => doc.getText('text').toString().split('.').length - 1;
    await waitFor(
      () =>
        dots(observer.doc) === dots(typist.doc) &&
        observer.doc.getText('text').toString() === typist.doc.getText('text').toString(),
      'every keystroke at the observer',
    );
    expect(typist.provider.wsconnected).toBe(true);
    await freed(typist, observer);
  });

  it('applies an update briefly out of order once what it waits for arrives', async () => {
    const observer = connectProvider(server.syncUrl, name, token);
    await waitForSynced(observer);
    const { first, second } = chain(`先${++round}`, '后到的部分');
    const writer = await openRawSocket(url());
    writer.ws.send(syncUpdate(second));
    writer.ws.send(syncUpdate(first));
    await waitFor(
      () => observer.doc.getText('text').toString().includes(`先${round}后到的部分`),
      'both parts at the observer',
    );
    expect(writer.ws.readyState).toBe(writer.ws.OPEN);
    writer.ws.close();
    await writer.closed;
    await freed(observer);
    const stored = await storedDocument(server, name);
    expect(stored.getText('text').toString()).toContain(`先${round}后到的部分`);
    expect(hasPending(stored)).toBe(false);
  });

  it('drops what waited once the connection that sent it has left', async () => {
    const observer = connectProvider(server.syncUrl, name, token);
    await waitForSynced(observer);
    const { first, second } = chain(`孤${++round}`, '留下的部分');
    const leaver = await openRawSocket(url());
    await sendApplied(leaver, second);
    leaver.ws.close();
    await leaver.closed;
    const sender = await openRawSocket(url());
    sender.ws.send(syncUpdate(first));
    await waitFor(
      () => observer.doc.getText('text').toString().includes(`孤${round}`),
      'the first part at the observer',
    );
    // Had the room kept the second part, it would have been applied along with the first.
    expect(observer.doc.getText('text').toString()).not.toContain('留下的部分');
    sender.ws.close();
    await freed(observer);
  });
});

describe('a document stored with pending data', () => {
  let server: SyncTestServer;

  beforeAll(async () => {
    server = await startSyncTestServer({ limits });
  });
  afterAll(() => server.close());

  async function stored(name: string): Promise<Y.Doc> {
    const rows = await server.db
      .selectFrom('document_updates')
      .select('data')
      .where('document', '=', name)
      .orderBy('id')
      .execute();
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return doc;
  }

  it('loads without it and is stored again without it', async () => {
    // What compaction used to store after such an attack: the document and what waited in it.
    const poisoned = new Y.Doc();
    poisoned.getText('text').insert(0, '正文');
    Y.applyUpdate(poisoned, chain('x', '等不到的部分').second);
    expect(hasPending(poisoned)).toBe(true);
    // Written beside the server's own store: an id far from the ones it hands out.
    await server.db
      .insertInto('document_updates')
      .values({
        id: 1_000_000,
        document: 'doc/poisoned',
        data: Buffer.from(Y.encodeStateAsUpdate(poisoned)),
        created_at: Date.now(),
      })
      .execute();

    const client = connectProvider(server.syncUrl, 'doc/poisoned');
    await waitForSynced(client);
    expect(client.doc.getText('text').toString()).toBe('正文');
    expect(hasPending(client.doc)).toBe(false);
    client.doc.getText('text').insert(2, '。');
    await waitFor(
      async () => (await stored('doc/poisoned')).getText('text').length === 3,
      'the edit to be stored',
    );
    client.destroy();
    await waitFor(() => server.sync.stats().documents === 0, 'the room to be freed');
    const after = await stored('doc/poisoned');
    expect(after.getText('text').toString()).toBe('正文。');
    expect(hasPending(after)).toBe(false);
  });
});
