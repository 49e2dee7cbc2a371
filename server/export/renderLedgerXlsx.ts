import ExcelJS from 'exceljs';
import {
  DEADLINE_COLUMN,
  LEDGER_COLUMNS,
  LEDGER_STATUSES,
  STATUS_COLUMN,
  type LedgerRow,
} from './ledgerColumns.js';
import { xmlSafeText } from './xmlSafeText.js';

export type { LedgerRow } from './ledgerColumns.js';

const SHEET_NAME = '整改台账';
const TITLE_ROW = 1;
const HEADER_ROW = 2;
/** Rows below the data that still get the 状态 drop-down, so rows typed in later have it too. */
const SPARE_ROWS = 100;
const DATE_FORMAT = 'yyyy-mm-dd';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const TITLE_FONT = { name: '宋体', size: 18, bold: true, charset: 134 };
const HEADER_FONT = { name: '宋体', size: 12, bold: true, charset: 134 };
const BODY_FONT = { name: '仿宋', size: 12, charset: 134 };

export interface LedgerOptions {
  /** Zone the 销号 date is written in; the meetings' zone (MEETING_TIME_ZONE). */
  timeZone?: string;
}

function calendarDate(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}

function deadlineCell(row: LedgerRow): Date | string {
  if (row.longTerm) return '长期坚持';
  return row.deadline ?? '';
}

function verificationCell(row: LedgerRow, timeZone: string): string {
  if (row.verifiedAt === null) return '';
  return `${calendarDate(row.verifiedAt, timeZone)} ${row.verifiedBy ?? ''}`.trim();
}

function values(row: LedgerRow, index: number, timeZone: string): (string | number | Date)[] {
  return [
    index + 1,
    row.source,
    row.aspect,
    row.problem,
    row.goal,
    row.measures,
    row.leader,
    row.owner,
    deadlineCell(row),
    row.status,
    row.progress,
    verificationCell(row, timeZone),
  ];
}

/** Printed as filed: A4 landscape, one page wide, title and headers on every page. */
function setUpPrinting(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages high as the rows need.
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/** The rectification ledger (整改台账) as an .xlsx workbook with one sheet. */
export async function renderLedgerXlsx(
  title: string,
  rows: LedgerRow[],
  options: LedgerOptions = {},
): Promise<Buffer> {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '生活会协作台';
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
  });
  sheet.columns = LEDGER_COLUMNS.map(({ width }) => ({ width }));

  const last = LEDGER_COLUMNS.length;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, last);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = xmlSafeText(title);
  titleCell.font = TITLE_FONT;
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 36;

  const header = sheet.getRow(HEADER_ROW);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + index);
    values(row, index, timeZone).forEach((value, i) => {
      const cell = sheetRow.getCell(i + 1);
      // Blank, not an empty string, so Excel's filters and COUNTA see the cell as empty.
      cell.value = value === '' ? null : typeof value === 'string' ? xmlSafeText(value) : value;
      cell.font = BODY_FONT;
      cell.border = BORDER;
      cell.alignment = {
        horizontal: LEDGER_COLUMNS[i]!.center ? 'center' : 'left',
        vertical: 'middle',
        wrapText: true,
      };
      if (value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });

  const firstData = HEADER_ROW + 1;
  const lastValidated = HEADER_ROW + rows.length + SPARE_ROWS;
  for (let r = firstData; r <= lastValidated; r++) {
    sheet.getCell(r, STATUS_COLUMN).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${LEDGER_STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '状态',
      error: `请从列表中选择：${LEDGER_STATUSES.join('、')}`,
    };
    // Dates typed into the spare rows show as dates too.
    if (r > HEADER_ROW + rows.length) sheet.getCell(r, DEADLINE_COLUMN).numFmt = DATE_FORMAT;
  }

  setUpPrinting(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
