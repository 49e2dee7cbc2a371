import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { contentToBlocks } from '../../../server/export/contentToBlocks.js';
import { documentExtensions } from '../../../shared/editor/documentExtensions.js';
import { openingStructure } from '../../../shared/editor/openingStructure.js';

const schema = getSchema(documentExtensions());

const text = (value: string, ...marks: string[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
});
const heading = (level: number, value: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });

/** Every node kind the editor's schema has, in one document. */
const everyNode: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'XX同志个人对照检查材料'),
    heading(2, '一、存在的主要问题'),
    heading(3, '（一）理论学习方面'),
    paragraph(
      text('一是', 'bold'),
      text('学习不深', 'bold', 'italic'),
      text('，对**局的文件'),
      text('读得不细', 'underline'),
      { type: 'hardBreak' },
      text('比如，', 'strike'),
      text('code', 'code'),
    ),
    heading(4, '1.学用结合不够'),
    heading(5, '（1）调研不够'),
    { type: 'paragraph' },
    paragraph(text('   ')),
    {
      type: 'bulletList',
      content: [
        item(paragraph(text('坚持学习')), paragraph(text('每周一次'))),
        item(paragraph(text('深入调研')), {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [item(paragraph(text('走访')))],
        }),
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [item(paragraph(text('第三条', 'bold'))), item(paragraph(text('第四条')))],
    },
    { type: 'blockquote', content: [paragraph(text('引用的话'))] },
    { type: 'codeBlock', content: [text('原样\n保留')] },
    { type: 'horizontalRule' },
    paragraph(text('落款')),
  ],
};

describe('contentToBlocks', () => {
  it('takes a document of the editor schema', () => {
    expect(() => ProseMirrorNode.fromJSON(schema, everyNode).check()).not.toThrow();
  });

  it('turns every node kind of the editor into export blocks', () => {
    expect(contentToBlocks(everyNode)).toEqual([
      {
        type: 'paragraph',
        inlines: [{ text: 'XX同志个人对照检查材料', bold: true }],
        indent: false,
        align: 'center',
      },
      { type: 'heading', level: 1, text: '一、存在的主要问题' },
      { type: 'heading', level: 2, text: '（一）理论学习方面' },
      {
        type: 'paragraph',
        inlines: [
          { text: '一是学习不深', bold: true },
          { text: '，对**局的文件读得不细\n比如，code' },
        ],
      },
      { type: 'heading', level: 3, text: '1.学用结合不够' },
      { type: 'heading', level: 4, text: '（1）调研不够' },
      {
        type: 'list',
        ordered: false,
        items: [[{ text: '坚持学习\n每周一次' }], [{ text: '深入调研' }], [{ text: '走访' }]],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ text: '第三条', bold: true }], [{ text: '第四条' }]],
      },
      { type: 'paragraph', inlines: [{ text: '引用的话' }] },
      { type: 'paragraph', inlines: [{ text: '原样\n保留' }], indent: false, align: 'left' },
      { type: 'paragraph', inlines: [{ text: '落款' }] },
    ]);
  });

  it('leaves out the empty paragraphs of a fresh opening structure', () => {
    expect(contentToBlocks(openingStructure(['理论学习']))).toEqual([
      { type: 'heading', level: 1, text: '一、存在的主要问题' },
      { type: 'heading', level: 2, text: '（一）理论学习方面' },
      { type: 'heading', level: 1, text: '二、原因剖析' },
      { type: 'heading', level: 1, text: '三、整改措施' },
    ]);
  });

  it('joins a heading broken over lines and drops empty headings and lists', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [text('二、'), { type: 'hardBreak' }, text('原因')],
        },
        { type: 'heading', attrs: { level: 3 } },
        { type: 'bulletList', content: [item(paragraph())] },
      ],
    };
    expect(contentToBlocks(doc)).toEqual([{ type: 'heading', level: 1, text: '二、原因' }]);
  });

  it('reads an empty document as no blocks', () => {
    expect(contentToBlocks({ type: 'doc' })).toEqual([]);
    expect(contentToBlocks({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual([]);
  });
});
