import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';
import { MAX_DOCUMENT_DEPTH } from '../../shared/editor/documentLimits.js';
import { flattenTooDeep } from './boundedTree.js';

/**
 * Where the server's own changes go: the live document if it is open, else storage. A change
 * that answers true deleted a tree too deep to replay: the document's log is compacted after.
 */
export interface DocumentSink {
  edit(documentName: string, change: (doc: Y.Doc) => boolean | void): Promise<void>;
}

/**
 * Writes into documents on the server's behalf, in the editor's own schema and through the
 * same Yjs binding the editor uses, so clients see ordinary edits.
 */
export class ServerDocuments {
  private readonly schema: Schema = getSchema(documentExtensions());

  constructor(private readonly sink: DocumentSink) {}

  /** Adds blocks (headings, paragraphs) after whatever the document holds. */
  append(documentName: string, blocks: readonly JSONContent[]): Promise<void> {
    return this.sink.edit(documentName, (doc) => {
      const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
      const flattened = flattenTooDeep(fragment, MAX_DOCUMENT_DEPTH);
      const current = yXmlFragmentToProseMirrorRootNode(
        fragment,
        this.schema,
      ).toJSON() as JSONContent;
      const next = this.schema.nodeFromJSON({
        type: 'doc',
        content: [...(current.content ?? []), ...blocks],
      });
      // The binding diffs against what is there: existing blocks stay, the new ones are inserted.
      prosemirrorToYXmlFragment(next, fragment);
      return flattened;
    });
  }

  /**
   * Makes the document hold `content` (a `doc` node): one ordinary change, the difference
   * from what it holds, which everyone sees and which history keeps.
   */
  replace(documentName: string, content: JSONContent): Promise<void> {
    const next = this.schema.nodeFromJSON(content);
    return this.sink.edit(documentName, (doc) => {
      const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
      // The binding's diff would delete a too deep tree in one recursive step: flatten it first.
      const flattened = flattenTooDeep(fragment, MAX_DOCUMENT_DEPTH);
      prosemirrorToYXmlFragment(next, fragment);
      return flattened;
    });
  }
}
