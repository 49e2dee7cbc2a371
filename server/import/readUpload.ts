import {
  IMPORT_EXTENSIONS,
  ImportLimits,
  type ImportExtension,
} from '../../shared/import/importLimits.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { decodeText } from './decodeText.js';

/**
 * The extension of a file that can be imported, or 415 `unsupported_file_type`; checked
 * before the upload is read, so a refused type costs nothing.
 */
export function importExtension(fileName: string): ImportExtension {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  const known = IMPORT_EXTENSIONS.find((e) => e === extension);
  if (known) return known;
  const oldWord = extension === 'doc' || extension === 'wps';
  throw new DomainError(oldWord ? 'unsupported_file_type.old_word' : 'unsupported_file_type');
}

/**
 * An uploaded file as plain text, one paragraph a line, or a clear refusal: 413 over the
 * size limit, 415 for other types, 422 for a file that is not what its name says, 400 for
 * one with no text.
 */
export async function readUpload(fileName: string, bytes: Uint8Array): Promise<string> {
  const extension = importExtension(fileName);
  if (bytes.length > ImportLimits.maxFileBytes) throw fileTooLarge();
  if (bytes.length === 0) throw emptyFile();
  // mammoth and jszip load with the first .docx, not at start.
  const text =
    extension === 'docx'
      ? await (await import('./readDocx.js')).readDocx(bytes)
      : decodeText(bytes);
  if (text.trim() === '') throw emptyFile();
  if (text.length > ImportLimits.maxTextLength) {
    throw new DomainError('text_too_long', { max: ImportLimits.maxTextLength });
  }
  return text;
}

function emptyFile(): DomainError {
  return new DomainError('empty_file');
}

/** 413 `file_too_large`, whether the upload is refused while it arrives or after. */
export function fileTooLarge(): DomainError {
  return new DomainError('file_too_large', { size: ImportLimits.maxFileBytes / 1024 / 1024 });
}
