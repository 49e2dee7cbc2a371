import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import {
  VERIFIABLE_STATUSES,
  type RectificationStatus,
} from '../../shared/rectifications/rectificationCodes.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
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
  item: { owner_user_id: number; leader_user_id: number | null },
): boolean {
  return (
    caller.canManage ||
    item.owner_user_id === caller.userId ||
    item.leader_user_id === caller.userId
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

export function forbidden(key: ErrorKey & `forbidden.${string}`): DomainError {
  return new DomainError(key);
}

export function assertNotVerified(item: { verified_at: number | null; status: string }): void {
  if (item.verified_at !== null) {
    throw new DomainError('already_verified');
  }
}

export function assertCompleted(item: { verified_at: number | null; status: string }): void {
  if (!VERIFIABLE_STATUSES.includes(item.status as RectificationStatus)) {
    throw new DomainError('not_completed');
  }
}
