import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { monitorSync, type SyncMonitor } from '../../../client/collab/syncMonitor.js';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { MessageType } from '../../../shared/sync/messageType.js';
import { FakeLocalCopy, FakeProvider, serverMessage, settle } from './fakeSyncProvider.js';

const STEP1 = 0;
const STEP2 = 1;

interface World {
  doc: Y.Doc;
  server: Y.Doc;
  provider: FakeProvider;
  copy: FakeLocalCopy;
  monitor: SyncMonitor;
  clock: { now: number };
  /** How often subscribers were told of a change. */
  notified: () => number;
}

const worlds: World[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.monitor.destroy();
});

function world(): World {
  const doc = new Y.Doc();
  const provider = new FakeProvider(doc);
  const copy = new FakeLocalCopy();
  const clock = { now: 100 };
  const monitor = monitorSync(doc, provider.surface, copy.surface, () => clock.now);
  let count = 0;
  monitor.subscribe(() => count++);
  const made = { doc, server: new Y.Doc(), provider, copy, monitor, clock, notified: () => count };
  worlds.push(made);
  return made;
}

/** The server's side of a handshake: its state, then the answers to both of our step 1s. */
function handshake({ provider, server }: World): void {
  provider.receive(serverMessage('step1', server));
  provider.receive(serverMessage('step2', server));
  provider.receive(serverMessage('step2', server));
}

function type(doc: Y.Doc, text: string): void {
  doc.getText('t').insert(0, text);
}

describe('the sync monitor on a provider', () => {
  it('follows a socket from opening to synced, probing behind the provider', () => {
    const w = world();
    expect(w.monitor.getSnapshot()).toMatchObject({ synced: false, unsyncedSince: 100 });
    const socket = w.provider.open();
    w.provider.receive(serverMessage('step1', w.server));
    // The provider's step 1, its answer to the server's, then our probe behind them.
    expect(socket.sentSyncKinds()).toEqual([STEP1, STEP2, STEP1]);
    w.provider.receive(serverMessage('step2', w.server));
    expect(w.monitor.getSnapshot().synced).toBe(false);
    w.provider.receive(serverMessage('step2', w.server));
    expect(w.monitor.getSnapshot()).toMatchObject({
      synced: true,
      unsyncedSince: null,
      savedOnThisConnection: false,
    });
    expect(w.notified()).toBe(1);
  });

  it('counts, probes, stores and saves an edit, and clears the copy flag', async () => {
    const w = world();
    w.copy.load();
    await settle();
    const socket = w.provider.open();
    handshake(w);
    type(w.doc, 'a');
    expect(w.monitor.getSnapshot()).toMatchObject({ unsaved: true, keptLocally: false });
    expect(w.copy.custom.get('unsaved')).toBe(1);
    await settle();
    expect(socket.sentSyncKinds().at(-1)).toBe(STEP1);
    expect(w.copy.transactions).toHaveLength(1);
    w.copy.commit();
    expect(w.monitor.getSnapshot().keptLocally).toBe(true);
    w.provider.receive(serverMessage('step2', w.server));
    expect(w.monitor.getSnapshot()).toMatchObject({ unsaved: false, savedOnThisConnection: true });
    expect(w.copy.custom.has('unsaved')).toBe(false);
  });

  it('does not count what the server or the copy put into the document', async () => {
    const w = world();
    w.provider.open();
    type(w.server, 'from the server');
    handshake(w);
    expect(w.doc.getText('t').toString()).toBe('from the server');
    const other = new Y.Doc();
    type(other, 'from the copy');
    Y.applyUpdate(w.doc, Y.encodeStateAsUpdate(other), w.copy.surface);
    await settle();
    expect(w.monitor.getSnapshot()).toMatchObject({ synced: true, unsaved: false });
    expect(w.copy.custom.has('unsaved')).toBe(false);
  });

  it('ignores messages that are not sync messages, or come on a socket already closed', () => {
    const w = world();
    const old = w.provider.open();
    w.provider.close();
    w.provider.open();
    old.dispatchEvent(
      new MessageEvent('message', { data: serverMessage('step1', w.server).slice().buffer }),
    );
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, MessageType.awareness);
    encoding.writeVarUint8Array(awareness, new Uint8Array([0]));
    w.provider.receive(encoding.toUint8Array(awareness));
    w.provider.ws?.dispatchEvent(new MessageEvent('message', { data: 'text' }));
    w.provider.receive(serverMessage('step2', w.server));
    w.provider.receive(serverMessage('step2', w.server));
    expect(w.monitor.getSnapshot().synced).toBe(false);
  });

  it('holds the probe while the socket closes, and probes on the next one', async () => {
    const w = world();
    const socket = w.provider.open();
    handshake(w);
    socket.readyState = 2;
    type(w.doc, 'a');
    await settle();
    expect(socket.sentSyncKinds()).toEqual([STEP1, STEP2, STEP1]);
    w.clock.now = 250;
    w.provider.close();
    expect(w.monitor.getSnapshot()).toMatchObject({
      synced: false,
      unsyncedSince: 250,
      hadSocketClose: true,
      unsaved: true,
    });
    const next = w.provider.open();
    handshake(w);
    expect(next.sentSyncKinds()).toEqual([STEP1, STEP2, STEP1]);
    expect(w.monitor.getSnapshot()).toMatchObject({ synced: true, unsaved: false });
  });

  it('reconnects after the rights changed (4205) and after transient closes (45xx)', () => {
    const w = world();
    for (const code of [CloseCode.accessChanged, CloseCode.storageUnavailable]) {
      w.provider.open();
      handshake(w);
      w.provider.serverClose(code);
      expect(w.monitor.getSnapshot()).toMatchObject({
        synced: false,
        hadSocketClose: true,
        closeCode: null,
      });
    }
  });

  it('keeps a refusal for good (44xx) until a socket opens again', () => {
    const w = world();
    w.provider.open();
    w.provider.serverClose(CloseCode.forbidden);
    expect(w.monitor.getSnapshot().closeCode).toBe(CloseCode.forbidden);
    w.provider.open();
    expect(w.monitor.getSnapshot().closeCode).toBeNull();
  });

  it('saves changes the copy kept from before a reload', async () => {
    const w = world();
    w.copy.custom.set('unsaved', 1);
    w.copy.load();
    await settle();
    expect(w.monitor.getSnapshot()).toMatchObject({ unsaved: true, keptLocally: false });
    w.copy.commit();
    expect(w.monitor.getSnapshot().keptLocally).toBe(true);
    w.provider.open();
    handshake(w);
    expect(w.monitor.getSnapshot()).toMatchObject({ unsaved: false, savedOnThisConnection: true });
    expect(w.copy.custom.has('unsaved')).toBe(false);
  });

  it('checks the copy once it opens when edits came before', async () => {
    const w = world();
    const db = w.copy.db;
    w.copy.db = null;
    type(w.doc, 'a');
    await settle();
    expect(w.monitor.getSnapshot().keptLocally).toBe(false);
    w.copy.db = db;
    w.copy.load();
    await settle();
    w.copy.commit();
    expect(w.monitor.getSnapshot().keptLocally).toBe(true);
  });

  it('checks again after an aborted check', async () => {
    const w = world();
    type(w.doc, 'a');
    await settle();
    w.copy.transactions.splice(0)[0]?.onabort?.();
    expect(w.monitor.getSnapshot().keptLocally).toBe(false);
    type(w.doc, 'b');
    await settle();
    w.copy.commit();
    expect(w.monitor.getSnapshot().keptLocally).toBe(true);
  });

  it('lets go of the provider, the document and its subscribers when destroyed', async () => {
    const w = world();
    const socket = w.provider.open();
    w.monitor.destroy();
    expect(w.provider.listenerCount()).toBe(0);
    type(w.doc, 'a');
    handshake(w);
    w.copy.load();
    await settle();
    expect(w.notified()).toBe(0);
    expect(w.copy.custom.size).toBe(0);
    expect(socket.sentSyncKinds()).toEqual([STEP1, STEP2]);
  });

  it('stops telling a subscriber who unsubscribed', () => {
    const w = world();
    let heard = 0;
    const unsubscribe = w.monitor.subscribe(() => heard++);
    w.provider.open();
    w.provider.serverClose(CloseCode.forbidden);
    // Two changes: the socket closed, then the refusal for good.
    expect(heard).toBe(2);
    unsubscribe();
    w.provider.open();
    expect(heard).toBe(2);
    expect(w.notified()).toBe(3);
  });
});
