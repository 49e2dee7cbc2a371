import type { JSONContent } from '@tiptap/core';
import { OutlineLevel } from '../editor/openingStructure.js';
import type { OutlineItem, OutlineSubsection, ParsedOutline } from './outlineTypes.js';

const TITLE_LEVEL = 1;

// A text node may not be empty: an empty heading or paragraph has no content at all.
function block(type: 'heading' | 'paragraph', text: string, level?: number): JSONContent {
  const node: JSONContent = level === undefined ? { type } : { type, attrs: { level } };
  return text === '' ? node : { ...node, content: [{ type: 'text', text }] };
}

const paragraph = (text: string): JSONContent => block('paragraph', text);

/** A point as one paragraph, as written: `一是……。比如……`. */
function itemParagraph(item: OutlineItem): JSONContent {
  return paragraph(`${item.marker ?? ''}${item.text}${item.examples.join('')}`);
}

function body(node: { paragraphs: string[]; items: OutlineItem[] }): JSONContent[] {
  return [...node.paragraphs.map(paragraph), ...node.items.map(itemParagraph)];
}

function subsectionContent(subsection: OutlineSubsection): JSONContent[] {
  return [
    block('heading', `${subsection.numbering}${subsection.heading}`, subsection.level),
    ...body(subsection),
    ...subsection.children.flatMap(subsectionContent),
  ];
}

/**
 * A parsed checking material as a TipTap document in the editor's schema: the title a level-1
 * heading, 一、 level 2, （一） level 3, 1. level 4, （1） level 5 (as the opening structure
 * writes them), headings with their numbering as written, and every paragraph and point a
 * paragraph of plain text (asterisks stay as they are: they are redactions).
 */
export function outlineToContent(outline: ParsedOutline): JSONContent {
  const content: JSONContent[] = [
    ...(outline.title === null ? [] : [block('heading', outline.title, TITLE_LEVEL)]),
    ...outline.preamble.map(paragraph),
    ...outline.sections.flatMap((section) => [
      block('heading', `${section.numbering}${section.heading}`, OutlineLevel.section),
      ...body(section),
      ...section.subsections.flatMap(subsectionContent),
    ]),
  ];
  // A document holds at least one block.
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
