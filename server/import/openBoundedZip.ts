import JSZip from 'jszip';
import { ImportLimits } from '../../shared/import/importLimits.js';
import { DomainError } from '../../shared/errors/DomainError.js';

const notADocx = (): DomainError => new DomainError('not_a_docx');

const tooLarge = (): DomainError =>
  new DomainError('docx_too_large.unpacked', {
    size: ImportLimits.maxDecompressedBytes / 1024 / 1024,
    parts: ImportLimits.maxZipEntries,
  });

/**
 * Opens a .docx as a zip and inflates every entry once, counting the bytes that come out, so
 * a zip bomb is refused before anything (mammoth) inflates it for real. The sizes a zip
 * declares can lie; only the inflated bytes are counted. Resolves with the opened zip and
 * the inflated size of each entry.
 */
export async function openBoundedZip(
  bytes: Uint8Array,
  limits: { maxBytes: number; maxEntries: number } = {
    maxBytes: ImportLimits.maxDecompressedBytes,
    maxEntries: ImportLimits.maxZipEntries,
  },
): Promise<{ zip: JSZip; sizes: ReadonlyMap<string, number> }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notADocx();
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > limits.maxEntries) throw tooLarge();
  const sizes = new Map<string, number>();
  let total = 0;
  for (const entry of entries) {
    const size = await inflatedSize(entry, limits.maxBytes - total);
    sizes.set(entry.name, size);
    total += size;
  }
  return { zip, sizes };
}

/**
 * Inflates one entry, keeping nothing, and resolves with its size; stops inflating and
 * refuses once more than `budget` bytes have come out.
 */
function inflatedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= budget) return;
      stream.pause();
      stream.removeAllListeners('data');
      reject(tooLarge());
    });
    stream.on('end', () => resolve(size));
    // Corrupt deflate data, an encrypted or unsupported entry: not a document we can read.
    stream.on('error', () => reject(notADocx()));
  });
}
