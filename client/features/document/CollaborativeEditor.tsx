import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../../shared/editor/documentExtensions.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { EditorToolbar } from '../editor/EditorToolbar.js';
import { SectionOutline } from '../editor/SectionOutline.js';
import { useDocumentCount } from '../editor/useDocumentCount.js';
import { WordPaste } from '../editor/wordPaste.js';
import type { Identity } from '../identity/identity.js';
import './CollaborativeEditor.css';

interface CollaborativeEditorProps {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: Identity;
  label: string;
  /** False for a document the caller may only read (the server drops their writes anyway). */
  editable: boolean;
  /** Hears the editor once it is up (and null when it goes), for actions outside it. */
  onEditor?(editor: Editor | null): void;
}

/**
 * A TipTap editor on the document's Y.XmlFragment, in the schema the server writes opening
 * structures and exports in, shared with everyone who has the document open: with a toolbar
 * for those who may write, the outline of its sections and the 字数 of the whole and of each.
 */
export function CollaborativeEditor({
  ydoc,
  provider,
  user,
  label,
  editable,
  onEditor,
}: CollaborativeEditorProps) {
  const { t, locale } = useI18n();
  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        // Its undo and redo (Mod-z, Mod-y, Shift-Mod-z) are Yjs's: one's own changes only.
        Collaboration.configure({ document: ydoc, field: DOCUMENT_FIELD }),
        CollaborationCaret.configure({ provider, user }),
        WordPaste,
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'collaborative-editor__content',
          'data-testid': 'editor',
          'aria-label': label,
          spellcheck: 'false',
        },
      },
    },
    // A new document needs a new editor; the rest is updated in place below.
    [ydoc, provider],
  );

  useEffect(() => {
    if (!onEditor || !editor) return;
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  // The caret extension reads `user` once at start; later changes go through its command.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ ...user });
  }, [editor, user]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  // Rights change while the document is open (the meeting closed or reopened).
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) {
      editor.setEditable(editable);
    }
  }, [editor, editable]);

  const count = useDocumentCount(editor);
  const formatCount = useMemo(() => new Intl.NumberFormat(locale).format, [locale]);

  return (
    <div className="collaborative-editor">
      {editable && <EditorToolbar editor={editor} />}
      <div className="collaborative-editor__body">
        <EditorContent editor={editor} className="collaborative-editor__scroll" />
        {count.sections.length > 0 && (
          <SectionOutline editor={editor} sections={count.sections} formatCount={formatCount} />
        )}
      </div>
      <div className="collaborative-editor__status" data-testid="character-count">
        {t('editor.count.total', { count: formatCount(count.total) })}
      </div>
    </div>
  );
}
