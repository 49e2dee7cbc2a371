import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/sync/closeCodes.js';
import { DOCUMENT_FIELD } from '../../../shared/editor/documentExtensions.js';
import { NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { depthOf, send, treeUpdate } from '../../helpers/deepTrees.js';
import { createSoloMeeting } from '../../helpers/meetingFixture.js';
import { startCluster, type TestCluster } from '../../helpers/startCluster.js';
import { storedDocument } from '../../helpers/storedDocument.js';
import {
  connectProvider,
  openRawSocket,
  waitFor,
  waitForSynced,
} from '../../helpers/syncClients.js';

describe('a too-deep tree sent to one of two instances', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startCluster(2, 'deeptree');
  });
  afterAll(() => cluster.close());

  it('reaches no editor of the other instance', { timeout: 120_000 }, async () => {
    const [first, second] = [cluster.servers[0]!, cluster.servers[1]!];
    const meeting = await createSoloMeeting(first, NEW_ADMIN_PASSWORD);
    const name = meeting.documentName('minutes');
    const watcher = connectProvider(second.syncUrl, name, meeting.token);
    try {
      await waitForSynced(watcher);
      const baseline = Math.max(depthOf(watcher.doc), 1);
      const url = `${first.syncUrl}/${name}?token=${meeting.token}`;

      const attacker = await openRawSocket(url);
      expect(await send(attacker, treeUpdate(20_000))).toBe(false);
      expect((await attacker.closed).code).toBe(CloseCode.documentTooDeep);

      // Sent after the refusal through the same instance: once it is there, so is all before.
      const writer = await openRawSocket(url);
      expect(await send(writer, treeUpdate(1, '之后的一句'))).toBe(true);
      writer.ws.close();
      const text = () => watcher.doc.getXmlFragment(DOCUMENT_FIELD).toString();
      await waitFor(() => text().includes('之后的一句'), 'the later update on the other instance');
      expect(depthOf(watcher.doc)).toBe(baseline);
      expect(depthOf(await storedDocument(second, name))).toBe(baseline);
    } finally {
      watcher.destroy();
    }
  });
});
