import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { OutlineLevel } from './openingStructure.js';

/**
 * What is not a character in 字数 as Chinese offices count it: spaces of every width (including
 * the full-width U+3000 some people indent with), line breaks and tabs, control and format
 * characters (zero-width spaces, soft hyphens) and combining marks (they belong to the letter
 * before them).
 */
const NOT_COUNTED = /[\p{White_Space}\p{Cc}\p{Cf}\p{M}]/gu;

/**
 * 字数 the way Chinese offices count a text (Word's 字符数（不计空格）): every Chinese
 * character, every letter, every digit and every punctuation mark counts one; spaces and line
 * breaks count nothing. So "2023年 ABC。" is 9. Characters outside the BMP (rare 汉字 of the
 * extension planes) count one each, not two as UTF-16 would have it.
 */
export function countCharacters(content: string | JSONContent | ProseMirrorNode): number {
  const text = typeof content === 'string' ? content : textOf(content);
  let count = 0;
  for (const _character of text.replace(NOT_COUNTED, '')) count++;
  return count;
}

/** One level-2 heading (一、…) and everything under it, or one level-3 heading inside it. */
export interface SectionCount {
  /** The heading's text, as typed (with its numbering). */
  title: string;
  /** Where the heading is among the document's top-level blocks, to scroll to it. */
  blockIndex: number;
  /** 字数 of the heading and of everything after it up to the next heading of its level or above. */
  characters: number;
  /** The level-3 (（一）…) sections inside a level-2 section; always empty for those. */
  subsections: SectionCount[];
}

export interface DocumentCount {
  /** 字数 of the whole document, title and headings included. */
  total: number;
  /**
   * The level-2 sections in order. What comes before the first of them (a title, a preamble)
   * counts in `total` only.
   */
  sections: SectionCount[];
}

/** A top-level block, whether it came from the editor's document or from its JSON. */
interface Block {
  headingLevel: number | null;
  text: string;
}

/**
 * 字数 of a document (the editor's `doc` node or its JSON) in total and per section: a section
 * is a level-2 heading and what follows it up to the next level-2 heading, its level-3
 * sub-sections included and also counted on their own.
 */
export function documentCount(doc: JSONContent | ProseMirrorNode): DocumentCount {
  const sections: SectionCount[] = [];
  let section: SectionCount | null = null;
  let subsection: SectionCount | null = null;
  let total = 0;
  for (const [blockIndex, block] of topLevelBlocks(doc).entries()) {
    const characters = countCharacters(block.text);
    total += characters;
    if (block.headingLevel === OutlineLevel.section) {
      section = { title: block.text, blockIndex, characters: 0, subsections: [] };
      subsection = null;
      sections.push(section);
    } else if (block.headingLevel === OutlineLevel.subsection && section) {
      subsection = { title: block.text, blockIndex, characters: 0, subsections: [] };
      section.subsections.push(subsection);
    } else if (block.headingLevel !== null && block.headingLevel < OutlineLevel.section) {
      // A title further down ends the section before it, as a new document would.
      section = null;
      subsection = null;
    }
    if (section) section.characters += characters;
    if (subsection) subsection.characters += characters;
  }
  return { total, sections };
}

function isProseMirrorNode(content: JSONContent | ProseMirrorNode): content is ProseMirrorNode {
  // JSON never carries a node size; the editor's nodes always do.
  return typeof (content as ProseMirrorNode).nodeSize === 'number';
}

function textOf(content: JSONContent | ProseMirrorNode): string {
  if (isProseMirrorNode(content)) return content.textContent;
  return (content.text ?? '') + (content.content ?? []).map(textOf).join('');
}

function topLevelBlocks(doc: JSONContent | ProseMirrorNode): Block[] {
  const blocks: Block[] = [];
  const add = (type: string, level: unknown, text: string) =>
    blocks.push({ headingLevel: type === 'heading' ? Number(level) : null, text });
  if (isProseMirrorNode(doc)) {
    doc.forEach((child) => add(child.type.name, child.attrs['level'], child.textContent));
  } else {
    for (const child of doc.content ?? []) {
      add(child.type ?? '', (child.attrs as { level?: unknown } | undefined)?.level, textOf(child));
    }
  }
  return blocks;
}
