import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/import/parseOutline.js';

const lines = (...rows: string[]): string => rows.join('\n');

describe('parseOutline: points and examples', () => {
  it('splits 一是…。二是…。三是… inside one paragraph into points', () => {
    const outline = parseOutline(
      lines('一、问题', '主要表现在：一是学习不深入。二是学用脱节，流于形式；三是作风不实。'),
    );
    const section = outline.sections[0]!;
    expect(section.paragraphs).toEqual(['主要表现在：']);
    expect(section.items.map((i) => [i.ordinal, i.marker, i.text, i.line])).toEqual([
      [1, '一是', '学习不深入。', 2],
      [2, '二是', '学用脱节，流于形式；', 2],
      [3, '三是', '作风不实。', 2],
    ]);
  });

  it('reads points that stand each on a line of their own', () => {
    const outline = parseOutline(lines('一、问题', '一是学习不深入。', '二是学用脱节。'));
    expect(outline.sections[0]!.items.map((i) => [i.marker, i.text, i.line])).toEqual([
      ['一是', '学习不深入。', 2],
      ['二是', '学用脱节。', 3],
    ]);
  });

  it('reads 一要…二要… points, and 一是…，二是… after a comma as the next point', () => {
    const outline = parseOutline(
      lines('一、整改措施', '一要加强学习；二要改进作风。', '一是学深，二是悟透，三要素齐全。'),
    );
    const items = outline.sections[0]!.items;
    expect(items.map((i) => [i.marker, i.text])).toEqual([
      ['一要', '加强学习；'],
      ['二要', '改进作风。'],
      ['一是', '学深，'],
      ['二是', '悟透，三要素齐全。'],
    ]);
  });

  it('leaves a 二是 inside a sentence, after no 一是, as text', () => {
    const outline = parseOutline(lines('一、问题', '看到了差距，二是从中得出的结论。'));
    expect(outline.sections[0]!.items).toEqual([]);
    expect(outline.sections[0]!.paragraphs).toEqual(['看到了差距，二是从中得出的结论。']);
  });

  it('gives an example opened by 比如, 例如 or 如 to the point before it', () => {
    const outline = parseOutline(
      lines(
        '一、问题',
        '一是学习不深入。比如，学习篇目少。例如，笔记不全。二是作风不实。如调研少。',
        '三是如何落实考虑不够。如果有时间就学。',
      ),
    );
    expect(outline.sections[0]!.items.map((i) => [i.text, i.examples])).toEqual([
      ['学习不深入。', ['比如，学习篇目少。', '例如，笔记不全。']],
      ['作风不实。', ['如调研少。']],
      // 如何 and 如果 open words, not examples.
      ['如何落实考虑不够。如果有时间就学。', []],
    ]);
  });

  it('leaves 比如 inside a sentence to that sentence', () => {
    const outline = parseOutline(
      lines('一、问题', '一是调研面窄，都安排在几家单位，比如……等企业，代表性不够。'),
    );
    expect(outline.sections[0]!.items[0]!.examples).toEqual([]);
  });

  it('gives an example on a line of its own to the point before it', () => {
    const outline = parseOutline(
      lines('一、问题', '一是学习不深入。', '比如，学习篇目少。例如，笔记不全。', '二是作风不实。'),
    );
    expect(outline.sections[0]!.items.map((i) => [i.marker, i.text, i.examples])).toEqual([
      ['一是', '学习不深入。', ['比如，学习篇目少。', '例如，笔记不全。']],
      ['二是', '作风不实。', []],
    ]);
  });

  it('keeps a paragraph after the points as a point without a marker, in its place', () => {
    const outline = parseOutline(
      lines('一、问题', '一是学习不深入。', '总之，差距不小。比如学习。'),
    );
    expect(outline.sections[0]!.items.slice(1)).toEqual([
      { ordinal: null, marker: null, text: '总之，差距不小。', examples: ['比如学习。'], line: 3 },
    ]);
  });
});
