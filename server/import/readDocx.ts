import mammoth from 'mammoth';
import { ImportLimits } from '../../shared/import/importLimits.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { htmlToLines } from './htmlToLines.js';
import { openBoundedZip } from './openBoundedZip.js';

/** Word's Title style (标题) is the material's title; mammoth leaves it a plain paragraph. */
/** The parts mammoth parses: the body, styles, numbering, notes, comments. */
const WORD_XML = /^word\/[^/]+\.xml$/;

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='title'] => h1:fresh",
  'p.Title => h1:fresh',
];

/**
 * A .docx as plain text, one paragraph a line (the title and Heading 1 as `# ` lines). The zip
 * is bounded first (openBoundedZip); images are never read, nor any file outside the upload.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  const { zip, sizes } = await openBoundedZip(bytes);
  if (!zip.file('word/document.xml')) {
    throw new DomainError('not_a_docx.no_body');
  }
  const xmlBytes = [...sizes].reduce(
    (sum, [name, size]) => sum + (WORD_XML.test(name) ? size : 0),
    0,
  );
  // Mammoth parses XML synchronously, about a second a megabyte; this runs in a worker thread
  // (UploadParser), and the bound keeps honest files well inside its memory and time.
  if (xmlBytes > ImportLimits.maxWordXmlBytes) {
    throw new DomainError('docx_too_large', { size: ImportLimits.maxWordXmlBytes / 1024 / 1024 });
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw new DomainError('file_unreadable.docx');
  }
  return htmlToLines(html);
}
