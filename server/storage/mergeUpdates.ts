import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import * as Y from 'yjs';

// Updates applied between two yields: a slice costs well under a millisecond, so a compaction
// never holds up the messages of other documents for long.
const UPDATES_PER_SLICE = 50;

/**
 * Merges updates into one by applying them to a scratch document, so that deleted content is
 * garbage-collected (Y.mergeUpdates would keep it) and the merged row stays small. Works in
 * slices, yielding to the event loop between them.
 */
export async function mergeUpdates(updates: readonly Uint8Array[]): Promise<Uint8Array> {
  const doc = new Y.Doc();
  try {
    for (let start = 0; start < updates.length; start += UPDATES_PER_SLICE) {
      if (start > 0) await yieldToEventLoop();
      doc.transact(() => {
        const end = Math.min(start + UPDATES_PER_SLICE, updates.length);
        for (let i = start; i < end; i++) Y.applyUpdate(doc, updates[i]!);
      });
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
