import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getSchema, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { documentExtensions } from '../../../shared/editor/documentExtensions.js';
import { outlineToContent } from '../../../shared/import/outlineToContent.js';
import { parseOutline } from '../../../shared/import/parseOutline.js';

const schema = getSchema(documentExtensions());
const SAMPLES = path.resolve(process.cwd(), '../shared/samples');

const textOf = (node: JSONContent): string => (node.content ?? []).map((c) => c.text).join('');
const blocks = (doc: JSONContent): [string, number | null, string][] =>
  (doc.content ?? []).map((node) => [
    node.type!,
    (node.attrs?.level as number | undefined) ?? null,
    textOf(node),
  ]);

describe('outlineToContent', () => {
  it('maps the title and each numbering to the heading levels of the opening structure', () => {
    const outline = parseOutline(
      [
        '# **局班子对照检查材料',
        '按**要求。',
        '一、存在的主要问题',
        '（一）理论学习方面：一是学习不深入。比如篇目少。二是学用脱节。',
        '1.学习时间',
        '（1）挤不出时间',
        '二、原因剖析',
        '理想信念有所弱化。',
      ].join('\n'),
    );
    const doc = outlineToContent(outline);
    expect(doc.type).toBe('doc');
    expect(blocks(doc)).toEqual([
      ['heading', 1, '**局班子对照检查材料'],
      ['paragraph', null, '按**要求。'],
      ['heading', 2, '一、存在的主要问题'],
      ['heading', 3, '（一）理论学习方面'],
      ['paragraph', null, '一是学习不深入。比如篇目少。'],
      ['paragraph', null, '二是学用脱节。'],
      ['heading', 4, '1.学习时间'],
      ['heading', 5, '（1）挤不出时间'],
      ['heading', 2, '二、原因剖析'],
      ['paragraph', null, '理想信念有所弱化。'],
    ]);
    // Plain text: the asterisks are no bold mark.
    expect(JSON.stringify(doc)).not.toContain('"marks"');
    expect(() => schema.nodeFromJSON(doc)).not.toThrow();
  });

  it('writes an empty heading without a text node, and an empty outline as one paragraph', () => {
    const doc = outlineToContent(parseOutline('一、\n（一）'));
    expect(doc.content).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '一、' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '（一）' }] },
    ]);
    const empty = outlineToContent(parseOutline(''));
    expect(empty).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(() => schema.nodeFromJSON(empty)).not.toThrow();
  });

  it('turns both samples into documents valid in the editor schema, losing no text', () => {
    for (const name of ['000_75298cf3246d3d74.txt', '001_b94c01ca5fb1103c.txt']) {
      const text = readFileSync(path.join(SAMPLES, name), 'utf8');
      const doc = outlineToContent(parseOutline(text));
      const node = schema.nodeFromJSON(doc);
      node.check();
      // Every character is still there, in order, but spaces, line breaks and the 。 or ： that
      // closed a heading running into its paragraph.
      const strip = (s: string): string => s.replace(/[\s\ufeff。：]/g, '');
      const written = (doc.content ?? []).map(textOf).join('');
      expect(strip(written)).toBe(strip(text));
      const levels = blocks(doc).filter(([type]) => type === 'heading');
      expect(levels.filter(([, level]) => level === 2).map(([, , t]) => t.slice(0, 2))).toEqual([
        '一、',
        '二、',
        '三、',
      ]);
    }
  });
});
