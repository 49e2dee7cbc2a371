import { z } from 'zod';
import { documentNameSchema } from '../sync/documentName.js';

/** The files of a meeting that `GET /api/meetings/:id/export/<file>` serves (docs/api.md, docs/exports.md). */
export const MEETING_EXPORT_FILES = [
  'minutes.docx',
  'minutes.md',
  'report.docx',
  'rectifications.xlsx',
  'document.docx',
] as const;
export const meetingExportFileSchema = z.enum(MEETING_EXPORT_FILES);
export type MeetingExportFile = z.infer<typeof meetingExportFileSchema>;

/** `GET /api/meetings/:id/export/document.docx?document=m/<id>/collective` */
export const exportDocumentQuerySchema = z.object({ document: documentNameSchema });

/** What each file is called after the meeting's title: `2024年度民主生活会-会议记录.docx`. */
export const EXPORT_FILE_LABELS: Readonly<
  Record<Exclude<MeetingExportFile, 'document.docx'>, string>
> = {
  'minutes.docx': '会议记录',
  'minutes.md': '会议记录',
  'report.docx': '召开情况报告',
  'rectifications.xlsx': '整改台账',
};
