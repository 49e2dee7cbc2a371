/** Tags that end a line of text where they open or close. */
const LINE_BREAKING = new Set(['p', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'br']);
const HEADING = /^h[1-6]$/;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Mammoth's HTML as plain text, one paragraph a line: an `<h1>` (Word's Title or Heading 1)
 * becomes a `# ` line so the outline parser sees the title; other headings, paragraphs, list
 * items and table cells become lines of their own; formatting and images are dropped.
 */
export function htmlToLines(html: string): string {
  const text = html.replace(TAG, (_tag, closing: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (name === 'h1') return closing ? '\n' : '\n# ';
    if (HEADING.test(name) || LINE_BREAKING.has(name)) return '\n';
    return '';
  });
  return text
    .split('\n')
    .map((line) =>
      decodeEntities(line)
        .replace(/[ \t\f\v]+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '' && line !== '#')
    .join('\n');
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[body] ?? '';
  });
}
