import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/** The Y.XmlFragment of a document's Y.Doc that holds its text (TipTap's default). */
export const DOCUMENT_FIELD = 'default';

/**
 * The editor schema every document is written in, shared by the browser editor and the
 * server (opening structures, import, export), so both read and write the same nodes.
 */
export function documentExtensions(): Extensions {
  // Yjs keeps its own undo history per user; ProseMirror's would undo other people's typing.
  return [StarterKit.configure({ undoRedo: false })];
}
