import type { AccessChange } from '../../shared/cluster/clusterEvents.js';
import { parseMeetingDocumentName } from '../../shared/meetings/meetingDocuments.js';

/**
 * Whether a sync connection (its user, null while still being admitted, and its document) is
 * one that an access change closes: a document of one of the meetings, and either everyone's,
 * or the connection of someone named, or a document someone named owns. A connection still
 * being admitted may have read the old rights, so it closes too.
 */
export function accessChangeCovers(
  change: AccessChange,
  userId: number | null,
  documentName: string,
): boolean {
  const parsed = parseMeetingDocumentName(documentName);
  if (!parsed || !change.meetingIds.includes(parsed.meetingId)) return false;
  if (!change.userIds || userId === null) return true;
  const named = new Set(change.userIds);
  return named.has(userId) || (parsed.ownerId !== null && named.has(parsed.ownerId));
}
