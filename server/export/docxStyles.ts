import {
  AlignmentType,
  LineRuleType,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import {
  CHARACTER_SPACING,
  FIRST_LINE_INDENT,
  FONT,
  LINE_PITCH,
  NO_INDENT,
  PAGE_NUMBER_LINE,
  SIZE,
  runFont,
  type FontName,
} from './gbt9704.js';

/** Paragraph style ids the block writer uses. Heading1..4 and Title are Word's built-in ids. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' },
  fields: 'FieldText',
  table: 'TableText',
  tableSmall: 'TableTextSmall',
  footer: 'Footer',
} as const;

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Runs of every style: one font for all scripts, the size, and the 28-a-line tightening. */
function bodyRun(font: FontName, size: number = SIZE.body) {
  return {
    font: runFont(font),
    size,
    sizeComplexScript: size,
    characterSpacing: CHARACTER_SPACING,
  };
}

function headingStyle(level: 1 | 2 | 3 | 4, font: FontName): IParagraphStyleOptions {
  return {
    id: STYLE.heading[level],
    name: `heading ${level}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    // 公文 headings are not bold: 黑体 and 楷体 carry the level by their face alone.
    run: { ...bodyRun(font), bold: false, color: '000000' },
    // Outline levels give Word's and WPS's navigation pane the document's outline.
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true },
  };
}

function tableTextStyle(id: string, name: string, size: number): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: STYLE.normal,
    quickFormat: true,
    run: bodyRun(FONT.fangSong.name, size),
    // Single spacing in cells: the page's 22-line rhythm does not run through a table.
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: NO_INDENT,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    },
  };
}

/**
 * The document's defaults and paragraph styles. Every style names its fonts for all scripts
 * (ascii, hAnsi, eastAsia) so no part of the text falls back to the theme's Latin font.
 */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: bodyRun(FONT.fangSong.name),
        paragraph: { spacing: exactLine },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.normal,
        name: 'Normal',
        quickFormat: true,
        run: bodyRun(FONT.fangSong.name),
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: FIRST_LINE_INDENT,
          spacing: exactLine,
        },
      },
      {
        id: STYLE.title,
        name: 'Title',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        // Bold so that where 方正小标宋简体 is missing its SimSun stand-in still reads as a title.
        run: { ...bodyRun(FONT.xiaoBiaoSong.name, SIZE.title), bold: true },
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, outlineLevel: 0 },
      },
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: bodyRun(FONT.kaiTi.name),
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT },
      },
      headingStyle(1, FONT.heiTi.name),
      headingStyle(2, FONT.kaiTi.name),
      headingStyle(3, FONT.fangSong.name),
      headingStyle(4, FONT.fangSong.name),
      {
        id: STYLE.fields,
        name: 'Field Text',
        basedOn: STYLE.normal,
        quickFormat: true,
        run: bodyRun(FONT.fangSong.name),
        paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT },
      },
      tableTextStyle(STYLE.table, 'Table Text', SIZE.table),
      tableTextStyle(STYLE.tableSmall, 'Table Text Small', SIZE.tableSmall),
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: STYLE.normal,
        // 页码 are 4号 半角宋体 by the standard, not the body's 仿宋.
        run: bodyRun(FONT.song.name, SIZE.pageNumber),
        paragraph: {
          indent: NO_INDENT,
          spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
    ],
  };
}
