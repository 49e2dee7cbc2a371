import {
  IMPORT_EXTENSIONS,
  ImportLimits,
  type ImportExtension,
} from '../../shared/import/importLimits.js';
import { HttpError } from '../http/HttpError.js';
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
  const hint = extension === 'doc' || extension === 'wps' ? '，请先另存为 .docx' : '';
  throw new HttpError(
    415,
    'unsupported_file_type',
    `只能导入 .docx、.txt 或 .md 文件${hint} (unsupported file type)`,
  );
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
    throw new HttpError(
      422,
      'text_too_long',
      `文件文字超过 ${ImportLimits.maxTextLength} 字，请分段导入 (text too long)`,
    );
  }
  return text;
}

function emptyFile(): HttpError {
  return new HttpError(400, 'empty_file', '文件是空的，没有可导入的文字 (empty file)');
}

/** 413 `file_too_large`, whether the upload is refused while it arrives or after. */
export function fileTooLarge(): HttpError {
  return new HttpError(
    413,
    'file_too_large',
    `文件超过 ${ImportLimits.maxFileBytes / 1024 / 1024} MB，无法导入 (file too large)`,
  );
}
