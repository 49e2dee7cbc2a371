import { DomainError } from '../../shared/errors/DomainError.js';

/** Controls that no text file carries (tab, line feed, form feed and carriage return do). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
/** Past this share of control characters a "text" file is binary. */
const MAX_CONTROL_SHARE = 0.02;
/** A few strays (a DOS end-of-file mark, a pasted form feed) are no reason to refuse. */
const TOLERATED_CONTROLS = 3;

const notText = (): DomainError => new DomainError('binary_file');

/**
 * A text file's bytes as text with `\n` line ends: UTF-8 (strictly, BOM stripped), UTF-16 with
 * a BOM (Notepad's "Unicode"), else GB18030, which covers GBK and GB2312 files from older
 * Chinese Windows. Binary files are refused with 422 `binary_file`.
 */
export function decodeText(bytes: Uint8Array): string {
  const decoded = decodeBytes(bytes);
  if (decoded === null || decoded.includes('\u0000')) throw notText();
  const controls = decoded.match(CONTROL)?.length ?? 0;
  if (controls > TOLERATED_CONTROLS && controls > decoded.length * MAX_CONTROL_SHARE) {
    throw notText();
  }
  return decoded
    .replace(/^\uFEFF/, '')
    .replace(CONTROL, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

function decodeBytes(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', bytes);
  // NUL is valid UTF-8 and GB18030, but no text file outside UTF-16 has one.
  if (bytes.includes(0)) return null;
  return decodeAs('utf-8', bytes) ?? decodeAs('gb18030', bytes);
}

function decodeAs(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
