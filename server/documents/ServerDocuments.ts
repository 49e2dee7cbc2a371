import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../shared/editor/documentExtensions.js';

/** Where the server's own changes go: the live document if it is open, else storage. */
export interface DocumentSink {
  edit(documentName: string, change: (doc: Y.Doc) => void): Promise<void>;
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
    });
  }

  /**
   * Makes the document hold `content` (a `doc` node): one ordinary change, the difference
   * from what it holds, which everyone sees and which history keeps.
   */
  replace(documentName: string, content: JSONContent): Promise<void> {
    const next = this.schema.nodeFromJSON(content);
    return this.sink.edit(documentName, (doc) => {
      prosemirrorToYXmlFragment(next, doc.getXmlFragment(DOCUMENT_FIELD));
    });
  }

  /** The content of a document's Yjs state (say, a saved version), as the editor's JSON. */
  contentOf(state: Uint8Array): JSONContent {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
      return yXmlFragmentToProseMirrorRootNode(fragment, this.schema).toJSON() as JSONContent;
    } finally {
      doc.destroy();
    }
  }
}
