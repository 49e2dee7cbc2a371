import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../../shared/editor/chineseNumerals.js';
import { parseOutline } from '../../../shared/import/parseOutline.js';

const lines = (...rows: string[]): string => rows.join('\n');

describe('parseOutline: numbering and headings', () => {
  it('reads 一、 headings as sections, with their numbering as written', () => {
    const outline = parseOutline(lines('一、存在的主要问题', '甲。', '二．原因剖析', '乙。'));
    expect(outline.sections.map((s) => [s.numbering, s.heading, s.paragraphs, s.line])).toEqual([
      ['一、', '存在的主要问题', ['甲。'], 1],
      ['二．', '原因剖析', ['乙。'], 3],
    ]);
    expect(outline.warnings).toEqual([]);
  });

  it('reads （一） and (一) as level-3 sub-headings, full-width or half-width brackets', () => {
    const outline = parseOutline(
      lines('一、存在的主要问题', '（一）理论学习方面', '(二)政治素质方面'),
    );
    expect(outline.sections[0]!.subsections.map((s) => [s.numbering, s.heading, s.level])).toEqual([
      ['（一）', '理论学习方面', 3],
      ['(二)', '政治素质方面', 3],
    ]);
    expect(outline.warnings).toEqual([]);
  });

  it('reads 1、 1. and 1． as level-4 headings under the （一） before them', () => {
    const outline = parseOutline(
      lines('一、问题', '（一）理论学习方面', '1、学习不深入', '2.学用脱节', '3．浅尝辄止'),
    );
    const sub = outline.sections[0]!.subsections[0]!;
    expect(sub.children.map((c) => [c.numbering, c.heading, c.level])).toEqual([
      ['1、', '学习不深入', 4],
      ['2.', '学用脱节', 4],
      ['3．', '浅尝辄止', 4],
    ]);
    expect(outline.warnings).toEqual([]);
  });

  it('reads （1） and (1) as level-5 headings under the 1. before them', () => {
    const outline = parseOutline(
      lines(
        '一、问题',
        '（一）理论学习方面',
        '1.学习不深入',
        '（1）时间少',
        '(2)方法少',
        '2.学用脱节',
      ),
    );
    const [first, second] = outline.sections[0]!.subsections[0]!.children;
    expect(first!.children.map((c) => [c.numbering, c.heading, c.level])).toEqual([
      ['（1）', '时间少', 5],
      ['(2)', '方法少', 5],
    ]);
    expect(second!.heading).toBe('学用脱节');
    expect(outline.warnings).toEqual([]);
  });

  it('takes a number that is a year or a decimal for text, not a heading', () => {
    const outline = parseOutline(lines('一、问题', '2023年以来学习不够。', '1.5倍于往年的任务。'));
    expect(outline.sections[0]!.subsections).toEqual([]);
    expect(outline.sections[0]!.paragraphs).toEqual([
      '2023年以来学习不够。',
      '1.5倍于往年的任务。',
    ]);
  });

  it('reads a heading on its own line, dropping its closing punctuation', () => {
    const outline = parseOutline(
      lines(
        '一、整改措施',
        '（一）注重深化理论武装，确保时刻看齐追随。',
        '始终把理论学习紧抓不放。',
      ),
    );
    const sub = outline.sections[0]!.subsections[0]!;
    expect(sub.heading).toBe('注重深化理论武装，确保时刻看齐追随');
    expect(sub.paragraphs).toEqual(['始终把理论学习紧抓不放。']);
  });

  it('splits a heading that runs into its paragraph at its first 。 or ： outside quotes', () => {
    const outline = parseOutline(
      lines(
        '一、存在的主要问题',
        '（一）理论学习方面。一是学习不深入。',
        '（二）“严格组织生活：会”方面：组织生活不规范。',
        '二、原因剖析',
        '（一）政治站位不够高。认为支部是最基层的一级组织。',
      ),
    );
    const [problems, causes] = outline.sections;
    expect(problems!.subsections[0]!.heading).toBe('理论学习方面');
    expect(problems!.subsections[0]!.items.map((i) => i.text)).toEqual(['学习不深入。']);
    expect(problems!.subsections[1]!.heading).toBe('“严格组织生活：会”方面');
    expect(problems!.subsections[1]!.paragraphs).toEqual(['组织生活不规范。']);
    expect(causes!.subsections[0]!.heading).toBe('政治站位不够高');
    expect(causes!.subsections[0]!.paragraphs).toEqual(['认为支部是最基层的一级组织。']);
  });

  it('gives the sub-headings of a problems section the aspect they name', () => {
    const outline = parseOutline(
      lines(
        '一、存在的主要问题',
        '（一）在理论学习方面',
        '（二）“执行上级组织决定”方面：一是执行不到位。',
        '（三）廉洁自律方面存在的问题',
        '（四）学习不够深入',
        '二、整改措施',
        '（一）理论学习方面',
      ),
    );
    expect(outline.sections[0]!.subsections.map((s) => s.aspect)).toEqual([
      '理论学习',
      '执行上级组织决定',
      '廉洁自律',
      null,
    ]);
    // Aspects are named by the problems section only.
    expect(outline.sections[1]!.subsections[0]!.aspect).toBeNull();
  });
});

describe('parseOutline: title, preamble and the text as it comes', () => {
  it('takes a Markdown # line for the title', () => {
    const outline = parseOutline(lines('按要求，现报告如下。', '# 班子对照检查材料', '一、问题'));
    expect(outline.title).toBe('班子对照检查材料');
    expect(outline.preamble).toEqual(['按要求，现报告如下。']);
  });

  it('takes a short first line for the title and the lines before 一、 for the preamble', () => {
    const outline = parseOutline(
      lines(
        '2023年度民主生活会对照检查材料',
        '',
        '按通知要求，结合工作实际。',
        '下面报告对照检查情况。',
        '一、问题',
      ),
    );
    expect(outline.title).toBe('2023年度民主生活会对照检查材料');
    expect(outline.preamble).toEqual(['按通知要求，结合工作实际。', '下面报告对照检查情况。']);
  });

  it('has no title when the text opens with a paragraph', () => {
    const opening = '本次民主生活会的主题是学习贯彻习近平新时代中国特色社会主义思想，请批评指正。';
    const outline = parseOutline(lines(opening, '一、问题'));
    expect(outline.title).toBeNull();
    expect(outline.preamble).toEqual([opening]);
  });

  it('reads CRLF, a BOM, blank lines, non-breaking and ideographic spaces', () => {
    const outline = parseOutline(
      '\ufeff对照检查材料\r\n\r\n\u00a0按要求。\r\n\u3000\u3000一、 存在的问题 \r\n\r\n\u3000\u3000（ 一 ） 学习方面\r\n\u3000\u3000一是学习少。\u00a0\r\n',
    );
    expect(outline.title).toBe('对照检查材料');
    expect(outline.preamble).toEqual(['按要求。']);
    const section = outline.sections[0]!;
    expect([section.numbering, section.heading, section.line]).toEqual(['一、', '存在的问题', 4]);
    const sub = section.subsections[0]!;
    expect([sub.numbering, sub.heading, sub.line]).toEqual(['（一）', '学习方面', 6]);
    expect(sub.items.map((i) => [i.text, i.line])).toEqual([['学习少。', 7]]);
  });

  it('reads half-width punctuation and full-width digits as their full-width kin', () => {
    const outline = parseOutline(
      lines('一.问题', '(一)学习方面:一是学习少;二是方法旧.', '１．学习不深入', '（１）方法少'),
    );
    const sub = outline.sections[0]!.subsections[0]!;
    expect(sub.heading).toBe('学习方面');
    expect(sub.items.map((i) => i.text)).toEqual(['学习少;', '方法旧.']);
    expect(sub.children.map((c) => [c.numbering, c.heading])).toEqual([['１．', '学习不深入']]);
    expect(sub.children[0]!.children.map((c) => c.numbering)).toEqual(['（１）']);
    expect(outline.warnings).toEqual([]);
  });

  it('keeps asterisks verbatim: they are redactions, not emphasis', () => {
    const outline = parseOutline(
      lines(
        '**局班子对照检查材料',
        '按**《通知》要求。',
        '一、问题',
        '（一）**工作方面',
        '***同志学习**不够。',
      ),
    );
    expect(outline.title).toBe('**局班子对照检查材料');
    expect(outline.preamble).toEqual(['按**《通知》要求。']);
    expect(outline.sections[0]!.subsections[0]!.heading).toBe('**工作方面');
    expect(outline.sections[0]!.subsections[0]!.paragraphs).toEqual(['***同志学习**不够。']);
  });
});

describe('parseOutline: sections', () => {
  it('classifies sections by the words of their headings', () => {
    const headings = [
      '上年度民主生活会整改措施落实情况',
      '上一年度问题整改情况',
      '整改落实情况',
      '上次民主生活会查摆问题整改情况',
      '存在的主要问题',
      '存在的不足',
      '与先进的差距',
      '产生问题的原因分析',
      '问题产生的根源',
      '剖析',
      '下一步整改措施',
      '今后努力方向',
      '整改方向',
      '改进的打算',
      '其他需要说明的事项',
    ];
    const text = headings.map((h, i) => `${chineseNumeral(i + 1)}、${h}`).join('\n');
    expect(parseOutline(text).sections.map((s) => s.kind)).toEqual([
      'last-rectification',
      'last-rectification',
      'last-rectification',
      'last-rectification',
      'problems',
      'problems',
      'problems',
      'causes',
      'causes',
      'causes',
      'measures',
      'measures',
      'measures',
      'measures',
      'other',
    ]);
  });

  it('reads a section without numbered sub-items as its paragraphs', () => {
    const outline = parseOutline(
      lines(
        '一、原因剖析',
        '理想信念有所弱化。',
        '宗旨意识有所淡化。',
        '二、整改措施',
        '加强学习。',
      ),
    );
    expect(outline.sections.map((s) => [s.kind, s.paragraphs, s.items, s.subsections])).toEqual([
      ['causes', ['理想信念有所弱化。', '宗旨意识有所淡化。'], [], []],
      ['measures', ['加强学习。'], [], []],
    ]);
    expect(outline.warnings).toEqual([]);
  });
});
