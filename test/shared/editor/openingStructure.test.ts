import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { openingStructure } from '../../../shared/editor/openingStructure.js';

const headings = (doc: JSONContent): string[] =>
  (doc.content ?? [])
    .filter((b) => b.type === 'heading' && b.attrs?.level === 2)
    .map((b) => b.content?.[0]?.text ?? '');

describe('openingStructure', () => {
  it('numbers the usual three sections 一、二、三、', () => {
    expect(headings(openingStructure(['理论学习']))).toEqual([
      '一、存在的主要问题',
      '二、原因剖析',
      '三、整改措施',
    ]);
  });

  it('puts leading sections first with their content and numbers the usual ones after them', () => {
    const lead = { type: 'paragraph', content: [{ type: 'text', text: '共查摆整改事项2项。' }] };
    const doc = openingStructure(['理论学习'], [{ title: '上年度整改落实情况', content: [lead] }]);
    expect(headings(doc)).toEqual([
      '一、上年度整改落实情况',
      '二、存在的主要问题',
      '三、原因剖析',
      '四、整改措施',
    ]);
    expect(doc.content?.[1]).toEqual(lead);
    expect(doc.content?.[3]?.content?.[0]?.text).toBe('（一）理论学习方面');
  });

  it('gives an empty leading section a paragraph to write in', () => {
    const doc = openingStructure([], [{ title: '上年度整改落实情况', content: [] }]);
    expect(doc.content?.[1]).toEqual({ type: 'paragraph' });
  });
});
