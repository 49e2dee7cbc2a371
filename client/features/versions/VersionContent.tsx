import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { documentExtensions } from '../../../shared/editor/documentExtensions.js';
import '../document/CollaborativeEditor.css';
import './VersionContent.css';

interface VersionContentProps {
  /** The document as it was: the editor's JSON, a `doc` node. */
  content: JSONContent;
  label: string;
}

/**
 * A saved version in the document's own schema and typography, read-only: a TipTap editor of
 * its own, not bound to the live document, so nothing typed here reaches anyone.
 */
export function VersionContent({ content, label }: VersionContentProps) {
  const editor = useEditor(
    {
      extensions: documentExtensions(),
      content,
      editable: false,
      editorProps: {
        attributes: {
          class: 'collaborative-editor__content version-content__text',
          'data-testid': 'version-editor',
          'aria-label': label,
          'aria-readonly': 'true',
          spellcheck: 'false',
        },
      },
    },
    [content],
  );
  return <EditorContent editor={editor} className="version-content" />;
}
