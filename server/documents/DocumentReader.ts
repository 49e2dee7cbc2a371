import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';
import { MAX_DOCUMENT_DEPTH } from '../../shared/editor/documentLimits.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import { boundedCopy, exceedsDepth } from './boundedTree.js';

/**
 * The one way the server reads what a document holds (exports, rectification links and
 * proposals, versions). It reads storage, not a loaded room: every update is stored before
 * anyone sees it, and storage also holds what other instances stored that a room here may not
 * have heard yet.
 */
export class DocumentReader {
  private readonly schema: Schema = getSchema(documentExtensions());

  constructor(private readonly store: DocumentStore) {}

  /** The document's whole Yjs state, its stored updates merged; null when nothing was stored. */
  async state(documentName: string): Promise<Uint8Array | null> {
    const rows = await this.store.load(documentName);
    return rows.length === 0 ? null : Y.mergeUpdates(rows.map((r) => r.data));
  }

  /** The document's current content as the editor's JSON; null when nothing was stored. */
  async content(documentName: string): Promise<JSONContent | null> {
    const state = await this.state(documentName);
    return state === null ? null : this.contentOf(state);
  }

  /**
   * The content of a Yjs state (say, a saved version), as the editor's JSON; no deeper than
   * MAX_DOCUMENT_DEPTH, what lies below kept as paragraphs of its text.
   */
  contentOf(state: Uint8Array): JSONContent {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const live = doc.getXmlFragment(DOCUMENT_FIELD);
      const fragment = exceedsDepth(live, MAX_DOCUMENT_DEPTH)
        ? boundedCopy(live, MAX_DOCUMENT_DEPTH)
        : live;
      return yXmlFragmentToProseMirrorRootNode(fragment, this.schema).toJSON() as JSONContent;
    } finally {
      doc.destroy();
    }
  }
}
