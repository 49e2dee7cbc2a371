import type { AccessChange } from '../../shared/cluster/clusterEvents.js';
import { parseMeetingDocumentName } from '../../shared/meetings/meetingDocuments.js';

/**
 * Whether a sync connection (its user, and its document) is one that an access change closes:
 * a document of one of the meetings, and either everyone's, or the connection of someone
 * named, or a document someone named owns.
 */
export function accessChangeCovers(
  change: AccessChange,
  userId: number | null,
  documentName: string,
): boolean {
  const parsed = parseMeetingDocumentName(documentName);
  if (!parsed || !change.meetingIds.includes(parsed.meetingId)) return false;
  if (!change.userIds) return true;
  const named = new Set(change.userIds);
  return [userId, parsed.ownerId].some((id) => id !== null && named.has(id));
}
