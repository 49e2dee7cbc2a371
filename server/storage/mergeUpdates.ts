import * as Y from 'yjs';

/**
 * Merges updates into one by applying them to a scratch document, so that deleted content is
 * garbage-collected (Y.mergeUpdates would keep it) and the merged row stays small.
 */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
