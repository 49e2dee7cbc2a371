import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../../server/import/htmlToLines.js';
import { readUpload } from '../../../server/import/readUpload.js';

describe('mammoth’s HTML as lines', () => {
  it('gives a line to each heading, paragraph, list item and table cell', () => {
    const html =
      '<h1>对照检查材料</h1><h2>一、存在的问题</h2><p>一是<strong>学习</strong>不够。<br />二是……</p>' +
      '<ul><li>第一项<ul><li>子项</li></ul></li></ul>' +
      '<table><tr><td><p>问题</p></td><td><p>措施</p></td></tr></table><p></p><h1></h1>';
    expect(htmlToLines(html).split('\n')).toEqual([
      '# 对照检查材料',
      '一、存在的问题',
      '一是学习不够。',
      '二是……',
      '第一项',
      '子项',
      '问题',
      '措施',
    ]);
  });

  it('decodes entities and keeps asterisks and full-width spaces inside a line', () => {
    expect(htmlToLines('<p>对**局&amp;&lt;某&gt;&quot;单位&quot;&#20013;&#x6587;　两字</p>')).toBe(
      '对**局&<某>"单位"中文　两字',
    );
  });

  it('reads a real .docx with runs and a table through mammoth', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun({ text: '一是', bold: true }), new TextRun('学习不够。')],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('序号')] }),
                    new TableCell({ children: [new Paragraph('问题表现')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const text = await readUpload('表格.docx', await Packer.toBuffer(doc));
    expect(text.split('\n')).toEqual(['一是学习不够。', '序号', '问题表现']);
  });
});
