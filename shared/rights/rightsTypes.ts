import type { BranchRole } from '../branches/branchSchemas.js';
import type {
  MeetingDocumentKind,
  MeetingKind,
  MeetingRole,
  MeetingStatus,
} from '../meetings/meetingSchemas.js';

/** Who is asking, as one meeting (or branch) knows them. */
export interface RightsCaller {
  userId: number;
  /** Site admin: manages accounts; sees meetings but reads no content unless in the meeting. */
  isAdmin: boolean;
  /** Their role in the meeting's branch, or null. */
  branchRole: BranchRole | null;
  /** Their roles in the meeting; none for outsiders. */
  roles: readonly MeetingRole[];
}

/** What the question is about: a meeting, one of its documents, one of its items. */
export interface RightsSubject {
  /** Absent for branch-level questions (the whole ledger). */
  meeting?: { kind: MeetingKind; status: MeetingStatus };
  document?: { kind: MeetingDocumentKind; ownerId: number | null };
  item?: { ownerUserId: number; leaderUserId: number | null };
}

/**
 * Why a question was answered no, which decides what each transport says:
 * `unseen` 404 / close 4404 (the caller learns nothing, not even that the meeting exists);
 * `forbidden` 403 / 4403; `closed` 409 meeting_closed (the record is final);
 * `notLive` 409 not in progress (moderation needs an open or running meeting).
 */
export type Refusal = 'unseen' | 'forbidden' | 'closed' | 'notLive';

export type Decision = { ok: true } | { ok: false; refusal: Refusal };
