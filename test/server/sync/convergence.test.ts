import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer.js';
import {
  connectProvider,
  waitFor,
  waitForSynced,
  type ProviderClient,
} from '../../helpers/syncClients.js';

describe('stock y-websocket providers against the sync server', () => {
  let server: SyncTestServer;
  const clients: ProviderClient[] = [];
  const connect = (name: string): ProviderClient => {
    const client = connectProvider(server.syncUrl, name);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startSyncTestServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('converges on Y.Text and Y.Map edits, shares awareness, and gives a late joiner the full state', async () => {
    const a = connect('m/1/collective');
    const b = connect('m/1/collective');
    await Promise.all([waitForSynced(a), waitForSynced(b)]);

    a.doc.getText('text').insert(0, '一、存在的主要问题');
    b.doc.getMap('meta').set('title', '对照检查材料');
    await waitFor(() => b.doc.getText('text').toString() === '一、存在的主要问题', 'text at b');
    await waitFor(() => a.doc.getMap('meta').get('title') === '对照检查材料', 'map at a');

    // Concurrent edits at the same position merge the same way everywhere.
    a.doc.getText('text').insert(0, 'A');
    b.doc.getText('text').insert(0, 'B');
    await waitFor(
      () =>
        a.doc.getText('text').length === 11 &&
        a.doc.getText('text').toString() === b.doc.getText('text').toString(),
      'concurrent edits to converge',
    );

    a.provider.awareness.setLocalStateField('user', { name: '张三', color: '#c00' });
    b.provider.awareness.setLocalStateField('user', { name: '李四', color: '#00c' });
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === '张三',
      'b to see a in awareness',
    );
    await waitFor(
      () => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === '李四',
      'a to see b in awareness',
    );

    const c = connect('m/1/collective');
    await waitForSynced(c);
    await waitFor(
      () => c.doc.getText('text').toString() === a.doc.getText('text').toString(),
      'late joiner text',
    );
    expect(c.doc.getMap('meta').get('title')).toBe('对照检查材料');
    await waitFor(() => c.provider.awareness.getStates().size === 3, 'late joiner awareness');

    // Awareness entries go away with their connection.
    b.destroy();
    await waitFor(
      () => !a.provider.awareness.getStates().has(b.doc.clientID),
      'b to leave awareness',
    );
  });

  it('keeps documents apart', async () => {
    const x = connect('scratch/x');
    const y = connect('scratch/y');
    await Promise.all([waitForSynced(x), waitForSynced(y)]);
    x.doc.getText('text').insert(0, 'only in x');
    const x2 = connect('scratch/x');
    await waitFor(() => x2.doc.getText('text').toString() === 'only in x', 'x2 to sync');
    expect(y.doc.getText('text').toString()).toBe('');
  });
});
