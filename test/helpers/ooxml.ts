import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The parts of a .docx the export tests read, as text. */
export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  /** The footer referenced as `default` (odd pages) and as `even`. */
  footers: { default: string; even: string };
}

async function part(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`no ${path} in the package`);
  return file.async('string');
}

/** Every `name="value"` attribute of each `<tag …>` in order. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}((?:\\s[^>]*?)?)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    found.push(attrs);
  }
  return found;
}

/** The attributes of the first `<tag …>`, failing when there is none. */
export function element(xml: string, tag: string): Record<string, string> {
  const [first] = elements(xml, tag);
  if (first === undefined) throw new Error(`no <${tag}> in ${xml.slice(0, 200)}`);
  return first;
}

/** The XML of one `<w:style>` by its id. */
export function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  if (m === null) throw new Error(`no style ${id}`);
  return m[0];
}

/** The text of each paragraph (`<w:p>`), in document order, line breaks as `\n`. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)].map((p) =>
    [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : t[1]!))
      .join(''),
  );
}

export async function unzipDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const document = await part(zip, 'word/document.xml');
  const rels = await part(zip, 'word/_rels/document.xml.rels');
  const footer = async (type: string): Promise<string> => {
    const ref = elements(document, 'w:footerReference').find((r) => r['w:type'] === type);
    const rel = elements(rels, 'Relationship').find((r) => r.Id === ref?.['r:id']);
    if (rel === undefined) throw new Error(`no ${type} footer`);
    return part(zip, `word/${rel.Target}`);
  };
  return {
    document,
    styles: await part(zip, 'word/styles.xml'),
    settings: await part(zip, 'word/settings.xml'),
    fontTable: await part(zip, 'word/fontTable.xml'),
    footers: { default: await footer('default'), even: await footer('even') },
  };
}

/**
 * The errors a strict XML 1.0 parser (saxes, as Word and Excel are strict) finds in `xml`:
 * characters XML forbids, broken markup. Empty for a well-formed part.
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => errors.push(err.message));
  parser.write(xml).close();
  return errors;
}
