import type { JSONContent } from '@tiptap/core';
import { parseOutline } from '../../shared/import/parseOutline.js';
import type {
  OutlineItem,
  OutlineSection,
  OutlineSubsection,
  ParsedOutline,
  SectionKind,
} from '../../shared/import/outlineTypes.js';
import { contentToBlocks } from './contentToBlocks.js';
import type { ExportBlock } from './exportBlocks.js';

/**
 * A document's text one paragraph (heading, list item) a line, as parseOutline reads an
 * imported file: the outline parser, not the editor's heading levels, decides the structure,
 * since members type 一、 into paragraphs as often as they use the heading levels.
 */
export function contentLines(content: JSONContent | null): string {
  if (content === null) return '';
  return contentToBlocks(content)
    .flatMap((b): string[] => {
      switch (b.type) {
        case 'heading':
          return [b.text];
        case 'paragraph':
          return [b.inlines.map((i) => i.text).join('')];
        case 'list':
          return b.items.map((item) => item.map((i) => i.text).join(''));
        case 'fields':
          return b.rows.map(([label, value]) => `${label}${value}`);
        case 'table':
          return b.rows.map((r) => r.join(' '));
        case 'pageBreak':
          return [];
      }
    })
    .join('\n');
}

/** The outline of a checking material's current content. */
export function outlineOf(content: JSONContent | null): ParsedOutline {
  return parseOutline(contentLines(content));
}

const paragraph = (text: string): ExportBlock => ({ type: 'paragraph', inlines: [{ text }] });

/** A point as written: `一是` + its text + its examples. */
const itemText = (item: OutlineItem): string =>
  `${item.marker ?? ''}${item.text}${item.examples.join('')}`;

function subsectionBlocks(sub: OutlineSubsection): ExportBlock[] {
  // Material levels 3..5 (（一）, 1., （1）) stay under the report's own 一、 heading.
  const level = (sub.level - 1) as 2 | 3 | 4;
  return [
    { type: 'heading', level, text: `${sub.numbering}${sub.heading}` },
    ...sub.paragraphs.map(paragraph),
    ...sub.items.map((i) => paragraph(itemText(i))),
    ...sub.children.flatMap(subsectionBlocks),
  ];
}

function sectionBlocks(section: OutlineSection): ExportBlock[] {
  return [
    ...section.paragraphs.map(paragraph),
    ...section.items.map((i) => paragraph(itemText(i))),
    ...section.subsections.flatMap(subsectionBlocks),
  ];
}

/** What the material's sections of one kind (problems, causes, measures) say, as blocks. */
export function sectionsOfKind(outline: ParsedOutline, kind: SectionKind): ExportBlock[] {
  return outline.sections.filter((s) => s.kind === kind).flatMap(sectionBlocks);
}
