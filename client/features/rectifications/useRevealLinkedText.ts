import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { RectificationDetailView } from '../../../shared/rectifications/rectificationViews.js';
import { fetchRectification } from '../../api/rectificationApi.js';
import { revealAnchor } from './selectionAnchor.js';

export interface Revealed {
  seq: number;
  /** `gone`: the item's text no longer resolves (deleted since). */
  state: 'shown' | 'gone';
}

/** The item named by `?rectification=<id>` in the page's address, if any. */
function linkedItemId(): number | null {
  const value = new URLSearchParams(location.search).get('rectification');
  return value !== null && /^[1-9][0-9]{0,14}$/.test(value) ? Number(value) : null;
}

/**
 * Opened from an item's link: selects its text in the editor once the document has synced far
 * enough for the positions to resolve (tried again after every change the sync brings in).
 */
export function useRevealLinkedText(editor: Editor | null): Revealed | null {
  const [item, setItem] = useState<RectificationDetailView | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);

  useEffect(() => {
    const id = linkedItemId();
    if (id === null) return;
    const abort = new AbortController();
    // A link one may not follow (or an item gone) just opens the document.
    fetchRectification(id, abort.signal).then(setItem, () => {});
    return () => abort.abort();
  }, []);

  useEffect(() => {
    const positions = item?.anchorPositions;
    if (!editor || !item || !positions) return;
    if (item.anchor?.current === null) {
      setRevealed({ seq: item.seq, state: 'gone' });
      return;
    }
    const attempt = () => {
      if (!revealAnchor(editor, positions)) return;
      setRevealed({ seq: item.seq, state: 'shown' });
      editor.off('update', attempt);
    };
    editor.on('update', attempt);
    attempt();
    return () => {
      editor.off('update', attempt);
    };
  }, [editor, item]);

  return revealed;
}
