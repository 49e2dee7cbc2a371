import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/import/parseOutline.js';

const lines = (...rows: string[]): string => rows.join('\n');

describe('parseOutline: warnings where the text breaks its own numbering', () => {
  it('warns of a skipped ordinal at every level, saying where and what is missing', () => {
    const outline = parseOutline(
      lines(
        '一、存在的主要问题',
        '（一）理论学习方面',
        '1.学习不深入',
        '3.学用脱节',
        '（四）政治素质方面',
        '二是站位不高。',
        '三、整改措施',
      ),
    );
    expect(outline.warnings).toEqual([
      {
        line: 4,
        code: 'skipped-ordinal',
        message: '第4行（“（一）理论学习方面”下）：“1.”之后是“3.”，缺少“2.”',
      },
      {
        line: 5,
        code: 'skipped-ordinal',
        message: '第5行（“一、存在的主要问题”下）：“（一）”之后是“（四）”，缺少“（二）”至“（三）”',
      },
      {
        line: 6,
        code: 'skipped-ordinal',
        message: '第6行（“（四）政治素质方面”下）：编号从“二是”开始，缺少“一是”',
      },
      { line: 7, code: 'skipped-ordinal', message: '第7行：“一、”之后是“三、”，缺少“二、”' },
    ]);
    // It keeps going: everything is still read.
    expect(outline.sections.map((s) => s.heading)).toEqual(['存在的主要问题', '整改措施']);
    expect(outline.sections[0]!.subsections[1]!.items[0]!.text).toBe('站位不高。');
  });

  it('warns of a repeated or backward ordinal at every level', () => {
    const outline = parseOutline(
      lines(
        '一、存在的主要问题',
        '（一）理论学习方面',
        '（二）政治素质方面',
        '（二）能力本领方面',
        '一是站位不高。一是敏锐性不强。',
        '二、原因剖析',
        '三、整改措施',
        '二、整改措施',
      ),
    );
    expect(outline.warnings).toEqual([
      {
        line: 4,
        code: 'repeated-ordinal',
        message: '第4行（“一、存在的主要问题”下）：编号“（二）”与第3行的“（二）”重复',
      },
      {
        line: 5,
        code: 'repeated-ordinal',
        message: '第5行（“（二）能力本领方面”下）：编号“一是”与第5行的“一是”重复',
      },
      {
        line: 8,
        code: 'repeated-ordinal',
        message: '第8行：编号“二、”出现在第7行的“三、”之后，重复或顺序颠倒',
      },
    ]);
    expect(outline.sections).toHaveLength(4);
    expect(outline.sections[0]!.subsections[2]!.items).toHaveLength(2);
  });

  it('warns once of a list that mixes 是 and 要, and not of a new list after prose', () => {
    const outline = parseOutline(
      lines(
        '一、整改措施',
        '一是加强学习。二要改进作风。三要严守纪律。',
        '同时，还要做到：',
        '一要带头学习。二要带头整改。',
      ),
    );
    expect(outline.warnings).toEqual([
      {
        line: 2,
        code: 'mixed-markers',
        message: '第2行（“一、整改措施”下）：“二要”与第2行的“一是”在同一组中，混用了“是”和“要”',
      },
    ]);
    expect(outline.sections[0]!.items.map((i) => i.marker)).toEqual([
      '一是',
      '二要',
      '三要',
      null,
      '一要',
      '二要',
    ]);
  });

  it('warns of a text without any 一、 heading, and keeps it as the preamble', () => {
    const outline = parseOutline(
      lines('', '个人对照检查材料', '学习不够深入。', '（一）理论学习方面'),
    );
    expect(outline.warnings).toEqual([
      {
        line: 2,
        code: 'no-sections',
        message: '第2行起：没有找到“一、”这样的一级标题，全文作为开头段落导入',
      },
    ]);
    expect(outline.title).toBe('个人对照检查材料');
    expect(outline.preamble).toEqual(['学习不够深入。', '（一）理论学习方面']);
    expect(outline.sections).toEqual([]);
  });

  it('has no warnings for an empty text', () => {
    expect(parseOutline('')).toEqual({ title: null, preamble: [], sections: [], warnings: [] });
    expect(parseOutline('\ufeff\r\n \u3000\r\n')).toEqual({
      title: null,
      preamble: [],
      sections: [],
      warnings: [],
    });
  });
});
