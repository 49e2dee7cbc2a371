import type { JSONContent } from '@tiptap/core';
import { chineseNumeral } from './chineseNumerals.js';

/** Heading levels of the outline numbering: 一、 is level 2 (level 1 is a document's title). */
export const OutlineLevel = { section: 2, subsection: 3, item: 4, subitem: 5 } as const;

export const OPENING_SECTIONS = ['存在的主要问题', '原因剖析', '整改措施'] as const;

function heading(level: number, text: string): JSONContent {
  return { type: 'heading', attrs: { level }, content: [{ type: 'text', text }] };
}

const paragraph: JSONContent = { type: 'paragraph' };

/** `理论学习` → `理论学习方面`; an aspect that already ends in 方面 stays as it is. */
export function aspectHeading(index: number, aspect: string): string {
  return `（${chineseNumeral(index + 1)}）${aspect.endsWith('方面') ? aspect : `${aspect}方面`}`;
}

/**
 * The outline a checking material starts from: 一、存在的主要问题 with one heading per aspect,
 * 二、原因剖析, 三、整改措施, each with an empty paragraph to write in.
 */
export function openingStructure(aspects: readonly string[]): JSONContent {
  const [problems, causes, measures] = OPENING_SECTIONS;
  return {
    type: 'doc',
    content: [
      heading(OutlineLevel.section, `一、${problems}`),
      ...aspects.flatMap((a, i) => [
        heading(OutlineLevel.subsection, aspectHeading(i, a)),
        paragraph,
      ]),
      ...(aspects.length === 0 ? [paragraph] : []),
      heading(OutlineLevel.section, `二、${causes}`),
      paragraph,
      heading(OutlineLevel.section, `三、${measures}`),
      paragraph,
    ],
  };
}
