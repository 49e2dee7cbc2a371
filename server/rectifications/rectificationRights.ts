import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import {
  VERIFIABLE_STATUSES,
  type RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';
import { HttpError } from '../http/HttpError.js';
import type { ParsedMeetingDocument } from '../../shared/meetings/meetingDocuments.js';
import type { MeetingCaller } from '../meetings/MeetingAccess.js';

// Who may do what with rectification items (DESIGN.md §2, §4): the answers every route gives.

/** Branch roles that read the whole branch's ledger. */
const LEDGER_ROLES: readonly BranchRole[] = ['secretary', 'deputy', 'committee'];

/** Everyone in the meeting, its managers, and the branch's committee read its items. */
export function mayRead(caller: MeetingCaller): boolean {
  return caller.roles.length > 0 || caller.canManage || mayReadBranchLedger(caller.branchRole);
}

export function mayReadBranchLedger(role: BranchRole | null): boolean {
  return role !== null && LEDGER_ROLES.includes(role);
}

/** Create items and edit their fields: the managers (host, branch secretary) and the recorder. */
export function mayEdit(caller: MeetingCaller): boolean {
  return caller.canManage || caller.roles.includes('recorder');
}

/** Add progress and move the status: the item's owner (责任人) and leader (责任领导), and managers. */
export function mayReport(
  caller: MeetingCaller,
  item: { ownerUserId: number; leaderUserId: number | null },
): boolean {
  return (
    caller.canManage || item.ownerUserId === caller.userId || item.leaderUserId === caller.userId
  );
}

/** 销号 and sending back: the branch secretary or deputy, or the meeting's host. */
export function mayVerify(caller: MeetingCaller): boolean {
  return (
    caller.branchRole === 'secretary' ||
    caller.branchRole === 'deputy' ||
    caller.roles.includes('host')
  );
}

/** Propose items from a document: managers, or the owner of the personal material imported. */
export function mayPropose(caller: MeetingCaller, document: ParsedMeetingDocument): boolean {
  return caller.canManage || (document.kind === 'self' && document.ownerId === caller.userId);
}

/** Accept or drop proposals: managers only. */
export function mayDecideProposals(caller: MeetingCaller): boolean {
  return caller.canManage;
}

export function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message);
}

export function assertNotVerified(item: {
  verifiedAt: number | null;
  status: RectificationStatus;
}): void {
  if (item.verifiedAt !== null) {
    throw new HttpError(409, 'already_verified', '该整改事项已销号 (already verified)');
  }
}

export function assertCompleted(item: {
  verifiedAt: number | null;
  status: RectificationStatus;
}): void {
  if (!VERIFIABLE_STATUSES.includes(item.status)) {
    throw new HttpError(
      409,
      'not_completed',
      '只有“已完成”或“长期坚持”的整改事项可以销号或退回 (not done)',
    );
  }
}
