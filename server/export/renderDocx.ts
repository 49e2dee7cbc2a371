import { Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import { blocksToDocx } from './docxBlocks.js';
import { fontTableXml } from './docxFontTable.js';
import { pageNumberFooters } from './docxFooters.js';
import { STYLE, documentStyles } from './docxStyles.js';
import type { ExportDocument } from './exportBlocks.js';
import { xmlSafeDocument } from './xmlSafeText.js';
import { FOOTER_DISTANCE, LINE_PITCH, MARGIN, PAGE, mmToTwips } from './gbt9704.js';

/** The title (2号 方正小标宋简体, centred), the subtitle, then one blank line before the body. */
function titleBlock(doc: ExportDocument): Paragraph[] {
  const blankLineAfter = { spacing: { after: LINE_PITCH } };
  const title = new Paragraph({
    style: STYLE.title,
    ...(doc.subtitle === undefined ? blankLineAfter : {}),
    children: doc.title.split('\n').map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0 })),
  });
  if (doc.subtitle === undefined) return [title];
  return [
    title,
    new Paragraph({
      style: STYLE.subtitle,
      ...blankLineAfter,
      children: [new TextRun(doc.subtitle)],
    }),
  ];
}

/** A Word document laid out per GB/T 9704-2012; see gbt9704.ts for the figures. */
export async function renderDocx(content: ExportDocument): Promise<Buffer> {
  // The docx library escapes markup but leaves characters that no XML may hold.
  const doc = xmlSafeDocument(content);
  const document = new Document({
    title: doc.title,
    creator: '生活会协作台',
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true,
    // A line ending in a hard break is not stretched across the line, as Word does by default.
    compatibility: { doNotExpandShiftReturn: true },
    sections: [
      {
        // No document grid (文档网格): single-spaced table text would snap to its 579-twip pitch.
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              ...MARGIN,
              header: mmToTwips(15),
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
        },
        footers: pageNumberFooters(),
        children: [...titleBlock(doc), ...blocksToDocx(doc.blocks)],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
