import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncLimits } from '../../../shared/sync/syncLimits.js';
import { NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startCluster, type TestCluster } from '../../helpers/startCluster.js';
import { storedDocument, storedRows } from '../../helpers/storedDocument.js';
import { connectProvider, waitFor, waitForSynced } from '../../helpers/syncClients.js';

describe('two instances compacting the same document', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    // A low threshold, so that both instances compact again and again while both write.
    cluster = await startCluster(2, 'compact', {
      overrides: { syncLimits: { ...SyncLimits, compactAfterUpdates: 20 } },
    });
  });
  afterAll(() => cluster.close());

  it('loses no update, and leaves few rows once both have let the document go', async () => {
    const [first, second] = [cluster.servers[0]!, cluster.servers[1]!];
    const meeting = await createSoloMeeting(first, NEW_ADMIN_PASSWORD);
    const name = meeting.documentName('minutes');
    const writers = [first, second].map((s) => connectProvider(s.syncUrl, name, meeting.token));
    await Promise.all(writers.map((w) => waitForSynced(w)));
    for (let i = 0; i < 300; i++) {
      writers.forEach((w, k) => w.doc.getArray<string>('items').push([`${k}:${i}`]));
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    const items = (k: number) => writers[k]!.doc.getArray<string>('items').toArray();
    await waitFor(
      () => items(0).length === 600 && items(1).length === 600,
      'both writers to hold all 600 items',
    );
    expect(items(1)).toEqual(items(0));
    for (const w of writers) w.destroy();
    await waitFor(
      () => cluster.servers.every((s) => s.app.sync.stats().documents === 0),
      'both instances to free the document',
    );

    const stored = (await storedDocument(first, name)).getArray<string>('items').toArray();
    expect(stored).toEqual(items(0));
    const [{ n }] = (await storedRows<{ n: number }>(
      first,
      'SELECT COUNT(*) AS n FROM document_updates WHERE document = ?',
      [name],
    )) as [{ n: number }];
    // Each instance leaves its last compaction behind; neither deleted what it did not hold.
    expect(n).toBeLessThanOrEqual(2);
    const reader = connectProvider(second.syncUrl, name, meeting.token);
    await waitFor(
      () => reader.doc.getArray('items').length === 600,
      'a reader of the compacted document',
    );
    reader.destroy();
  });
});
