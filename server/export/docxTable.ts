import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { BODY_CHAR, FONT, SIZE, TEXT_WIDTH, runFont } from './gbt9704.js';
import { STYLE } from './docxStyles.js';

/** Past this many columns a table is set in 五号 (10.5 pt) rather than 小四 (12 pt). */
const SMALL_TEXT_COLUMNS = 6;
const CELL_MARGIN = { top: 28, bottom: 28, left: 85, right: 85 };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

/** Width of text as characters: a CJK character is one, a Latin letter or digit half. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e7f ? 1 : 0.5;
  return width;
}

const cellWidth = (chars: number, charTwips: number): number =>
  Math.ceil(chars) * charTwips + CELL_MARGIN.left + CELL_MARGIN.right + 20;

/**
 * Column widths in twips filling the text block. Each column first gets room for its header:
 * on one line where all headers take at most two thirds of the block, else on two lines (问题/
 * 来源), as wide tables set them. What is left goes to the columns whose cells want more than
 * that, by how much more, so 问题表现 and 整改措施 get the room and 序号 stays narrow. Where even
 * that does not fit, every column shrinks alike.
 */
export function columnWidths(header: string[], cells: string[][], charTwips: number): number[] {
  const oneLine = header.map((h) => cellWidth(Math.max(1, textWidth(h)), charTwips));
  const base =
    oneLine.reduce((a, b) => a + b, 0) <= (TEXT_WIDTH * 2) / 3
      ? oneLine
      : header.map((h) => cellWidth(Math.max(1, textWidth(h) / 2), charTwips));
  const want = header.map((_, i) => {
    const longest = Math.max(0, ...cells.map((row) => textWidth(row[i] ?? '')));
    // Beyond 30 characters a column gains nothing more: its text wraps anyway.
    return Math.max(0, cellWidth(Math.min(30, longest), charTwips) - base[i]!);
  });
  const baseTotal = base.reduce((a, b) => a + b, 0);
  const wantTotal = want.reduce((a, b) => a + b, 0);
  const spare = TEXT_WIDTH - baseTotal;
  const widths =
    spare < 0
      ? base.map((b) => Math.floor((b * TEXT_WIDTH) / baseTotal))
      : base.map((b, i) =>
          Math.floor(b + (wantTotal > 0 ? (spare * want[i]!) / wantTotal : spare / base.length)),
        );
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellParagraphs(text: string, style: string, header: boolean): Paragraph[] {
  return text.split('\n').map(
    (part) =>
      new Paragraph({
        style,
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: part, bold: header || undefined })],
      }),
  );
}

/**
 * A bordered table across the text block, its header row bold and repeated on every page, no
 * row split across pages. Portrait throughout: a landscape section would move the binding
 * margin and the page numbers, and ten columns fit in 156 mm at 五号.
 */
export function gridTable(header: string[], rows: string[][]): Table {
  const count = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const pad = (r: string[]): string[] => Array.from({ length: count }, (_, i) => r[i] ?? '');
  const all = [pad(header), ...rows.map(pad)];
  const small = count > SMALL_TEXT_COLUMNS;
  const style = small ? STYLE.tableSmall : STYLE.table;
  // A character of 五号 or 小四 in twips: half-points × 10.
  const widths = columnWidths(all[0]!, all.slice(1), (small ? SIZE.tableSmall : SIZE.table) * 10);
  const row = (cells: string[], isHeader: boolean): TableRow =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            margins: CELL_MARGIN,
            verticalAlign: VerticalAlignTable.CENTER,
            children: cellParagraphs(text, style, isHeader),
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: [row(all[0]!, true), ...all.slice(1).map((r) => row(r, false))],
  });
}

/** 会议名称：… as two borderless columns, the labels in 黑体 and the values in 仿宋. */
export function fieldsTable(rows: [label: string, value: string][]): Table {
  const labels = rows.map(([label]) => (/[:：]$/.test(label) ? label : `${label}：`));
  const labelWidth = Math.ceil(Math.max(2, ...labels.map(textWidth))) * BODY_CHAR + 2 * 57;
  const widths = [labelWidth, TEXT_WIDTH - labelWidth];
  const margins = { top: 0, bottom: 0, left: 57, right: 57 };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([, value], i) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              margins,
              children: [
                new Paragraph({
                  style: STYLE.fields,
                  children: [new TextRun({ text: labels[i]!, font: runFont(FONT.heiTi.name) })],
                }),
              ],
            }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              margins,
              children: value
                .split('\n')
                .map(
                  (part) => new Paragraph({ style: STYLE.fields, children: [new TextRun(part)] }),
                ),
            }),
          ],
        }),
    ),
  });
}
