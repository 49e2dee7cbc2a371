import { describe, expect, it } from 'vitest';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import { parseOutline } from '../../../shared/import/parseOutline.js';
import { DomainError } from '../../../shared/errors/DomainError.js';
import { httpStatus } from '../../../server/http/httpStatus.js';
import { readUpload } from '../../../server/import/readUpload.js';
import { CHECKING_MATERIAL } from '../../helpers/checkingMaterial.js';
import { docxFromText, docxParts, gb18030Bytes, zipOf } from '../../helpers/importFiles.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The refusal `readUpload` gives, as `status code`. */
async function refusal(fileName: string, bytes: Uint8Array): Promise<string> {
  try {
    await readUpload(fileName, bytes);
  } catch (err) {
    if (err instanceof DomainError) return `${httpStatus[err.code]} ${err.code}`;
    throw err;
  }
  throw new Error(`${fileName} was read`);
}

describe('reading an upload as text', () => {
  it('reads a .docx one paragraph a line, its title as a # line, to the same outline as its text', async () => {
    const text = await readUpload('材料.docx', await docxFromText(CHECKING_MATERIAL));
    // Word's Title and Heading 1 paragraphs come out as # lines, the rest as they were typed.
    const expected = CHECKING_MATERIAL.split('\n').map((line, i) =>
      i === 0 || /^[一二三]、/.test(line) ? `# ${line}` : line,
    );
    expect(text.split('\n')).toEqual(expected);
    expect(parseOutline(text)).toEqual(parseOutline(CHECKING_MATERIAL));
    expect(parseOutline(text).sections.map((s) => s.kind)).toEqual([
      'problems',
      'causes',
      'measures',
    ]);
  });

  it('reads GB18030 text, as older Chinese Windows saves it', async () => {
    // 中文 in GB18030, written out by hand: D6D0 CEC4.
    expect(await readUpload('a.txt', new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
    const text = await readUpload('材料.txt', gb18030Bytes(CHECKING_MATERIAL));
    expect(text).toBe(CHECKING_MATERIAL);
  });

  it('strips a UTF-8 BOM and turns CRLF and CR into LF', async () => {
    const bytes = utf8('\uFEFF一、存在的问题\r\n一是学习不够。\r二是作风不实。\r\n');
    expect(await readUpload('a.txt', bytes)).toBe(
      '一、存在的问题\n一是学习不够。\n二是作风不实。\n',
    );
  });

  it('reads UTF-16 with a BOM (Notepad’s “Unicode”)', async () => {
    const body = Buffer.from('一、存在的问题\n', 'utf16le');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
    expect(await readUpload('a.txt', bytes)).toBe('一、存在的问题\n');
  });

  it('reads .md as text, its # line the title', async () => {
    const text = await readUpload(
      '材料.MD',
      utf8(`# 对照检查材料\n${CHECKING_MATERIAL.split('\n').slice(2).join('\n')}`),
    );
    const outline = parseOutline(text);
    expect(outline.title).toBe('对照检查材料');
    expect(outline.sections).toHaveLength(3);
  });

  it('refuses what it cannot import, each with its own code', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(await refusal('a.docx', png)).toBe('422 not_a_docx');
    expect(await refusal('a.docx', random)).toBe('422 not_a_docx');
    expect(await refusal('a.docx', utf8('一、存在的问题'))).toBe('422 not_a_docx');
    const noBody = await zipOf({ 'word/styles.xml': '<w:styles/>' });
    expect(await refusal('a.docx', noBody)).toBe('422 not_a_docx');
    const broken = await zipOf(docxParts('x', { 'word/document.xml': '<w:document><unclosed' }));
    expect(await refusal('a.docx', broken)).toBe('422 file_unreadable');
    expect(await refusal('a.txt', png)).toBe('422 binary_file');
    expect(await refusal('a.txt', new Uint8Array([0xff, 0xff, 0xfe, 0x80, 0x81]))).toBe(
      '422 binary_file',
    );
    expect(await refusal('a.txt', utf8('正文\u0001\u0002\u0003\u0004\u0005'))).toBe(
      '422 binary_file',
    );
    expect(await refusal('a.pdf', utf8('%PDF-1.7'))).toBe('415 unsupported_file_type');
    expect(await refusal('a.doc', utf8('x'))).toBe('415 unsupported_file_type');
    expect(await refusal('README', utf8('x'))).toBe('415 unsupported_file_type');
    expect(await refusal('a.txt', new Uint8Array())).toBe('400 empty_file');
    expect(await refusal('a.txt', utf8(' \n\u3000\r\n'))).toBe('400 empty_file');
    expect(await refusal('a.docx', await zipOf(docxParts('')))).toBe('400 empty_file');
    // Under the unpacked bound, over what the server parses in one go.
    const bulky = '<w:p/>'.repeat(ImportLimits.maxWordXmlBytes / 6 + 1);
    const body = await zipOf(docxParts('正文', { 'word/footnotes.xml': bulky }));
    expect(await refusal('a.docx', body)).toBe('422 docx_too_large');
    const huge = new Uint8Array(ImportLimits.maxFileBytes + 1).fill(0x41);
    expect(await refusal('a.txt', huge)).toBe('413 file_too_large');
    const long = utf8('一'.repeat(ImportLimits.maxTextLength + 1));
    expect(await refusal('a.txt', long)).toBe('422 text_too_long');
  });
});
