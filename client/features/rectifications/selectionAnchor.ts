import type { Editor } from '@tiptap/core';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  RectificationLimits,
  type RectificationAnchorInput,
} from '../../../shared/rectifications/rectificationSchemas.js';

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding ? state : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * The position `pos` with the association the link wants: y-prosemirror gives every position
 * assoc -1 (stuck to the character before); the start must stick to the character after, so
 * that typing just before the selected text stays outside it.
 */
function relative(pos: number, state: SyncState, assoc: 0 | -1): Y.RelativePosition {
  const rel = absolutePositionToRelativePosition(
    pos,
    state.type,
    state.binding!.mapping,
  ) as Y.RelativePosition;
  if (assoc === -1) return rel;
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, state.doc);
  return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0) : rel;
}

/**
 * The editor's selection as the link an item stores (docs/api.md, "Rectifications"): two
 * encoded Yjs relative positions and the selected text; null for an empty selection.
 */
export function selectionAnchor(editor: Editor, document: string): RectificationAnchorInput | null {
  const { from, to, empty } = editor.state.selection;
  const state = syncState(editor);
  if (empty || !state) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n').trim();
  if (quote === '') return null;
  return {
    document,
    start: toBase64(Y.encodeRelativePosition(relative(from, state, 0))),
    end: toBase64(Y.encodeRelativePosition(relative(to, state, -1))),
    quote: quote.slice(0, RectificationLimits.maxQuoteLength),
  };
}

/**
 * Selects the linked text in the editor and scrolls it into view; false when the positions no
 * longer resolve (the text was deleted) or the document is not synced yet.
 */
export function revealAnchor(editor: Editor, anchor: { start: string; end: string }): boolean {
  const state = syncState(editor);
  if (!state) return false;
  const at = (encoded: string) =>
    relativePositionToAbsolutePosition(
      state.doc,
      state.type,
      Y.decodeRelativePosition(fromBase64(encoded)),
      state.binding!.mapping,
    );
  try {
    const from = at(anchor.start);
    const to = at(anchor.end);
    if (from === null || to === null || to <= from) return false;
    editor.chain().setTextSelection({ from, to }).focus().scrollIntoView().run();
    return true;
  } catch {
    return false;
  }
}
