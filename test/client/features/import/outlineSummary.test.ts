import { describe, expect, it } from 'vitest';
import { summariseOutline } from '../../../../client/features/import/outlineSummary.js';
import { parseOutline } from '../../../../shared/import/parseOutline.js';
import { CHECKING_MATERIAL } from '../../../helpers/checkingMaterial.js';

describe('the outline an import dialog previews', () => {
  it('lists each section with its kind and each aspect with its points', () => {
    const summary = summariseOutline(parseOutline(CHECKING_MATERIAL));
    expect(summary.title).toBe('2023年度专题民主生活会个人对照检查材料');
    expect(summary.preamble).toBe(1);
    expect(
      summary.sections.map(({ heading, kind, items, paragraphs }) => [
        heading,
        kind,
        items,
        paragraphs,
      ]),
    ).toEqual([
      ['一、存在的主要问题', 'problems', 4, 0],
      ['二、产生问题的原因', 'causes', 0, 1],
      ['三、今后的努力方向和整改措施', 'measures', 4, 0],
    ]);
    expect(
      summary.sections[0]!.children.map(({ heading, aspect, items, line }) => [
        heading,
        aspect,
        items,
        line,
      ]),
    ).toEqual([
      ['（一）在理论学习方面', '理论学习', 2, 4],
      ['（二）在担当作为方面', '担当作为', 2, 6],
    ]);
    expect(summary.items).toBe(8);
  });

  it('counts the points of 1. and （1） headings into the ones above them', () => {
    const summary = summariseOutline(
      parseOutline(
        [
          '一、整改措施',
          '（一）加强学习',
          '1.制度建设',
          '一是建立学习制度。二是落实学习计划。',
          '（1）个人自学',
          '一是每天自学一小时。',
          '2.督促检查',
          '定期检查学习笔记。',
        ].join('\n'),
      ),
    );
    const [section] = summary.sections;
    const [sub] = section!.children;
    expect(sub!.children.map((child) => [child.heading, child.items, child.paragraphs])).toEqual([
      ['1.制度建设', 3, 0],
      ['2.督促检查', 0, 1],
    ]);
    expect(sub!.children[0]!.children.map((child) => [child.heading, child.items])).toEqual([
      ['（1）个人自学', 1],
    ]);
    expect([section!.items, sub!.items, section!.paragraphs]).toEqual([3, 3, 1]);
  });

  it('has no sections for a text without 一、 headings', () => {
    const summary = summariseOutline(parseOutline('只有一段话，没有标题。\n第二段。'));
    expect(summary.sections).toEqual([]);
    expect(summary.items).toBe(0);
  });
});
