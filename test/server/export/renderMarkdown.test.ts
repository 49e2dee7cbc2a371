import { describe, expect, it } from 'vitest';
import type { ExportBlock } from '../../../server/export/exportBlocks.js';
import { renderMarkdown } from '../../../server/export/renderMarkdown.js';
import { writeExportArtifact } from '../../helpers/exportArtifacts.js';
import { sampleDocument } from '../../helpers/exportSamples.js';

const body = (...blocks: ExportBlock[]): string =>
  renderMarkdown({ title: '标题', blocks }).replace(/^# 标题\n\n/, '');

describe('renderMarkdown', () => {
  it('renders a whole document: title, fields, headings as #…, lists, a pipe table', async () => {
    const markdown = renderMarkdown(sampleDocument());
    await writeExportArtifact('sample-minutes.md', markdown);
    expect(markdown).toBe(
      [
        '# XX党支部2024年度组织生活会会议记录',
        '',
        '（2025年1月15日）',
        '',
        '- **会议名称**：XX党支部2024年度组织生活会',
        '- **时间**：2025年1月15日 9:00—11:30',
        '- **地点**：三楼会议室',
        '- **主持人**：王\\*\\*（支部书记）',
        '- **缺席人员及原因**：李\\*\\*（出差）\\',
        '  赵\\*\\*（病假）',
        '',
        '## 一、存在的主要问题',
        '',
        '### （一）理论学习方面',
        '',
        '**一是学习不够深入**。对\\*\\*局下发的学习材料读得不细，满足于“读过了”。\\',
        '比如，专题学习只有3次。',
        '',
        '#### 1.学用结合不够',
        '',
        '##### （1）调研不够',
        '',
        '1. 制定学习计划',
        '2. 每月交流一次',
        '',
        '- **督导组点评**',
        '',
        '| 序号 | 问题来源 | 所属方面 | 问题表现 | 整改措施 | 责任领导 | 责任人 | 完成时限 | 状态 | 销号 |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | 自查 | 理论学习 | 学习不够深入，对\\*\\*局的材料读得不细 | 每月集中学习一次 | 王\\*\\* | 张\\*\\* | 2025-06-30 | 推进中 |   |',
        '',
        '---',
        '',
        '## 二、原因剖析',
        '',
        '以上材料，请审阅。',
        '',
      ].join('\n'),
    );
  });

  it('escapes redaction asterisks and other markup characters as text', () => {
    expect(
      body({ type: 'paragraph', inlines: [{ text: '**局的*同志_a_ `x` [链接] <b> ~~删~~' }] }),
    ).toBe('\\*\\*局的\\*同志\\_a\\_ \\`x\\` \\[链接\\] \\<b\\> \\~\\~删\\~\\~\n');
  });

  it('keeps a line that looks like a heading, list or quote as text', () => {
    const lines = [
      '# 不是标题',
      '1. 不是列表',
      '- 不是列表',
      '+ 也不是',
      '> 不是引用',
      '    不是代码',
    ];
    expect(body({ type: 'paragraph', inlines: [{ text: lines.join('\n') }] })).toBe(
      '\\# 不是标题\\\n1\\. 不是列表\\\n\\- 不是列表\\\n\\+ 也不是\\\n\\> 不是引用\\\n不是代码\n',
    );
  });

  it('closes bold at a Chinese full stop by moving edge punctuation outside the asterisks', () => {
    const inlines = [
      { text: '前文' },
      { text: '“四个意识”', bold: true },
      { text: '和' },
      { text: '**局的问题。', bold: true },
      { text: '后文' },
    ];
    expect(body({ type: 'paragraph', inlines })).toBe(
      '前文“**四个意识**”和\\*\\***局的问题**。后文\n',
    );
    expect(body({ type: 'paragraph', inlines: [{ text: '。', bold: true }] })).toBe('。\n');
  });

  it('escapes pipes and flattens line breaks inside table cells, padding short rows', () => {
    expect(
      body({ type: 'table', header: ['甲', '乙|丙'], rows: [['a\nb'], ['1', '2', '3']] }),
    ).toBe(
      ['| 甲 | 乙\\|丙 |   |', '| --- | --- | --- |', '| a b |   |   |', '| 1 | 2 | 3 |', ''].join(
        '\n',
      ),
    );
  });

  it('numbers an ordered list from its start and leaves out empty ones', () => {
    expect(
      body(
        { type: 'list', ordered: true, start: 3, items: [[{ text: '三' }], [{ text: '四' }]] },
        { type: 'list', ordered: false, items: [] },
        { type: 'paragraph', inlines: [] },
      ),
    ).toBe('3. 三\n4. 四\n');
  });
});
