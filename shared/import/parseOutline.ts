import { OutlineBuilder } from './OutlineBuilder.js';
import { matchNumbering } from './outlineNumbering.js';
import type { ParsedOutline } from './outlineTypes.js';
import { noSectionsWarning } from './outlineWarnings.js';
import { sourceLines, type SourceLine } from './sourceLines.js';

/** Longer than this, the first line is the opening paragraph rather than a title. */
const MAX_TITLE_LENGTH = 50;
const ENDS_SENTENCE = /[。；;：:！!？?，,]$/;

function titleAndPreamble(head: readonly SourceLine[]): Pick<ParsedOutline, 'title' | 'preamble'> {
  const marked = head.find((l) => l.markdown === 1);
  const first = head[0];
  const title =
    marked ??
    (first && first.text.length <= MAX_TITLE_LENGTH && !ENDS_SENTENCE.test(first.text)
      ? first
      : undefined);
  return {
    title: title?.text ?? null,
    preamble: head.filter((l) => l !== title).map((l) => l.text),
  };
}

/**
 * The structure of a checking material's text (.txt, .md, or a .docx's paragraphs one a
 * line): its title, the paragraphs before the first 一、, its sections with their （一）/1./（1）
 * headings, paragraphs, points (一是…) and examples, and warnings where the text breaks its
 * own numbering. Never throws; whatever is not recognised is kept as paragraphs.
 */
export function parseOutline(text: string): ParsedOutline {
  const lines = sourceLines(text);
  const firstSection = lines.findIndex((l) => matchNumbering(l.text)?.level === 2);
  if (firstSection === -1) {
    return {
      ...titleAndPreamble(lines),
      sections: [],
      warnings: lines.length > 0 ? [noSectionsWarning(lines[0]!.line)] : [],
    };
  }
  const builder = new OutlineBuilder();
  for (const line of lines.slice(firstSection)) builder.addLine(line);
  return { ...titleAndPreamble(lines.slice(0, firstSection)), ...builder.result() };
}
