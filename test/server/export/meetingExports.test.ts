import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARGIN, PAGE } from '../../../server/export/gbt9704.js';
import { adminToken, NEW_ADMIN_PASSWORD } from '../../helpers/apiClient.js';
import { element, paragraphTexts, unzipDocx } from '../../helpers/ooxml.js';
import {
  LEAVE_REASON,
  runScriptedMeeting,
  SPEECH_NOTES,
  type ScriptedMeeting,
} from '../../helpers/scriptedMeeting.js';
import { startTestServer, type TestServer } from '../../helpers/startTestServer.js';

const ARTIFACTS = fileURLToPath(
  new URL('../../../test-artifacts/exports/meeting/', import.meta.url),
);

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** The speeches as the minutes title them, in the order they were given. */
const SPEECH_TITLES = [
  '王书记 作个人对照检查',
  '李记录 → 王书记 批评意见',
  '张党员 → 王书记 批评意见',
  '王书记 表态发言',
  '孙督导 点评',
  '王书记 主持人总结',
];

/** Each of `needles` found in `haystack` after the one before it. */
function inOrder(haystack: readonly string[], needles: readonly string[]): number[] {
  const found: number[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = haystack.findIndex((line, i) => i >= from && line.includes(needle));
    found.push(at);
    if (at !== -1) from = at + 1;
  }
  return found;
}

describe('the exports of a meeting run over real sockets', () => {
  let server: TestServer;
  let meeting: ScriptedMeeting;
  const files = new Map<string, Download>();

  const download = async (file: string, token: string): Promise<Download> => {
    const res = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/export/${file}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    await adminToken(server);
    meeting = await runScriptedMeeting(server, NEW_ADMIN_PASSWORD);
    await mkdir(ARTIFACTS, { recursive: true });
    const member = meeting.fixture.people.member!.token;
    const collective = `document.docx?document=m/${meeting.meetingId}/collective`;
    for (const file of [
      'minutes.docx',
      'minutes.md',
      'report.docx',
      'rectifications.xlsx',
      collective,
    ]) {
      const got = await download(file, member);
      if (got.status !== 200) throw new Error(`${file}: ${got.status} ${got.body.toString()}`);
      files.set(file.startsWith('document') ? 'collective.docx' : file, got);
      await writeFile(
        join(ARTIFACTS, file.startsWith('document') ? 'collective.docx' : file),
        got.body,
      );
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('writes every speech of the minutes.docx in order, with what was noted under it', async () => {
    const { document } = await unzipDocx(files.get('minutes.docx')!.body);
    const texts = paragraphTexts(document);
    const titles = inOrder(texts, SPEECH_TITLES);
    expect(titles.every((i) => i !== -1)).toBe(true);
    // Each note directly under its speech's title.
    SPEECH_NOTES.forEach(([, note], i) => expect(texts[titles[i]! + 1]).toBe(note));
    // The redaction stays as it was typed.
    expect(texts).toContain('张党员指出：对**局的整改督促不够。');
  });

  it('writes the facts of the meeting into the minutes.docx', async () => {
    const { document } = await unzipDocx(files.get('minutes.docx')!.body);
    const text = paragraphTexts(document).join('\n');
    for (const fact of [
      '2024年度民主生活会',
      '三楼会议室',
      '王书记',
      '李记录',
      '3人',
      '4人',
      `赵副书记（请假：${LEAVE_REASON}）`,
      '钱列席',
      '孙督导',
      '个人对照检查与相互批评',
    ]) {
      expect(text).toContain(fact);
    }
    // 应到 4 (the participants), 实到 3: the member on leave is not there.
    const texts = paragraphTexts(document);
    expect(texts[texts.indexOf('应到人数：') + 1]).toBe('4人');
    expect(texts[texts.indexOf('实到人数：') + 1]).toBe('3人');
    for (const item of meeting.items) expect(text).toContain(item.problem);
    expect(text).toContain('长期坚持');
  });

  it('lays the real export out per GB/T 9704', async () => {
    const parts = await unzipDocx(files.get('minutes.docx')!.body);
    expect(element(parts.document, 'w:pgSz')).toMatchObject({
      'w:w': String(PAGE.width),
      'w:h': String(PAGE.height),
    });
    expect(element(parts.document, 'w:pgMar')).toMatchObject({
      'w:top': String(MARGIN.top),
      'w:left': String(MARGIN.left),
      'w:right': String(MARGIN.right),
      'w:bottom': String(MARGIN.bottom),
    });
    expect(parts.styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(parts.styles).toContain('w:eastAsia="黑体"');
  });

  it('names the file after the meeting, in UTF-8', () => {
    const disposition = files.get('minutes.docx')!.headers.get('content-disposition')!;
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('2024年度民主生活会-会议记录.docx')}`,
    );
    expect(files.get('report.docx')!.headers.get('content-disposition')).toContain(
      encodeURIComponent('2024年度民主生活会-召开情况报告.docx'),
    );
    expect(files.get('rectifications.xlsx')!.headers.get('content-type')).toContain(
      'spreadsheetml',
    );
  });

  it('writes the same facts in the same order into minutes.md', () => {
    const lines = files.get('minutes.md')!.body.toString('utf8').split('\n');
    // Markdown escapes the redaction's asterisks and leaves the arrow as it is.
    const notes = SPEECH_NOTES.map(([, note]) => note.replace(/\*/g, '\\*'));
    const order = inOrder(
      lines,
      SPEECH_TITLES.flatMap((t, i) => [t, notes[i]!]),
    );
    expect(order.every((i) => i !== -1)).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain(`赵副书记（请假：${LEAVE_REASON}）`);
    for (const item of meeting.items) expect(text).toContain(item.problem);
  });

  it('counts the speeches and criticisms in report.docx, and takes the problems from the material', async () => {
    const { document } = await unzipDocx(files.get('report.docx')!.body);
    const texts = paragraphTexts(document);
    const text = texts.join('\n');
    expect(text).toContain(
      '会上共发言6人次，其中个人对照检查1人次，提出批评意见2条，表态发言1人次',
    );
    expect(text).toContain('会上共梳理整改事项2项');
    expect(text).toContain('应到4人，实到3人，赵副书记因赴省委党校学习请假。');
    // Per person: 王书记 spoke once on themself, received two criticisms and responded.
    const row = texts.indexOf('王书记', texts.indexOf('表态发言'));
    expect(texts.slice(row, row + 5)).toEqual(['王书记', '1', '0', '2', '1']);
    const critic = texts.indexOf('李记录', row);
    expect(texts.slice(critic, critic + 5)).toEqual(['李记录', '0', '1', '0', '0']);
    // From the collective material, parsed by its outline.
    expect(
      inOrder(texts, [
        '查摆的主要问题',
        '理论学习方面',
        '一是学习不够系统',
        '问题产生的原因',
        '理想信念',
        '下一步整改措施',
        '一要坚持每月集中学习一次',
      ]),
    ).not.toContain(-1);
    // No record of opinions solicited: a blank for the branch to fill.
    expect(text).toContain('共征求到意见建议____条');
    expect(text).toMatch(/附件：1\.班子对照检查材料/);
  });

  it('lists both items in rectifications.xlsx under the ledger headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.get('rectifications.xlsx')!.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2)).toEqual([
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
    ]);
    expect(row(3).slice(0, 4)).toEqual([1, '相互批评', '担当作为', '调研多在机关，到基层一线少']);
    expect(row(3)[7]).toBe('王书记');
    expect(row(3)[8]).toEqual(new Date('2025-06-30T00:00:00Z'));
    expect(row(3)[9]).toBe('未启动');
    expect(row(4).slice(0, 4)).toEqual([2, '自查', '理论学习', '学习不够系统']);
    expect(row(4)[7]).toBe('张党员');
    expect(row(4)[8]).toBe('长期坚持');
  });

  it('exports a material as Word under its title', async () => {
    const { document } = await unzipDocx(files.get('collective.docx')!.body);
    const texts = paragraphTexts(document);
    expect(texts[0]).toBe('班子对照检查材料');
    expect(texts).toContain('一、存在的主要问题');
    expect(texts).toContain('理想信念的总开关拧得还不够紧。');
  });
});
