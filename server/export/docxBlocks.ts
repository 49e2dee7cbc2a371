import { AlignmentType, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { ExportBlock, ExportInline } from './exportBlocks.js';
import { NO_INDENT } from './gbt9704.js';
import { STYLE } from './docxStyles.js';
import { fieldsTable, gridTable } from './docxTable.js';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** An inline's text as runs, each `\n` a line break inside the paragraph. */
function runs(inlines: ExportInline[]): TextRun[] {
  return inlines.flatMap(({ text, bold }) =>
    text
      .split('\n')
      .map((part, i) => new TextRun({ text: part, bold: bold || undefined, break: i > 0 ? 1 : 0 })),
  );
}

const LIST_MARK = '•';

/** The paragraphs of one block; a table is its own element. */
function render(
  block: Exclude<ExportBlock, { type: 'pageBreak' }>,
  breakBefore: boolean,
): FileChild[] {
  const pageBreakBefore = breakBefore || undefined;
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          style: STYLE.heading[block.level],
          pageBreakBefore,
          children: runs([{ text: block.text }]),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          style: STYLE.normal,
          pageBreakBefore,
          ...(block.align ? { alignment: ALIGNMENT[block.align] } : {}),
          ...(block.indent === false ? { indent: NO_INDENT } : {}),
          children: runs(block.inlines),
        }),
      ];
    case 'list': {
      // Numbers are typed text, as in every 公文, so they look the same in Word, WPS and
      // LibreOffice and survive copying; Word's list numbering would not.
      const start = block.start ?? 1;
      return block.items.map(
        (item, i) =>
          new Paragraph({
            style: STYLE.normal,
            pageBreakBefore: i === 0 ? pageBreakBefore : undefined,
            children: runs([{ text: block.ordered ? `${start + i}.` : `${LIST_MARK} ` }, ...item]),
          }),
      );
    }
    case 'fields':
      return [fieldsTable(block.rows)];
    case 'table':
      return [gridTable(block.header, block.rows)];
  }
}

function startsWithParagraph(block: ExportBlock | undefined): boolean {
  if (block === undefined) return false;
  if (block.type === 'list') return block.items.length > 0;
  return block.type === 'heading' || block.type === 'paragraph';
}

/**
 * The body of a document. A page break becomes `pageBreakBefore` on the paragraph that follows,
 * so the new page does not open with an empty line; before a table, or at the end, it is a
 * paragraph holding the break.
 */
export function blocksToDocx(blocks: ExportBlock[]): FileChild[] {
  const children: FileChild[] = [];
  let breakPending = false;
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'pageBreak') {
      if (startsWithParagraph(blocks[i + 1])) breakPending = true;
      else children.push(new Paragraph({ children: [new PageBreak()] }));
      continue;
    }
    if (block.type === 'list' && block.items.length === 0) continue;
    children.push(...render(block, breakPending));
    breakPending = false;
  }
  return children;
}
