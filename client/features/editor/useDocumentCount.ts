import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { documentCount, type DocumentCount } from '../../../shared/editor/characterCount.js';

const EMPTY: DocumentCount = { total: 0, sections: [] };

function sameCount(a: DocumentCount, b: DocumentCount): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * 字数 of the editor's document, in total and per section, recounted at most once every
 * `intervalMs` while anyone types: counting walks the whole document, and a count that lags a
 * keystroke by a moment is still right.
 */
export function useDocumentCount(editor: Editor | null, intervalMs = 300): DocumentCount {
  const [count, setCount] = useState<DocumentCount>(() =>
    editor ? documentCount(editor.state.doc) : EMPTY,
  );

  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      const next = documentCount(editor.state.doc);
      // The same numbers keep the same object, so the outline does not re-render for nothing.
      setCount((previous) => (sameCount(previous, next) ? previous : next));
    };
    // Other people's changes arrive as transactions too, so their typing is counted as well.
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && timer === undefined) timer = setTimeout(recount, intervalMs);
    };
    recount();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      clearTimeout(timer);
    };
  }, [editor, intervalMs]);

  return count;
}
