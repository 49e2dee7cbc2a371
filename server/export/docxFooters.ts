import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { PAGE_NUMBER_INSET } from './gbt9704.js';
import { STYLE } from './docxStyles.js';

/** "— 7 —": a PAGE field between two em dashes (一字线), as GB/T 9704 prints page numbers. */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 空一字: one 4号 character in from the outer edge of the text block.
        indent: side === 'right' ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * Odd pages carry the number on the right and even pages on the left, so that printed double-
 * sided it is always on the outer edge. The document must set evenAndOddHeaderAndFooters.
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('right'), even: pageNumberFooter('left') };
}
