import { beforeAll, describe, expect, it } from 'vitest';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import { DomainError } from '../../../shared/errors/DomainError.js';
import { httpStatus } from '../../../server/http/httpStatus.js';
import { openBoundedZip } from '../../../server/import/openBoundedZip.js';
import { docxFromText, docxParts, withDeclaredSize, zipOf } from '../../helpers/importFiles.js';

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await openBoundedZip(bytes);
  } catch (err) {
    if (err instanceof DomainError) return `${httpStatus[err.code]} ${err.code}`;
    throw err;
  }
  throw new Error('the zip was opened');
}

describe('opening a .docx as a bounded zip', () => {
  let bomb: Buffer;

  beforeAll(async () => {
    // 64 MiB of zeros deflate to some 64 KB: far under the upload limit, far over the unpacked one.
    const zeros = new Uint8Array(ImportLimits.maxDecompressedBytes + 14 * 1024 * 1024);
    bomb = await zipOf(docxParts('正文', { 'word/media/image1.png': zeros }));
  });

  it('opens a real document', async () => {
    const { zip, sizes } = await openBoundedZip(await docxFromText('标题\n一、存在的问题'));
    expect(zip.file('word/document.xml')).not.toBeNull();
    expect(sizes.get('word/document.xml')).toBeGreaterThan(100);
  });

  it('refuses a zip bomb however small its upload', async () => {
    expect(bomb.length).toBeLessThan(ImportLimits.maxFileBytes / 10);
    expect(await refusal(bomb)).toBe('422 docx_too_large');
  });

  it('counts what comes out, not the sizes the zip declares', async () => {
    const lying = withDeclaredSize(bomb, 'word/media/image1.png', 1024);
    expect(lying.equals(bomb)).toBe(false);
    expect(await refusal(lying)).toBe('422 docx_too_large');
  });

  it('counts the bytes of every entry together', async () => {
    const limits = { maxBytes: 300_000, maxEntries: ImportLimits.maxZipEntries };
    const parts = docxParts('正文', {
      'word/media/a.png': new Uint8Array(100_000),
      'word/media/b.png': new Uint8Array(100_000),
      'word/media/c.png': new Uint8Array(100_000),
    });
    await expect(openBoundedZip(await zipOf(parts), limits)).rejects.toMatchObject({
      code: 'docx_too_large',
    });
    delete parts['word/media/c.png'];
    await expect(openBoundedZip(await zipOf(parts), limits)).resolves.toBeTruthy();
  });

  it('refuses a zip of too many entries', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < ImportLimits.maxZipEntries; i++) many[`word/media/${i}.xml`] = '';
    expect(await refusal(await zipOf(docxParts('正文', many)))).toBe('422 docx_too_large');
  });

  it('refuses corrupt deflate data as not a docx', async () => {
    const zip = await zipOf(docxParts('正文'.repeat(2000)));
    const corrupt = Buffer.from(zip);
    // Inside the first entry's compressed data, past its 30-byte header and name.
    for (let i = 60; i < 200; i++) corrupt[i] = 0xff;
    expect(await refusal(corrupt)).toBe('422 not_a_docx');
  });
});
