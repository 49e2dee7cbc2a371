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

/** A section written before the usual three, e.g. 上年度整改落实情况: its title and its blocks. */
export interface OpeningSection {
  title: string;
  content: JSONContent[];
}

/**
 * The outline a checking material starts from: 一、存在的主要问题 with one heading per aspect,
 * 二、原因剖析, 三、整改措施, each with an empty paragraph to write in. Sections in `leading`
 * come first, and the usual ones are numbered after them.
 */
export function openingStructure(
  aspects: readonly string[],
  leading: readonly OpeningSection[] = [],
): JSONContent {
  const [problems, causes, measures] = OPENING_SECTIONS;
  const numbered = (offset: number, title: string): JSONContent =>
    heading(OutlineLevel.section, `${chineseNumeral(leading.length + offset)}、${title}`);
  return {
    type: 'doc',
    content: [
      ...leading.flatMap((section, i) => [
        heading(OutlineLevel.section, `${chineseNumeral(i + 1)}、${section.title}`),
        ...(section.content.length > 0 ? section.content : [paragraph]),
      ]),
      numbered(1, problems),
      ...aspects.flatMap((a, i) => [
        heading(OutlineLevel.subsection, aspectHeading(i, a)),
        paragraph,
      ]),
      ...(aspects.length === 0 ? [paragraph] : []),
      numbered(2, causes),
      paragraph,
      numbered(3, measures),
      paragraph,
    ],
  };
}
