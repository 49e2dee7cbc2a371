import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { countCharacters, documentCount } from '../../../shared/editor/characterCount.js';
import { documentExtensions } from '../../../shared/editor/documentExtensions.js';
import { openingStructure } from '../../../shared/editor/openingStructure.js';

const schema = getSchema(documentExtensions());

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const heading = (level: number, value: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

describe('countCharacters, 字数 as Chinese offices count it', () => {
  it('counts every Chinese character one', () => {
    expect(countCharacters('学习贯彻习近平新时代中国特色社会主义思想')).toBe(20);
  });

  it('counts every letter, digit and punctuation mark one, full-width or not', () => {
    expect(countCharacters('2023年 ABC。')).toBe(9);
    expect(countCharacters('“四个意识”、“四个自信”')).toBe(13);
    expect(countCharacters('（一）理论学习方面')).toBe(9);
    expect(countCharacters('1.（1）①')).toBe(6);
  });

  it('counts no space, full-width space, tab or line break', () => {
    expect(countCharacters(' \u3000\t\n\r\u00a0')).toBe(0);
    expect(countCharacters('\u3000\u3000对照检查\n材料 ')).toBe(6);
  });

  it('counts no zero-width or format character', () => {
    expect(countCharacters('批\u200b评\ufeff')).toBe(2);
  });

  it('counts a character of the extension planes once, not as two UTF-16 units', () => {
    expect(countCharacters('𠀀𪚥')).toBe(2);
  });

  it('counts the text of a paragraph across its marks and not its line breaks', () => {
    const json = paragraph(
      text('问题查摆'),
      { type: 'text', text: '不够深入', marks: [{ type: 'bold' }] },
      { type: 'hardBreak' },
      text('整改不到位。'),
    );
    expect(countCharacters(json)).toBe(14);
    expect(countCharacters(ProseMirrorNode.fromJSON(schema, json))).toBe(14);
  });
});

describe('documentCount, 字数 of a document and of its sections', () => {
  it('counts the outline a checking material starts from', () => {
    const count = documentCount(openingStructure(['理论学习', '政治素质']));
    // 一、存在的主要问题 9, （一）理论学习方面 9, （二）政治素质方面 9, 二、原因剖析 6, 三、整改措施 6.
    expect(count.total).toBe(39);
    expect(count.sections.map((s) => [s.title, s.characters])).toEqual([
      ['一、存在的主要问题', 27],
      ['二、原因剖析', 6],
      ['三、整改措施', 6],
    ]);
    expect(count.sections[0]!.subsections.map((s) => [s.title, s.characters])).toEqual([
      ['（一）理论学习方面', 9],
      ['（二）政治素质方面', 9],
    ]);
    expect(count.sections[1]!.subsections).toEqual([]);
  });

  const material: JSONContent = {
    type: 'doc',
    content: [
      heading(1, '班子对照检查材料'),
      paragraph(text('根据会议安排，现将对照检查情况报告如下。')),
      heading(2, '一、存在的主要问题'),
      heading(3, '（一）理论学习方面'),
      paragraph(text('学习不够系统。')),
      heading(4, '1. 学习时间'),
      paragraph(text('挤不出时间。')),
      heading(3, '（二）政治素质方面'),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('站位不高；'))] },
          { type: 'listItem', content: [paragraph(text('敏锐性不强。'))] },
        ],
      },
      heading(2, '二、原因剖析'),
      paragraph(),
    ],
  };

  it('counts each section from its heading up to the next 一、 heading, sub-sections included', () => {
    for (const doc of [material, ProseMirrorNode.fromJSON(schema, material)]) {
      const count = documentCount(doc);
      // The title (8) and the preamble (20) count in the total only.
      expect(count.total).toBe(8 + 20 + 9 + 9 + 7 + 6 + 6 + 9 + 5 + 6 + 6);
      expect(count.sections.map((s) => [s.title, s.characters, s.blockIndex])).toEqual([
        ['一、存在的主要问题', 9 + 9 + 7 + 6 + 6 + 9 + 5 + 6, 2],
        ['二、原因剖析', 6, 9],
      ]);
      // A level-4 heading (1.) stays inside its （一） sub-section.
      expect(
        count.sections[0]!.subsections.map((s) => [s.title, s.characters, s.blockIndex]),
      ).toEqual([
        ['（一）理论学习方面', 9 + 7 + 6 + 6, 3],
        ['（二）政治素质方面', 9 + 5 + 6, 7],
      ]);
    }
  });

  it('has no sections in a document without 一、 headings, and counts an empty one as 0', () => {
    expect(documentCount({ type: 'doc', content: [paragraph(text('会议记录'))] })).toEqual({
      total: 4,
      sections: [],
    });
    expect(documentCount({ type: 'doc', content: [paragraph()] })).toEqual({
      total: 0,
      sections: [],
    });
  });
});
