import { parseMeetingDocumentName } from '../../../shared/meetings/meetingDocuments.js';

/**
 * Whether the page may offer 导入材料 for a document the caller can write: only the checking
 * materials take an import, the collective one and the caller's own (as the server checks).
 */
export function mayImportInto(documentName: string, userId: number): boolean {
  const ref = parseMeetingDocumentName(documentName);
  return ref?.kind === 'collective' || (ref?.kind === 'self' && ref.ownerId === userId);
}

/**
 * Whether the caller may hand the imported measures to the host as proposed rectification
 * items: the meeting's managers for any material, a member for their own (server/rectifications).
 */
export function mayProposeFrom(documentName: string, userId: number, canManage: boolean): boolean {
  const ref = parseMeetingDocumentName(documentName);
  return canManage || (ref?.kind === 'self' && ref.ownerId === userId);
}
