import type { ExportBlock, ExportDocument, ExportInline } from './exportBlocks.js';

/**
 * What XML 1.0 does not allow in a document: C0 controls other than tab, line feed and carriage
 * return, U+FFFE and U+FFFF, and surrogates standing alone. Word refuses a file holding one.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** The text without the code points XML 1.0 forbids; every .docx and .xlsx writer uses it. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}

const inline = (i: ExportInline): ExportInline => ({ ...i, text: xmlSafeText(i.text) });

function block(b: ExportBlock): ExportBlock {
  switch (b.type) {
    case 'heading':
      return { ...b, text: xmlSafeText(b.text) };
    case 'paragraph':
      return { ...b, inlines: b.inlines.map(inline) };
    case 'list':
      return { ...b, items: b.items.map((item) => item.map(inline)) };
    case 'fields':
      return {
        ...b,
        rows: b.rows.map(([l, v]): [string, string] => [xmlSafeText(l), xmlSafeText(v)]),
      };
    case 'table':
      return {
        ...b,
        header: b.header.map(xmlSafeText),
        rows: b.rows.map((row) => row.map(xmlSafeText)),
      };
    case 'pageBreak':
      return b;
  }
}

/** The document with every text made safe for XML (xmlSafeText). */
export function xmlSafeDocument(doc: ExportDocument): ExportDocument {
  return {
    title: xmlSafeText(doc.title),
    ...(doc.subtitle === undefined ? {} : { subtitle: xmlSafeText(doc.subtitle) }),
    blocks: doc.blocks.map(block),
  };
}
