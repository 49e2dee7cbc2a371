/** One non-blank line of the input, trimmed, with where it was. */
export interface SourceLine {
  /** 1-based line number in the input. */
  line: number;
  text: string;
  /** The number of `#` of a Markdown heading line (stripped from `text`), else null. */
  markdown: number | null;
}

// Zero-width characters and BOMs that Word and WeChat leave anywhere in a line.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
// Spaces that are not U+0020: non-breaking, en/em/thin spaces. U+3000 stays inside a line.
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f]/g;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.*)$/;

/**
 * The input as its non-blank lines: BOM, CRLF and lone CR, non-breaking and ideographic spaces
 * at the edges handled; asterisks (redactions such as `**局`) are left exactly as they are.
 */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    // trim() takes every Unicode space, the ideographic one of a first-line indent included
    // (and, unlike a /\s+$/ regex, in linear time on a long run of spaces).
    const cleaned = raw.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').trim();
    if (cleaned === '') return;
    const heading = MARKDOWN_HEADING.exec(cleaned);
    const body = heading ? heading[2]!.trim() : cleaned;
    if (body === '') return;
    lines.push({ line: index + 1, text: body, markdown: heading ? heading[1]!.length : null });
  });
  return lines;
}
