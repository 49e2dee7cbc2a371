import * as Y from 'yjs';
import { CloseCode } from '../../shared/sync/closeCodes.js';
import type { PendingLimit } from './PendingLimit.js';
import type { SyncConnection } from './SyncConnection.js';
import { UpdateDepths } from './UpdateDepths.js';

export type DepthVerdict = 'accept' | 'dropPending' | 'refuse';

/**
 * Refuses, before it is applied, a client's update that would nest a type deeper than allowed:
 * an XML element deeper than `maxDepth` (the root fragment's children are at depth 1, as in
 * `server/documents/boundedTree.ts`), any other type (the text in the deepest element, a map)
 * deeper than one below that. Yjs, the editor binding and ProseMirror walk the tree
 * recursively, so a tree thousands deep, once relayed, empties every editor that opens it.
 *
 * An update names a new item's place by its parent (a root name or the id of the parent
 * type's item) or, more often, by its neighbours (`origin`, `rightOrigin`), whose parent it
 * shares. Those are looked up in the update itself, in what waits in the document (the pending
 * structs, which this update may complete) and in the document. An item whose place cannot be
 * found waits for what it lacks and is not integrated now; it is checked again with every later
 * update, since the pending structs are checked along with each.
 *
 * What waits may have been sent by anyone, and an update may be what lets it in: when only
 * the two together are too deep, the waiting data is at fault and is dropped, not the sender.
 */
export class DepthGuard {
  /** The last pending update seen and whether it holds types: most updates are typing. */
  private pendingChecked: { update: Uint8Array; items: Y.Item[] } | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxDepth: number,
    private readonly pending: PendingLimit,
    private readonly onDropped: (bytes: number) => void,
  ) {}

  /**
   * Whether `conn`'s `update` may be applied. If not, `conn` is closed with 4414; if only
   * with the waiting data it is too deep, that data is dropped and the update may be applied.
   */
  admit(conn: SyncConnection, update: Uint8Array): boolean {
    const verdict = this.check(update);
    if (verdict === 'refuse') {
      conn.close(CloseCode.documentTooDeep, 'document nested too deep');
      return false;
    }
    if (verdict === 'dropPending') this.onDropped(this.pending.clear());
    return true;
  }

  /**
   * Whether `update` (Yjs update format v1) may be applied: `refuse` if it would nest a type
   * too deep, `dropPending` if it may once the waiting data is dropped.
   */
  check(update: Uint8Array): DepthVerdict {
    const items = itemsOf(Y.decodeUpdate(update).structs);
    const pending = this.pendingItems();
    if (!items.some(holdsType) && !pending.some(holdsType)) return 'accept';
    if (!this.tooDeep([items, pending])) return 'accept';
    return pending.length > 0 && !this.tooDeep([items]) ? 'dropPending' : 'refuse';
  }

  private tooDeep(sets: Y.Item[][]): boolean {
    return new UpdateDepths(this.doc.store, sets, this.maxDepth).tooDeep();
  }

  private pendingItems(): Y.Item[] {
    const update = this.doc.store.pendingStructs?.update;
    if (!update) return [];
    if (this.pendingChecked?.update !== update) {
      // Yjs keeps what waits in update format v2.
      this.pendingChecked = { update, items: itemsOf(Y.decodeUpdateV2(update).structs) };
    }
    return this.pendingChecked.items;
  }
}

function itemsOf(structs: (Y.Item | Y.GC | Y.Skip)[]): Y.Item[] {
  return structs.filter((s): s is Y.Item => s instanceof Y.Item);
}

function holdsType(item: Y.Item): boolean {
  return item.content instanceof Y.ContentType;
}
