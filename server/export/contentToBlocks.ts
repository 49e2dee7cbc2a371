import type { JSONContent } from '@tiptap/core';
import type { ExportBlock, ExportInline } from './exportBlocks.js';

/** Editor heading levels 2..5 are the outline levels 一、/（一）/1./（1）; level 1 is a title. */
function outlineLevel(level: unknown): 1 | 2 | 3 | 4 {
  const n = typeof level === 'number' ? level - 1 : 1;
  return Math.min(4, Math.max(1, Math.trunc(n))) as 1 | 2 | 3 | 4;
}

function pushText(inlines: ExportInline[], text: string, bold: boolean): void {
  if (text === '') return;
  const last = inlines[inlines.length - 1];
  if (last !== undefined && (last.bold === true) === bold) last.text += text;
  else inlines.push(bold ? { text, bold } : { text });
}

/**
 * The text of an inline node's children, bold where the editor marked it bold. Italic,
 * underline, strike, code and links have no place in a 公文 and are kept as plain text.
 */
function inlinesOf(node: JSONContent, bold = false, into: ExportInline[] = []): ExportInline[] {
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const isBold = bold || (child.marks ?? []).some((m) => m.type === 'bold');
      pushText(into, child.text ?? '', isBold);
    } else if (child.type === 'hardBreak') {
      pushText(into, '\n', bold);
    } else {
      inlinesOf(child, bold, into);
    }
  }
  return into;
}

function plainText(node: JSONContent): string {
  return inlinesOf(node)
    .map((i) => i.text)
    .join('')
    .replace(/\s*\n\s*/g, '');
}

const isBlank = (inlines: ExportInline[]): boolean => inlines.every((i) => i.text.trim() === '');

/**
 * A list's items; a nested list's items follow their parent's in the same list, and an item's
 * paragraphs are joined by line breaks, since the block model has one paragraph an item.
 */
function listItems(list: JSONContent): ExportInline[][] {
  return (list.content ?? []).flatMap((item) => {
    const own: ExportInline[] = [];
    const nested: ExportInline[][] = [];
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        nested.push(...listItems(child));
      } else {
        if (own.length > 0) pushText(own, '\n', false);
        inlinesOf(child, false, own);
      }
    }
    return isBlank(own) ? nested : [own, ...nested];
  });
}

function nodeToBlocks(node: JSONContent): ExportBlock[] {
  switch (node.type) {
    case 'heading': {
      const text = plainText(node);
      if (text.trim() === '') return [];
      if (node.attrs?.level === 1) {
        // A title inside a document (e.g. 对照检查材料 above its outline): centred and bold.
        return [
          { type: 'paragraph', inlines: [{ text, bold: true }], indent: false, align: 'center' },
        ];
      }
      return [{ type: 'heading', level: outlineLevel(node.attrs?.level), text }];
    }
    case 'paragraph': {
      const inlines = inlinesOf(node);
      // Empty paragraphs are the editor's places to write in, not blank lines to print.
      return isBlank(inlines) ? [] : [{ type: 'paragraph', inlines }];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = listItems(node);
      if (items.length === 0) return [];
      const ordered = node.type === 'orderedList';
      const start = node.attrs?.start;
      return [
        {
          type: 'list',
          ordered,
          items,
          ...(ordered && typeof start === 'number' && start !== 1 ? { start } : {}),
        },
      ];
    }
    case 'codeBlock': {
      const inlines = inlinesOf(node);
      return isBlank(inlines) ? [] : [{ type: 'paragraph', inlines, indent: false, align: 'left' }];
    }
    case 'horizontalRule':
    case 'hardBreak':
    case 'text':
      return [];
    default:
      // doc, blockquote, listItem and any node the schema grows: its children, in order.
      return (node.content ?? []).flatMap(nodeToBlocks);
  }
}

/** A TipTap/ProseMirror document (shared/editor/documentExtensions.ts) as export blocks. */
export function contentToBlocks(doc: JSONContent): ExportBlock[] {
  return nodeToBlocks(doc);
}
