import mammoth from 'mammoth';
import { HttpError } from '../http/HttpError.js';
import { htmlToLines } from './htmlToLines.js';
import { openBoundedZip } from './openBoundedZip.js';

/** Word's Title style (标题) is the material's title; mammoth leaves it a plain paragraph. */
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
  const zip = await openBoundedZip(bytes);
  if (!zip.file('word/document.xml')) {
    throw new HttpError(
      422,
      'not_a_docx',
      '文件不是有效的 Word 文档：缺少正文部件 word/document.xml (not a docx file)',
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
