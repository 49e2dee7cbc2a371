import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
} from '../../helpers/syncClients.js';
import { syncStep1, syncUpdate, textInsertUpdate } from '../../helpers/protocolMessages.js';

const ROOMS = 1000;
const BATCH = 100;

describe('room registry', () => {
  let server: SyncTestServer;
  beforeAll(async () => {
    server = await startSyncTestServer();
  });
  afterAll(() => server.close());

  it('frees every document once 1,000 rooms have been opened and closed', async () => {
    for (let start = 0; start < ROOMS; start += BATCH) {
      await Promise.all(
        Array.from({ length: BATCH }, async (_, i) => {
          const raw = await openRawSocket(`${server.syncUrl}/load/room-${start + i}`);
          raw.ws.send(syncUpdate(textInsertUpdate(`room ${start + i}`)));
          raw.ws.send(syncStep1());
          // The server's own step 1, then our step 2 reply: the room is loaded and written.
          await waitFor(() => raw.messages.length >= 2, 'step 2 reply');
          raw.ws.close();
          await raw.closed;
        }),
      );
    }
    await waitFor(
      () => server.sync.stats().documents === 0 && server.sync.stats().connections === 0,
      'every room to be freed',
    );
    // What was written is stored: a room loads again with its text.
    const reader = connectProvider(server.syncUrl, 'load/room-777');
    await waitForSynced(reader);
    expect(reader.doc.getText('text').toString()).toBe('room 777');
    reader.destroy();
    await waitFor(() => server.sync.stats().documents === 0, 'the reread room to be freed');
  });

  it('replays messages that arrive before the document is loaded, in order', async () => {
    const raw = await openRawSocket(`${server.syncUrl}/scratch/early`);
    // Sent in the same tick as the open: they reach the server while the room is loading.
    raw.ws.send(syncUpdate(textInsertUpdate('早到的修改')));
    raw.ws.send(syncStep1());
    await waitFor(() => raw.messages.length >= 2, 'step 2 reply');
    const reply = decoding.createDecoder(raw.messages[1]!);
    expect([decoding.readVarUint(reply), decoding.readVarUint(reply)]).toEqual([0, 1]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decoding.readVarUint8Array(reply));
    expect(doc.getText('text').toString()).toBe('早到的修改');
    raw.ws.close();
  });
});
