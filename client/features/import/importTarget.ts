import { parseMeetingDocumentName } from '../../../shared/meetings/meetingDocuments.js';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { can } from '../../../shared/rights/can.js';
import type { Action } from '../../../shared/rights/rightsTable.js';

/** The rule book's answer for a document of the meeting; false for a name that is none. */
function mayOn(meeting: MeetingDetailView, documentName: string, action: Action): boolean {
  const document = parseMeetingDocumentName(documentName);
  return document !== null && can(meeting.me, action, { meeting, document });
}

/**
 * Whether the page may offer 导入材料: only the checking materials the caller may write take
 * an import, the collective one and the caller's own (as the server checks).
 */
export function mayImportInto(meeting: MeetingDetailView, documentName: string): boolean {
  return mayOn(meeting, documentName, 'document.import');
}

/**
 * Whether the caller may hand the imported measures to the host as proposed rectification
 * items: the meeting's managers for any material, a member for their own.
 */
export function mayProposeFrom(meeting: MeetingDetailView, documentName: string): boolean {
  return mayOn(meeting, documentName, 'rectification.propose');
}
