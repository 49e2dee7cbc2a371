import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/import/parseOutline.js';

// The real materials kept beside the checkout; read by the tests only.
const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const read = (name: string): string => readFileSync(path.join(SAMPLES, name), 'utf8');

describe('parseOutline on the real samples', () => {
  it('reads the 区总工会 material: no title, three sections, five aspects of run-in points', () => {
    const outline = parseOutline(read('000_75298cf3246d3d74.txt'));
    expect(outline.title).toBeNull();
    expect(outline.preamble).toHaveLength(1);
    expect(outline.preamble[0]).toMatch(/^本次民主生活会的主题是：.*请各位领导和同志们批评指正。$/);
    expect(outline.sections.map((s) => [s.numbering, s.heading, s.kind])).toEqual([
      ['一、', '存在的主要问题', 'problems'],
      ['二、', '原因剖析', 'causes'],
      ['三、', '改进措施', 'measures'],
    ]);
    const [problems, causes, measures] = outline.sections;
    expect(problems!.subsections.map((s) => [s.heading, s.aspect, s.items.length])).toEqual([
      ['“执行上级组织决定”方面', '执行上级组织决定', 3],
      ['“严格组织生活”方面', '严格组织生活', 2],
      ['“加强党员教育管理”方面', '加强党员教育管理', 2],
      ['“联系服务群众”方面', '联系服务群众', 5],
      ['“加强自身建设”方面', '加强自身建设', 3],
    ]);
    // Every point has its marker; the examples are those that open a sentence.
    const points = problems!.subsections.flatMap((s) => s.items);
    expect(points.every((i) => i.marker === `${'一二三四五'[i.ordinal! - 1]}是`)).toBe(true);
    expect(points.map((i) => i.examples.map((e) => e.slice(0, 2)))).toEqual([
      [],
      [],
      [],
      ['例如'],
      ['如自'],
      ['例如'],
      ['例如'],
      [],
      [],
      [],
      [],
      [],
      [],
      [],
      ['例如'],
    ]);
    expect(causes!.paragraphs).toHaveLength(1);
    expect(causes!.subsections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
      ['政治站位不够高', 1],
      ['执行力度不够强', 1],
      ['敢于担当精神不够', 1],
      ['党性修养不坚定', 1],
    ]);
    expect(measures!.subsections).toEqual([]);
    expect(measures!.items.map((i) => [i.marker, i.text.slice(0, i.text.indexOf('。'))])).toEqual([
      ['一是', '加强机关党建工作，坚持全面从严治党'],
      ['二是', '强化政治理论学习，充分引领职工思想'],
      ['三是', '规范基层工会建设，夯实工会基层基础'],
      ['四是', '抓好产业工人队伍建设改革，服务高质量发展大局'],
      ['五是', '建立健全体制机制，依法维护职工合法权益'],
    ]);
    expect(outline.warnings).toEqual([]);
  });

  it('reads the 2023 主题教育 material: its title, redactions, six aspects on their own lines', () => {
    const outline = parseOutline(read('001_b94c01ca5fb1103c.txt'));
    expect(outline.title).toBe('2023年主题教育专题民主生活会班子对照检查材料');
    expect(outline.preamble).toHaveLength(1);
    // The leading non-breaking space goes; the redaction ** stays.
    expect(outline.preamble[0]).toMatch(/^按\*\*《关于认真开好2023年度民主生活会的通知》要求/);
    expect(outline.sections.map((s) => [s.numbering, s.heading, s.kind])).toEqual([
      ['一、', '存在的主要问题', 'problems'],
      ['二、', '产生问题的原因分析', 'causes'],
      ['三、', '下一步整改措施', 'measures'],
    ]);
    const [problems, causes, measures] = outline.sections;
    expect(
      problems!.subsections.map((s) => [s.heading, s.aspect, s.paragraphs.length, s.items.length]),
    ).toEqual([
      ['在理论学习方面', '理论学习', 1, 0],
      ['在政治素质方面', '政治素质', 1, 0],
      ['在能力本领方面', '能力本领', 1, 0],
      ['在担当作为方面', '担当作为', 1, 0],
      ['在工作作风方面', '工作作风', 0, 2],
      ['在廉洁自律方面', '廉洁自律', 1, 0],
    ]);
    const style = problems!.subsections[4]!;
    expect(style.items.map((i) => [i.marker, i.examples.length])).toEqual([
      ['一是', 0],
      ['二是', 1],
    ]);
    expect(style.items[1]!.examples[0]).toMatch(/^比如，针对干部职工停车难/);
    expect(problems!.subsections[3]!.paragraphs[0]).toContain('**班子始终把关心关爱当作一项大事');
    expect(causes!.subsections.map((s) => s.heading)).toEqual([
      '思想政治建设需要不断加强',
      '开拓创新精神需要不断加强',
      '从严治党责任需要不断加强',
    ]);
    expect(measures!.items).toEqual([]);
    expect(
      measures!.subsections.map((s) => [s.heading, s.paragraphs.length, s.items.length]),
    ).toEqual([
      ['注重深化理论武装，确保时刻看齐追随', 1, 0],
      ['注重主动担当作为，提升支部凝聚力战斗力', 1, 0],
      ['注重从严制度落实，不断提高党建质量', 1, 0],
      ['注重狠抓正风肃纪，营造风清气正氛围', 1, 0],
    ]);
    expect(outline.warnings).toEqual([]);
  });
});
