import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLedgerXlsx } from '../../../server/export/renderLedgerXlsx.js';
import { writeExportArtifact } from '../../helpers/exportArtifacts.js';
import { sampleLedgerRows } from '../../helpers/exportSamples.js';

const HEADERS = [
  '序号',
  '问题来源',
  '所属方面',
  '问题表现',
  '整改目标',
  '整改措施',
  '责任领导',
  '责任人',
  '完成时限',
  '状态',
  '进展情况',
  '销号',
];
const TITLE = 'XX党支部2024年度组织生活会整改台账';

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('整改台账');
  if (sheet === undefined) throw new Error('no sheet 整改台账');
  return sheet;
}

let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  const buffer = await renderLedgerXlsx(TITLE, sampleLedgerRows(), { timeZone: 'Asia/Shanghai' });
  await writeExportArtifact('sample-ledger.xlsx', buffer);
  sheet = await readBack(buffer);
});

describe('renderLedgerXlsx', () => {
  it('opens with the title merged across all twelve columns', () => {
    expect(sheet.getCell('A1').value).toBe(TITLE);
    expect(sheet.getCell('L1').isMerged).toBe(true);
    expect(sheet.getCell('L1').master.address).toBe('A1');
  });

  it('has the headers of docs/exports.md in order on row 2', () => {
    const row = sheet.getRow(2);
    expect(HEADERS.map((_, i) => row.getCell(i + 1).value)).toEqual(HEADERS);
  });

  it('writes one row per item, numbered, with the texts as given', () => {
    const rows = [3, 4, 5].map((r) => sheet.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3]);
    expect(rows[0]!.getCell(4).value).toBe('学习不够深入，对**局下发的材料读得不细');
    expect(rows.map((r) => r.getCell(10).value)).toEqual(['已完成', '长期坚持', '未启动']);
    expect(sheet.getRow(6).getCell(1).value).toBeNull();
  });

  it('makes 完成时限 a real date cell, or the text 长期坚持', () => {
    const deadline = sheet.getCell('I3');
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString()).toBe('2025-06-30T00:00:00.000Z');
    expect(deadline.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('I4').value).toBe('长期坚持');
    expect(sheet.getCell('I5').value).toBeNull();
  });

  it('writes 销号 as the date in the meeting zone and who closed the item off', () => {
    expect(sheet.getCell('L3').value).toBe('2025-07-02 王书记');
    expect(sheet.getCell('L4').value).toBeNull();
  });

  it('offers the five statuses as a drop-down on every data row and the rows below', () => {
    for (const address of ['J3', 'J5', 'J50', 'J105']) {
      expect(sheet.getCell(address).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"未启动,推进中,已完成,长期坚持,申请延期"'],
        showErrorMessage: true,
      });
    }
    expect(sheet.getCell('J2').dataValidation).toBeUndefined();
    expect(sheet.getCell('I3').dataValidation).toBeUndefined();
  });

  it('freezes the title and header rows', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('prints on A4 landscape, one page wide, headers repeated', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    });
    expect(sheet.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 });
  });

  it('wraps text in 仿宋 with borders and gives the long columns room', () => {
    const cell = sheet.getCell('D3');
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(cell.font).toMatchObject({ name: '仿宋', size: 12 });
    expect(cell.border?.top).toMatchObject({ style: 'thin' });
    expect(sheet.getCell('B2').font).toMatchObject({ name: '宋体', bold: true });
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(1).width! * 4);
  });

  it('writes an empty ledger as its title, headers and drop-downs', async () => {
    const empty = await readBack(await renderLedgerXlsx(TITLE, []));
    expect(empty.getCell('D2').value).toBe('问题表现');
    expect(empty.getCell('A3').value).toBeNull();
    expect(empty.getCell('J3').dataValidation).toMatchObject({ type: 'list' });
  });
});
