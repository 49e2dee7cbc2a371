import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../server/export/renderDocx.js';
import { writeExportArtifact } from '../../helpers/exportArtifacts.js';
import { sampleDocument } from '../../helpers/exportSamples.js';
import {
  element,
  elements,
  paragraphTexts,
  style,
  unzipDocx,
  type DocxParts,
} from '../../helpers/ooxml.js';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

let docx: DocxParts;

beforeAll(async () => {
  const buffer = await renderDocx(sampleDocument());
  await writeExportArtifact('sample-minutes.docx', buffer);
  docx = await unzipDocx(buffer);
});

function runFonts(xml: string): Record<string, string> {
  return element(xml, 'w:rFonts');
}

describe('renderDocx: the page of GB/T 9704-2012', () => {
  it('is A4 with margins top 37, left 28, right 26 and bottom 35 mm', () => {
    expect(element(docx.document, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(element(docx.document, 'w:pgMar')).toMatchObject({
      'w:top': String(twips(37)),
      'w:left': String(twips(28)),
      'w:right': String(twips(26)),
      'w:bottom': String(twips(35)),
      'w:gutter': '0',
    });
  });

  it('fits 22 lines of exact spacing and 28 body characters into the 156 × 225 mm block', () => {
    const page = element(docx.document, 'w:pgSz');
    const margin = element(docx.document, 'w:pgMar');
    const height = Number(page['w:h']) - Number(margin['w:top']) - Number(margin['w:bottom']);
    const width = Number(page['w:w']) - Number(margin['w:left']) - Number(margin['w:right']);
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(docx.styles)![0];
    const spacing = elements(defaults, 'w:spacing').find((s) => s['w:line'])!;
    expect(spacing).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    const normalSpacing = elements(style(docx.styles, 'Normal'), 'w:spacing');
    expect(normalSpacing).toContainEqual({
      'w:after': '0',
      'w:before': '0',
      'w:line': '579',
      'w:lineRule': 'exact',
    });
    expect(22 * Number(spacing['w:line'])).toBeLessThanOrEqual(height);
    expect(23 * Number(spacing['w:line'])).toBeGreaterThan(height);
    const tightening = Number(elements(defaults, 'w:spacing').find((s) => s['w:val'])!['w:val']);
    const bodySize = Number(element(defaults, 'w:sz')['w:val']) * 10; // half-points → twips
    expect(28 * (bodySize + tightening)).toBeLessThanOrEqual(width);
    expect(29 * (bodySize + tightening)).toBeGreaterThan(width);
  });

  it('sets the body in 3号 仿宋_GB2312 for every script in the document defaults', () => {
    const defaults = /<w:rPrDefault>.*<\/w:rPrDefault>/s.exec(docx.styles)![0];
    expect(runFonts(defaults)).toEqual({
      'w:ascii': '仿宋_GB2312',
      'w:hAnsi': '仿宋_GB2312',
      'w:eastAsia': '仿宋_GB2312',
      'w:cs': '仿宋_GB2312',
    });
    expect(element(defaults, 'w:sz')).toEqual({ 'w:val': '32' });
  });

  it('indents the first line of body text by two characters, justified', () => {
    const normal = style(docx.styles, 'Normal');
    expect(element(normal, 'w:ind')).toEqual({ 'w:firstLine': '640', 'w:firstLineChars': '200' });
    expect(element(normal, 'w:jc')).toEqual({ 'w:val': 'both' });
    expect(runFonts(normal)['w:eastAsia']).toBe('仿宋_GB2312');
    expect(element(normal, 'w:sz')).toEqual({ 'w:val': '32' });
  });

  it('has the title in 2号 方正小标宋简体, bold and centred, and the subtitle in 楷体', () => {
    const title = style(docx.styles, 'Title');
    expect(runFonts(title)).toMatchObject({
      'w:eastAsia': '方正小标宋简体',
      'w:ascii': '方正小标宋简体',
    });
    expect(element(title, 'w:sz')).toEqual({ 'w:val': '44' });
    expect(title).toContain('<w:b/>');
    expect(element(title, 'w:jc')).toEqual({ 'w:val': 'center' });
    expect(element(title, 'w:ind')).toEqual({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(runFonts(style(docx.styles, 'Subtitle'))['w:eastAsia']).toBe('楷体_GB2312');
  });

  it.each([
    ['Heading1', '黑体', '0'],
    ['Heading2', '楷体_GB2312', '1'],
    ['Heading3', '仿宋_GB2312', '2'],
    ['Heading4', '仿宋_GB2312', '3'],
  ])('has %s in 3号 %s at outline level %s, not bold', (id, font, outline) => {
    const heading = style(docx.styles, id);
    expect(heading).toMatch(new RegExp(`<w:name w:val="heading ${Number(outline) + 1}"/>`));
    expect(runFonts(heading)).toEqual({
      'w:ascii': font,
      'w:hAnsi': font,
      'w:eastAsia': font,
      'w:cs': font,
    });
    expect(element(heading, 'w:sz')).toEqual({ 'w:val': '32' });
    expect(element(heading, 'w:outlineLvl')).toEqual({ 'w:val': outline });
    expect(element(heading, 'w:b')).toEqual({ 'w:val': 'false' });
  });

  it('names a stand-in for each Chinese font in the font table', () => {
    const fonts = [
      ...docx.fontTable.matchAll(/<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"/g),
    ];
    expect(Object.fromEntries(fonts.map((f) => [f[1], f[2]]))).toEqual({
      仿宋_GB2312: 'FangSong',
      楷体_GB2312: 'KaiTi',
      黑体: 'SimHei',
      方正小标宋简体: 'SimSun',
      宋体: 'SimSun',
    });
  });
});

describe('renderDocx: page numbers', () => {
  it('turns on separate odd and even footers', () => {
    expect(docx.settings).toContain('<w:evenAndOddHeaders/>');
  });

  it('does not stretch a line that ends in a line break', () => {
    expect(docx.settings).toContain('<w:doNotExpandShiftReturn/>');
  });

  it.each([
    ['default', 'right'],
    ['even', 'left'],
  ] as const)('puts "— PAGE —" in the %s footer on the %s', (type, side) => {
    const footer = docx.footers[type];
    expect(element(footer, 'w:jc')).toEqual({ 'w:val': side });
    expect(element(footer, 'w:ind')).toEqual({ [`w:${side}`]: '280' });
    expect(element(footer, 'w:pStyle')).toEqual({ 'w:val': 'Footer' });
    const text = footer.replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, '{PAGE}');
    expect(paragraphTexts(text.replace('{PAGE}', '<w:t>{PAGE}</w:t>'))).toEqual(['— {PAGE} —']);
    expect(elements(footer, 'w:fldChar').map((f) => f['w:fldCharType'])).toEqual([
      'begin',
      'separate',
      'end',
    ]);
  });

  it('sets the numbers in 4号 宋体', () => {
    const footer = style(docx.styles, 'Footer');
    expect(element(footer, 'w:sz')).toEqual({ 'w:val': '28' });
    expect(runFonts(footer)['w:eastAsia']).toBe('宋体');
  });
});

describe('renderDocx: the content', () => {
  it('writes every title, field, heading, paragraph and cell in order, asterisks kept', () => {
    expect(paragraphTexts(docx.document).filter((t) => t !== '')).toEqual([
      'XX党支部2024年度组织生活会会议记录',
      '（2025年1月15日）',
      '会议名称：',
      'XX党支部2024年度组织生活会',
      '时间：',
      '2025年1月15日 9:00—11:30',
      '地点：',
      '三楼会议室',
      '主持人：',
      '王**（支部书记）',
      '缺席人员及原因：',
      '李**（出差）',
      '赵**（病假）',
      '一、存在的主要问题',
      '（一）理论学习方面',
      '一是学习不够深入。对**局下发的学习材料读得不细，满足于“读过了”。\n比如，专题学习只有3次。',
      '1.学用结合不够',
      '（1）调研不够',
      '1.制定学习计划',
      '2.每月交流一次',
      '• 督导组点评',
      ...['序号', '问题来源', '所属方面', '问题表现', '整改措施', '责任领导', '责任人'],
      ...[
        '完成时限',
        '状态',
        '销号',
        '1',
        '自查',
        '理论学习',
        '学习不够深入，对**局的材料读得不细',
      ],
      ...['每月集中学习一次', '王**', '张**', '2025-06-30', '推进中'],
      '二、原因剖析',
      '以上材料，请审阅。',
    ]);
  });

  it('gives each heading its level style and bold text a bold run', () => {
    const styled = [
      ...docx.document.matchAll(/<w:pStyle w:val="(Heading\d)"\/>.*?<w:t[^>]*>([^<]*)</gs),
    ];
    expect(styled.map((m) => [m[1], m[2]])).toEqual([
      ['Heading1', '一、存在的主要问题'],
      ['Heading2', '（一）理论学习方面'],
      ['Heading3', '1.学用结合不够'],
      ['Heading4', '（1）调研不够'],
      ['Heading1', '二、原因剖析'],
    ]);
    expect(docx.document).toMatch(
      /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>一是学习不够深入。<\/w:t>/,
    );
  });

  it('starts the page after a page break with the next heading, not an empty line', () => {
    expect(docx.document).toMatch(/<w:pageBreakBefore\/>.*?二、原因剖析/s);
    expect(docx.document).not.toContain('w:type="page"');
  });

  it('leaves out the first-line indent where a paragraph asks, and aligns it', () => {
    const last = /<w:p>(?:(?!<w:p>).)*以上材料，请审阅。.*?<\/w:p>/s.exec(docx.document)![0];
    expect(element(last, 'w:ind')).toEqual({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(element(last, 'w:jc')).toEqual({ 'w:val': 'right' });
  });

  it('borders a table, repeats its bold header row and sets ten columns in 五号', () => {
    const table = [...docx.document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0])[1]!;
    expect(elements(table, 'w:gridCol')).toHaveLength(10);
    const widths = elements(table, 'w:gridCol').map((c) => Number(c['w:w']));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - twips(28) - twips(26));
    expect(element(table, 'w:top')).toMatchObject({ 'w:val': 'single' });
    const [header, row] = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toContain('<w:b/>');
    expect(row).not.toContain('<w:b/>');
    expect(element(table, 'w:pStyle')).toEqual({ 'w:val': 'TableTextSmall' });
    // 序号 narrow, 问题表现 (the longest text) widest.
    expect(Math.max(...widths)).toBe(widths[3]);
    expect(widths[0]).toBeLessThan(widths[3]! / 2);
    const small = style(docx.styles, 'TableTextSmall');
    expect(element(small, 'w:sz')).toEqual({ 'w:val': '21' });
    expect(runFonts(small)['w:eastAsia']).toBe('仿宋_GB2312');
  });

  it('writes the fields block without borders, labels in 黑体', () => {
    const fields = /<w:tbl>.*?<\/w:tbl>/s.exec(docx.document)![0];
    expect(elements(fields, 'w:top').find((b) => b['w:val'])).toMatchObject({ 'w:val': 'none' });
    const label = /<w:r>(?:(?!<w:r>).)*会议名称：/s.exec(fields)![0];
    expect(runFonts(label)['w:eastAsia']).toBe('黑体');
  });
});

describe('renderDocx: smaller documents', () => {
  it('sets a narrow table in 小四, breaks the page before it with a break paragraph', async () => {
    const small = await unzipDocx(
      await renderDocx({
        title: '请假情况',
        blocks: [
          { type: 'paragraph', inlines: [{ text: '如下。' }] },
          { type: 'pageBreak' },
          { type: 'table', header: ['姓名', '原因'], rows: [['李**', '出差']] },
        ],
      }),
    );
    expect(paragraphTexts(small.document).filter((t) => t !== '')).toEqual([
      '请假情况',
      '如下。',
      '姓名',
      '原因',
      '李**',
      '出差',
    ]);
    expect(small.document).toMatch(/<w:br w:type="page"\/>.*<w:tbl>/s);
    expect(element(/<w:tbl>.*<\/w:tbl>/s.exec(small.document)![0], 'w:pStyle')).toEqual({
      'w:val': 'TableText',
    });
    expect(element(style(small.styles, 'TableText'), 'w:sz')).toEqual({ 'w:val': '24' });
    // Without a subtitle the blank line after the title is the title's own spacing.
    const title = /<w:p>(?:(?!<w:p>).)*请假情况.*?<\/w:p>/s.exec(small.document)![0];
    expect(element(title, 'w:spacing')).toEqual({ 'w:after': '579' });
  });
});
