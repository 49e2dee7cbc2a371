import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './pastedHtml.js';

/** ProseMirror marks what it puts on the clipboard, so a copy inside the editor is recognised. */
const OWN_CLIPBOARD = /\bdata-pm-slice=/;

/**
 * Paste (and drop) from Word, WPS and web pages: only headings, paragraphs, bold and lists
 * arrive, never the source's fonts, colours, indents or images. Copies from our own editors
 * are already in the document's schema and are left as they are. Adds no node or mark, so the
 * schema stays the one in shared/editor/documentExtensions.ts.
 */
export const WordPaste = Extension.create({
  name: 'wordPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('wordPaste'),
        props: {
          transformPastedHTML: (html) => (OWN_CLIPBOARD.test(html) ? html : cleanPastedHtml(html)),
        },
      }),
    ];
  },
});
