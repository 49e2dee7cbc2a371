import type { Response } from 'express';
import { contentDisposition } from '../export/contentDisposition.js';
import type { ExportedFile } from '../export/MeetingExports.js';

/** Sends an exported file as a download that no proxy or browser cache keeps (it is sensitive). */
export function sendExportedFile(res: Response, file: ExportedFile): void {
  res.setHeader('content-type', file.contentType);
  res.setHeader('content-disposition', contentDisposition(file.fileName));
  res.setHeader('cache-control', 'no-store');
  res.send(file.body);
}
