import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';

const SECTION = /^[一二三四五六七八九十]+、/;
const SUBSECTION = /^[（(][一二三四五六七八九十]+[）)]/;

/**
 * A .docx written by the `docx` library from a material's text, one paragraph a line: the
 * first line in Word's Title style, 一、 headings in Heading 1 and （一） in Heading 2 (their
 * numbering typed, as people do), everything else a plain paragraph.
 */
export async function docxFromText(text: string): Promise<Buffer> {
  const [title = '', ...rest] = text.split('\n');
  const children = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    ...rest.map((line) =>
      SECTION.test(line)
        ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 })
        : SUBSECTION.test(line)
          ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_2 })
          : new Paragraph({ text: line }),
    ),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * Text in GB18030 (as GBK-era Chinese Windows saves it). Node can decode GB18030 but not
 * encode it, so the two-byte table is read off the decoder; ASCII stays one byte.
 */
export function gb18030Bytes(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(char);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
    bytes.push(...pair);
  }
  return new Uint8Array(bytes);
}

/** A zip of the given entries, deflated. */
export async function zipOf(entries: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

/** The smallest parts a .docx needs for `word/document.xml` to be read, with `extra` beside. */
export function docxParts(
  paragraph: string,
  extra: Record<string, string | Uint8Array> = {},
): Record<string, string | Uint8Array> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
    ...extra,
  };
}

/**
 * The zip with the uncompressed size of `entryName` rewritten to `size` in its local and
 * central headers: the lie a zip bomb tells to get past a check of declared sizes.
 */
export function withDeclaredSize(zip: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entryName, 'utf8');
  for (let at = 0; at + 46 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + name.length).equals(name)) {
      out.writeUInt32LE(size, at + 22);
    } else if (
      signature === 0x02014b50 &&
      out.subarray(at + 46, at + 46 + name.length).equals(name)
    ) {
      out.writeUInt32LE(size, at + 24);
    }
  }
  return out;
}

/**
 * A .docx whose body is `xmlBytes` of the smallest paragraphs Word has, `<w:p><w:r><w:t>a`:
 * some 25 KB zipped, a quarter of a million paragraphs for a parser to build.
 */
export async function flatParagraphsDocx(xmlBytes: number): Promise<Buffer> {
  const unit = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
  const parts = docxParts('a');
  const shell = parts['word/document.xml'] as string;
  const body = unit.repeat(Math.floor((xmlBytes - shell.length) / unit.length));
  parts['word/document.xml'] = shell.replace('<w:body>', `<w:body>${body}`);
  return zipOf(parts);
}
