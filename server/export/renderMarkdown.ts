import type { ExportBlock, ExportDocument, ExportInline } from './exportBlocks.js';

/**
 * Escapes what Markdown would read as markup. Asterisks above all: in these texts they are
 * redactions (`**局`), and unescaped they would turn into emphasis and vanish.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\*_`[\]<>~|]/g, '\\$&');
}

/**
 * A line that would open a heading, quote, list or rule keeps its first character as text;
 * leading spaces go, as four of them would make an indented code block.
 */
function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, '')
    .replace(/^([#>+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const EDGE = /^([\p{P}\p{S}\s]*)(.*?)([\p{P}\p{S}\s]*)$/su;

/**
 * `**…**` with the punctuation and spaces at its edges moved outside: CommonMark does not
 * close `**问题。**下面` (a closing run after punctuation must be followed by space or
 * punctuation), which Chinese text meets at every full stop.
 */
function strong(text: string): string {
  const [, lead = '', core = '', trail = ''] = EDGE.exec(text) ?? [];
  if (core === '') return escapeInline(text);
  return `${escapeInline(lead)}**${escapeInline(core)}**${escapeInline(trail)}`;
}

/** Inlines as one Markdown paragraph, each `\n` a hard break (a backslash at the line's end). */
function inlineText(inlines: ExportInline[]): string {
  const lines: string[] = [''];
  for (const { text, bold } of inlines) {
    text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push('');
      lines[lines.length - 1] += bold ? strong(part) : escapeInline(part);
    });
  }
  return lines.map(escapeLineStart).join('\\\n');
}

function tableCell(text: string): string {
  return escapeInline(text.replace(/\s*\n\s*/g, ' ').trim()) || ' ';
}

function table(header: string[], rows: string[][]): string {
  const count = Math.max(header.length, ...rows.map((r) => r.length), 1);
  const line = (cells: string[]) =>
    `| ${Array.from({ length: count }, (_, i) => tableCell(cells[i] ?? '')).join(' | ')} |`;
  return [line(header), `|${' --- |'.repeat(count)}`, ...rows.map(line)].join('\n');
}

function block(b: ExportBlock): string | null {
  switch (b.type) {
    case 'heading':
      // The document's title is `#`, so 一、 is `##` and （1） is `#####`.
      return `${'#'.repeat(b.level + 1)} ${escapeInline(b.text.replace(/\s*\n\s*/g, ''))}`;
    case 'paragraph':
      return inlineText(b.inlines) || null;
    case 'list': {
      const start = b.start ?? 1;
      const items = b.items.map((item, i) => {
        const marker = b.ordered ? `${start + i}.` : '-';
        return `${marker} ${inlineText(item).replace(/\n/g, `\n${' '.repeat(marker.length + 1)}`)}`;
      });
      return items.length > 0 ? items.join('\n') : null;
    }
    case 'fields':
      return b.rows
        .map(([label, value]) => {
          const name = label.replace(/[:：]$/, '');
          return `- **${escapeInline(name)}**：${inlineText([{ text: value }]).replace(/\n/g, '\n  ')}`;
        })
        .join('\n');
    case 'table':
      return table(b.header, b.rows);
    case 'pageBreak':
      return '---';
  }
}

/** A document as CommonMark with GFM pipe tables: the title as `#`, blocks apart by a blank line. */
export function renderMarkdown(doc: ExportDocument): string {
  const parts = [`# ${escapeInline(doc.title.replace(/\s*\n\s*/g, ' '))}`];
  if (doc.subtitle !== undefined) parts.push(inlineText([{ text: doc.subtitle }]));
  for (const b of doc.blocks) {
    const text = block(b);
    if (text !== null) parts.push(text);
  }
  return `${parts.join('\n\n')}\n`;
}
