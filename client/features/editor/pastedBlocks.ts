/** The little of pasted content that is kept, and how it is written back as clean HTML. */

export type Inline = { text: string; bold: boolean } | { lineBreak: true };

export interface ListBlock {
  type: 'list';
  numbered: boolean;
  /** The first item's number when it is not 1 (a list pasted from its middle). */
  start: number | null;
  /** Each item's blocks. */
  items: Block[][];
}

export type Block =
  | { type: 'heading'; level: number; inlines: Inline[] }
  | { type: 'paragraph'; inlines: Inline[] }
  | ListBlock;

/** One character of a block's text with its boldness, or a line break. */
type Piece = { char: string; bold: boolean } | null;

const ASCII_WHITESPACE = /[ \t\n\r\f]/;
/** Spaces nobody means at a paragraph's start or end, the full-width indent (U+3000) among them. */
const EDGE_SPACE = /[ \t\n\r\f\u00a0\u3000]/;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A block's text as a browser would show it: runs of spaces and line ends collapse to one
 * space, except that a line end between two Chinese characters disappears (Word wraps long
 * lines of its HTML wherever it likes, also inside Chinese text, where no space was), and
 * spaces at the start and end go, with the full-width spaces some people indent with.
 */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const pieces: Piece[] = [];
  for (const inline of inlines) {
    if ('lineBreak' in inline) pieces.push(null);
    else for (const char of inline.text) pieces.push({ char, bold: inline.bold });
  }
  const kept: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!piece || !ASCII_WHITESPACE.test(piece.char)) {
      kept.push(piece);
      continue;
    }
    let end = i;
    let lineEnd = false;
    while (end < pieces.length && pieces[end] && ASCII_WHITESPACE.test(pieces[end]!.char)) {
      if (pieces[end]!.char === '\n' || pieces[end]!.char === '\r') lineEnd = true;
      end++;
    }
    const before = kept.at(-1);
    const after = pieces[end];
    const betweenWide = before && after && WIDE.test(before.char) && WIDE.test(after.char);
    if (!(lineEnd && betweenWide)) kept.push({ char: ' ', bold: piece.bold });
    i = end - 1;
  }
  return toInlines(trimEdges(kept));
}

/**
 * Drops spaces at the block's edges and around its line breaks, and line breaks at its edges
 * (Word ends a paragraph that ends in a line break with another one; neither shows).
 */
function trimEdges(pieces: Piece[]): Piece[] {
  const isSpace = (piece: Piece | undefined) => !!piece && EDGE_SPACE.test(piece.char);
  const result: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (isSpace(piece)) {
      const previous = result.at(-1);
      let next = i;
      while (isSpace(pieces[next])) next++;
      const atEdge = previous === undefined || previous === null || next >= pieces.length;
      if (atEdge || pieces[next] === null) {
        i = next - 1;
        continue;
      }
    }
    result.push(piece ?? null);
  }
  while (result.at(-1) === null) result.pop();
  while (result[0] === null) result.shift();
  return result;
}

function toInlines(pieces: readonly Piece[]): Inline[] {
  const inlines: Inline[] = [];
  for (const piece of pieces) {
    const last = inlines.at(-1);
    if (piece === null) inlines.push({ lineBreak: true });
    else if (last && 'text' in last && last.bold === piece.bold) last.text += piece.char;
    else inlines.push({ text: piece.char, bold: piece.bold });
  }
  return inlines;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if ('lineBreak' in inline) return '<br>';
      const text = escapeHtml(inline.text);
      return inline.bold ? `<strong>${text}</strong>` : text;
    })
    .join('');
}

function hasText(inlines: readonly Inline[]): boolean {
  return inlines.some((inline) => 'text' in inline);
}

/**
 * Clean HTML for the editor to read: only h1–h5, p, strong, br, ul, ol and li. Empty
 * paragraphs (Word's blank lines between sections) are left out: spacing is the layout's job.
 */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks.map(renderBlock).join('');
}

function renderBlock(block: Block): string {
  if (block.type === 'list') {
    const items = block.items.map(renderBlocks).filter((item) => item !== '');
    if (items.length === 0) return '';
    const tag = block.numbered ? 'ol' : 'ul';
    const start = block.numbered && block.start !== null && block.start !== 1;
    const open = start ? `<ol start="${block.start}">` : `<${tag}>`;
    return `${open}${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
  }
  const inlines = normalizeInlines(block.inlines);
  if (!hasText(inlines)) return '';
  const tag = block.type === 'heading' ? `h${block.level}` : 'p';
  return `<${tag}>${renderInlines(inlines)}</${tag}>`;
}
