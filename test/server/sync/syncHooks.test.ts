import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import type { SyncHooks } from '../../../server/sync/SyncHooks.js';
import { DomainError } from '../../../shared/errors/DomainError.js';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
} from '../../helpers/syncClients.js';
import { syncUpdate, textInsertUpdate } from '../../helpers/protocolMessages.js';

describe('sync hooks', () => {
  const events: string[] = [];
  const hooks: SyncHooks = {
    authenticate({ request, documentName }) {
      const token = new URL(request.url ?? '/', 'http://x').searchParams.get('token');
      if (token !== 'reader' && token !== 'writer') {
        throw new DomainError('unauthenticated');
      }
      if (documentName.startsWith('secret/')) throw new DomainError('forbidden');
      return { userId: token };
    },
    canWrite: (principal) => principal.userId === 'writer',
    onLoad: (name, doc) => {
      events.push(`load ${name} ${doc.getText('text').length}`);
    },
    onStore: (name) => events.push(`store ${name}`),
    onClose: (principal, name) => events.push(`close ${principal.userId} ${name}`),
  };
  let server: SyncTestServer;

  beforeAll(async () => {
    server = await startSyncTestServer({ hooks });
  });
  afterAll(() => server.close());

  it('drops writes from a read-only connection and still sends it every update', async () => {
    const writer = connectProvider(server.syncUrl, 'doc/a');
    writer.provider.params = { token: 'writer' };
    writer.provider.disconnect();
    writer.provider.connect();
    await waitForSynced(writer);
    writer.doc.getText('text').insert(0, '可写');

    const reader = await openRawSocket(`${server.syncUrl}/doc/a?token=reader`);
    reader.ws.send(syncUpdate(textInsertUpdate('只读用户的修改')));
    await waitFor(() => reader.messages.length >= 1, 'server step 1');
    writer.doc.getText('text').insert(2, '！');
    await waitFor(
      () => reader.messages.some((m) => m[0] === 0 && m[1] === 2),
      'the writer update to reach the reader',
    );

    const rows = await server.db
      .selectFrom('document_updates')
      .select('data')
      .where('document', '=', 'doc/a')
      .execute();
    const stored = new Y.Doc();
    for (const row of rows) Y.applyUpdate(stored, row.data);
    expect(stored.getText('text').toString()).toBe('可写！');
    expect(writer.doc.getText('text').toString()).toBe('可写！');
    reader.ws.close();
    writer.destroy();
    await waitFor(() => server.sync.stats().documents === 0, 'room freed');
    expect(events).toContain('load doc/a 0');
    expect(events).toContain('store doc/a');
    expect(events).toContain('close reader doc/a');
    expect(events).toContain('close writer doc/a');
  });

  it('closes refused connections with the code the hook chose', async () => {
    const anonymous = await openRawSocket(`${server.syncUrl}/doc/a`);
    expect((await anonymous.closed).code).toBe(CloseCode.unauthenticated);
    const outsider = await openRawSocket(`${server.syncUrl}/secret/x?token=writer`);
    expect((await outsider.closed).code).toBe(CloseCode.forbidden);
    expect(server.sync.stats().documents).toBe(0);
  });
});
