import mammoth from 'mammoth';
import { ImportLimits } from '../../shared/import/importLimits.js';
import { HttpError } from '../http/HttpError.js';
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
    throw new HttpError(
      422,
      'not_a_docx',
      '文件不是有效的 Word 文档：缺少正文部件 word/document.xml (not a docx file)',
    );
  }
  const xmlBytes = [...sizes].reduce(
    (sum, [name, size]) => sum + (WORD_XML.test(name) ? size : 0),
    0,
  );
  // Mammoth parses XML synchronously, about a second a megabyte; this runs in a worker thread
  // (UploadParser), and the bound keeps honest files well inside its memory and time.
  if (xmlBytes > ImportLimits.maxWordXmlBytes) {
    throw new HttpError(
      422,
      'docx_too_large',
      `Word 文档正文过大（上限 ${ImportLimits.maxWordXmlBytes / 1024 / 1024} MB），请分成几个文件导入 (docx body too large)`,
    );
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
    throw new HttpError(
      422,
      'file_unreadable',
      'Word 文档已损坏或格式无法识别 (the document cannot be read)',
    );
  }
  return htmlToLines(html);
}
