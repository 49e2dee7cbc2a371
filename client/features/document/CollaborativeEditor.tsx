import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Identity } from '../identity/identity.js';
import './CollaborativeEditor.css';

interface CollaborativeEditorProps {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: Identity;
  label: string;
}

/** A TipTap editor whose content is the Y.Doc's default XML fragment, shared with everyone in it. */
export function CollaborativeEditor({ ydoc, provider, user, label }: CollaborativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // Yjs keeps its own undo history per user; ProseMirror's would undo other people's typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: ydoc }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editorProps: {
        attributes: {
          class: 'collaborative-editor__content',
          'data-testid': 'editor',
          'aria-label': label,
          spellcheck: 'false',
        },
      },
    },
    // A new document needs a new editor; the user and label are updated in place below.
    [ydoc, provider],
  );

  // The caret extension reads `user` once at start; later changes go through its command.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ ...user });
  }, [editor, user]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  return <EditorContent editor={editor} className="collaborative-editor" />;
}
