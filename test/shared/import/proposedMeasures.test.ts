import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/import/parseOutline.js';
import { outlineAspects, proposedMeasures } from '../../../shared/import/proposedMeasures.js';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const sample = (name: string) => parseOutline(readFileSync(path.join(SAMPLES, name), 'utf8'));
const lines = (...rows: string[]): string => rows.join('\n');

describe('proposedMeasures', () => {
  it('proposes each 一是 of the 区总工会 sample, without its marker', () => {
    const proposals = proposedMeasures(sample('000_75298cf3246d3d74.txt'));
    expect(
      proposals.map((p) => [p.text.slice(0, p.text.indexOf('。')), p.aspect, p.heading]),
    ).toEqual([
      ['加强机关党建工作，坚持全面从严治党', null, null],
      ['强化政治理论学习，充分引领职工思想', null, null],
      ['规范基层工会建设，夯实工会基层基础', null, null],
      ['抓好产业工人队伍建设改革，服务高质量发展大局', null, null],
      ['建立健全体制机制，依法维护职工合法权益', null, null],
    ]);
    expect(proposals[4]!.text).toMatch(/最大限度地为下岗失业人员（农民工）提供服务。$/);
  });

  it('proposes each sub-heading with its text in the 2023 sample, with the aspect it names', () => {
    const outline = sample('001_b94c01ca5fb1103c.txt');
    expect(outlineAspects(outline)).toEqual([
      '理论学习',
      '政治素质',
      '能力本领',
      '担当作为',
      '工作作风',
      '廉洁自律',
    ]);
    const proposals = proposedMeasures(outline);
    expect(proposals.map((p) => [p.heading, p.aspect])).toEqual([
      ['注重深化理论武装，确保时刻看齐追随', null],
      ['注重主动担当作为，提升支部凝聚力战斗力', '担当作为'],
      ['注重从严制度落实，不断提高党建质量', null],
      ['注重狠抓正风肃纪，营造风清气正氛围', null],
    ]);
    expect(proposals[0]!.text).toMatch(
      /^注重深化理论武装，确保时刻看齐追随。始终把加强理论学习作为.*筑牢思想防线。$/,
    );
  });

  it('takes the aspect from the headings above a point, nearest first, or its first sentence', () => {
    const outline = parseOutline(
      lines(
        '一、存在的问题',
        '（一）理论学习方面',
        '（二）工作作风方面',
        '二、整改措施',
        '（一）在理论学习方面',
        '1.抓好工作作风',
        '一是每周集中学习。',
        '（二）其他',
        '一是改进工作作风，深入调研。二是严守纪律。坚持理论学习。',
        '总之，我们将以此为契机。',
      ),
    );
    expect(proposedMeasures(outline)).toEqual([
      { text: '每周集中学习。', aspect: '工作作风', heading: '抓好工作作风' },
      { text: '改进工作作风，深入调研。', aspect: '工作作风', heading: '其他' },
      // 理论学习 is named after the first sentence only.
      { text: '严守纪律。坚持理论学习。', aspect: null, heading: '其他' },
    ]);
  });

  it('proposes each paragraph of a measures section without headings or points', () => {
    const outline = parseOutline(
      lines('一、存在的问题', '（一）理论学习方面', '二、努力方向', '加强理论学习。', '改进作风。'),
    );
    expect(proposedMeasures(outline)).toEqual([
      { text: '加强理论学习。', aspect: '理论学习', heading: null },
      { text: '改进作风。', aspect: null, heading: null },
    ]);
  });

  it('proposes nothing for a material without a measures section', () => {
    const outline = parseOutline(lines('一、存在的问题', '一是学习不深入。', '二、原因剖析'));
    expect(proposedMeasures(outline)).toEqual([]);
  });
});
