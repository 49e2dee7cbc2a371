/**
 * The figures of GB/T 9704-2012 (党政机关公文格式) that the Word writer lays documents out with.
 * Word measures in twips (1/20 pt, 1440 an inch) and font sizes in half-points.
 */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * Top 37 mm and binding (left) 28 mm; right and bottom follow from the 156 × 225 mm text block:
 * 210 − 28 − 156 = 26 mm, 297 − 37 − 225 = 35 mm.
 */
export const MARGIN = {
  top: mmToTwips(37),
  left: mmToTwips(28),
  right: mmToTwips(26),
  bottom: mmToTwips(35),
} as const;

/** 156 mm, as the page leaves it after rounding each margin (8845 twips). */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** 225 mm, as the page leaves it after rounding each margin (12756 twips). */
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

/**
 * 22 lines a page. 225 mm / 22 = 579.8 twips, but 22 × 580 = 12760 overruns the 12756-twip block,
 * so Word and WPS would push the 22nd line over and print 21. 579 (固定值 28.95 磅, the figure of
 * the common 公文 templates) keeps all 22: 22 × 579 = 12738.
 */
export const LINE_PITCH = 579;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24, tableSmall: 21 } as const;

/** One character of body text (3号, 16 pt) in twips. */
export const BODY_CHAR = 320;

/**
 * 28 characters of 16 pt are 448 pt (158 mm), 2 mm wider than the block: Word would wrap at 27.
 * Tightening every character by 5 twips (0.25 pt) makes 28 × 15.75 pt = 441 pt (155.6 mm), which
 * fits; 4 twips would leave 28 × 316 = 8848 > 8845. It is set once in the defaults, so titles,
 * tables and page numbers are tightened alike (0.25 pt does not show). A run's own spacing is
 * used rather than a character grid (docGrid linesAndChars) because every reader honours it,
 * while grids are laid out differently by Word, WPS and LibreOffice.
 */
export const CHARACTER_SPACING = -5;

/**
 * First-line indent of two characters. Both attributes are written: `firstLineChars` (200 =
 * 2.00 characters) is what Word and WPS use and show as 首行缩进 2 字符, and it follows the
 * paragraph's own size; `firstLine` (2 × 16 pt = 640 twips) is for readers that ignore the
 * character unit.
 */
export const FIRST_LINE_INDENT = { firstLine: 2 * BODY_CHAR, firstLineChars: 200 } as const;
export const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;

/**
 * Page numbers: the number's top 7 mm below the text block, so with a 14 pt line the footer's
 * bottom edge sits 35 − 7 mm − 14 pt from the bottom of the page. 空一字 from the outer edge is one
 * 4号 character (14 pt).
 */
export const PAGE_NUMBER_LINE = 280;
export const FOOTER_DISTANCE = mmToTwips(35 - 7) - PAGE_NUMBER_LINE;
export const PAGE_NUMBER_INSET = 280;

/** Font names as Chinese Word and WPS write them; `fallback` goes into the font table's altName. */
export const FONT = {
  fangSong: { name: '仿宋_GB2312', fallback: 'FangSong' },
  kaiTi: { name: '楷体_GB2312', fallback: 'KaiTi' },
  heiTi: { name: '黑体', fallback: 'SimHei' },
  xiaoBiaoSong: { name: '方正小标宋简体', fallback: 'SimSun' },
  song: { name: '宋体', fallback: 'SimSun' },
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT]['name'];

/** The same font for every script, so digits and Latin letters match the Chinese around them. */
export function runFont(name: FontName): {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
} {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}
