import { EXPORT_FILE_LABELS, type MeetingExportFile } from '../../shared/export/exportSchemas.js';
import { documentTitle } from '../../shared/meetings/meetingDocuments.js';
import type { User } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import { accessUser, type MeetingAccess } from '../meetings/MeetingAccess.js';
import { refusalError } from '../meetings/refusalError.js';
import type { Meetings } from '../meetings/Meetings.js';
import type { ModerationService } from '../moderation/ModerationService.js';
import { assembleMinutes } from './assembleMinutes.js';
import { assembleReport } from './assembleReport.js';
import { EXPORT_CONTENT_TYPE, safeFileName } from './contentDisposition.js';
import { contentToBlocks } from './contentToBlocks.js';
import { ledgerRow } from './ledgerRows.js';
import type { MeetingRecordReader } from './MeetingRecordReader.js';
import { fileWriters } from './fileWriters.js';
import { renderMarkdown } from './renderMarkdown.js';

export interface ExportedFile {
  /** The name to save it under, e.g. `2024年度民主生活会-会议记录.docx`. */
  fileName: string;
  contentType: string;
  body: Buffer;
}

export type MeetingFile = Exclude<MeetingExportFile, 'document.docx'>;

export interface MeetingExportsDeps {
  meetings: Meetings;
  meetingAccess: MeetingAccess;
  moderation: ModerationService;
  records: MeetingRecordReader;
  audit: AuditLog;
  timeZone: string;
}

const { docx: DOCX, xlsx: XLSX, markdown: MARKDOWN } = EXPORT_CONTENT_TYPE;

/**
 * The meeting's files (docs/exports.md): the minutes, the report and the ledger for everyone in the
 * meeting, a material for whoever may read it (shared/rights: 404 for who may not see the
 * meeting, 403 for who sees it but is not in it). Each
 * export is audited (`meeting.export`), since the files leave the server.
 */
export class MeetingExports {
  constructor(private readonly deps: MeetingExportsDeps) {}

  async meetingFile(
    user: User,
    meetingId: number,
    file: MeetingFile,
    ip: string,
  ): Promise<ExportedFile> {
    const [found, meeting] = await Promise.all([
      this.deps.moderation.stateFor(meetingId, accessUser(user), 'export.meeting'),
      this.deps.meetings.findById(meetingId),
    ]);
    if (!found.ok) throw refusalError(found.refusal);
    if (!meeting) throw refusalError('unseen');
    const { state } = found;
    const record = await this.deps.records.read(meeting, state, accessUser(user));
    const name = `${safeFileName(meeting.title)}-${EXPORT_FILE_LABELS[file]}`;
    let exported: ExportedFile;
    switch (file) {
      case 'minutes.docx':
        exported = {
          fileName: `${name}.docx`,
          contentType: DOCX,
          body: await fileWriters.docx(assembleMinutes(record)),
        };
        break;
      case 'minutes.md':
        exported = {
          fileName: `${name}.md`,
          contentType: MARKDOWN,
          body: Buffer.from(renderMarkdown(assembleMinutes(record)), 'utf8'),
        };
        break;
      case 'report.docx':
        exported = {
          fileName: `${name}.docx`,
          contentType: DOCX,
          body: await fileWriters.docx(assembleReport(record)),
        };
        break;
      case 'rectifications.xlsx':
        exported = {
          fileName: `${name}.xlsx`,
          contentType: XLSX,
          body: await fileWriters.ledgerXlsx(
            `${meeting.title}整改台账`,
            record.rectifications.map(ledgerRow),
            { timeZone: this.deps.timeZone },
          ),
        };
        break;
    }
    await this.audited(user, meetingId, ip, { kind: file });
    return exported;
  }

  /** One of the meeting's documents as Word, titled as the meeting page titles it. */
  async documentFile(
    user: User,
    meetingId: number,
    documentName: string,
    ip: string,
  ): Promise<ExportedFile> {
    const { meeting, document: ref } = await this.deps.meetingAccess.requireDocument(
      user,
      documentName,
      'document.export',
      { meetingId },
    );
    const owner =
      ref.ownerId === null
        ? null
        : ((await this.deps.meetings.participants(meeting)).find((p) => p.userId === ref.ownerId)
            ?.displayName ?? null);
    const title = documentTitle(meeting.kind, ref, owner);
    const content = await this.deps.records.content(documentName);
    const body = await fileWriters.docx({
      title,
      blocks: content === null ? [] : contentToBlocks(content),
    });
    await this.audited(user, meetingId, ip, { kind: 'document.docx', document: documentName });
    return {
      fileName: `${safeFileName(meeting.title)}-${safeFileName(title)}.docx`,
      contentType: DOCX,
      body,
    };
  }

  private audited(
    user: User,
    meetingId: number,
    ip: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record({
      action: 'meeting.export',
      actorId: user.id,
      subject: `meeting:${meetingId}`,
      ip,
      detail,
    });
  }
}
