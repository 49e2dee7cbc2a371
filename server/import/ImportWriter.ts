import type { ImportRequest, ImportResponse } from '../../shared/import/importSchemas.js';
import { outlineToContent } from '../../shared/import/outlineToContent.js';
import { parseOutline } from '../../shared/import/parseOutline.js';
import { proposedMeasures } from '../../shared/import/proposedMeasures.js';
import type { User } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';
import type { ServerDocuments } from '../documents/ServerDocuments.js';
import type { MeetingAccess } from '../meetings/MeetingAccess.js';

export interface ImportWriterDeps {
  meetingAccess: MeetingAccess;
  versions: DocumentVersions;
  documents: ServerDocuments;
  audit: AuditLog;
}

/** The label of the version a replacing import saves first, so nothing is lost. */
export const BEFORE_IMPORT_LABEL = '导入前自动保存';

/**
 * Writes an imported text into one of a meeting's documents: the collective material or the
 * caller's own checking material, never anyone else's. The text goes into the live Yjs room,
 * so the pages that have the document open see it at once.
 */
export class ImportWriter {
  constructor(private readonly deps: ImportWriterDeps) {}

  async write(
    user: User,
    meetingId: number,
    request: ImportRequest,
    ip: string,
  ): Promise<ImportResponse> {
    const { document, mode, text } = request;
    await this.deps.meetingAccess.requireDocument(user, document, 'document.import', {
      meetingId,
      forbidden: 'forbidden.import_target',
    });

    const outline = parseOutline(text);
    const content = outlineToContent(outline);
    let versionId: number | null = null;
    if (mode === 'replace') {
      versionId = (await this.deps.versions.save(document, BEFORE_IMPORT_LABEL, 'manual', user.id))
        .id;
      await this.deps.documents.replace(document, content);
    } else {
      await this.deps.documents.append(document, content.content ?? []);
    }
    await this.deps.audit.record({
      action: 'document.import',
      actorId: user.id,
      subject: document,
      ip,
      detail: {
        mode,
        characters: text.length,
        sections: outline.sections.length,
        versionId,
      },
    });
    return { outline, proposals: proposedMeasures(outline) };
  }
}
