import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import {
  documentAccess,
  type DocumentAccess,
  type DocumentCaller,
} from '../../shared/meetings/documentAccess.js';
import {
  documentTitle,
  hasDocument,
  meetingDocumentName,
  meetingDocuments,
  parseMeetingDocumentName,
  type MeetingMember,
} from '../../shared/meetings/meetingDocuments.js';
import type {
  MeetingDetailView,
  MeetingKind,
  MeetingStatus,
  MeetingSummaryView,
  MeetingView,
} from '../../shared/meetings/meetingSchemas.js';
import type { UserRow } from '../auth/Accounts.js';
import type { SyncAuthorization } from '../auth/sessionSyncHooks.js';
import type { Branches } from '../branches/Branches.js';
import { aspectsOf, type MeetingRow, type Meetings } from './Meetings.js';

/** The caller as one meeting sees them. */
export interface MeetingCaller extends DocumentCaller {
  isAdmin: boolean;
  /** The branch secretary and the meeting's hosts edit the meeting, its people and its status. */
  canManage: boolean;
}

/**
 * Who may see a meeting, manage it, and read or write which of its documents (DESIGN.md §5):
 * the answers the REST routes and the sync channel both give.
 */
export class MeetingAccess {
  constructor(private readonly deps: { meetings: Meetings; branches: Branches }) {}

  async callerOf(meeting: MeetingRow, user: UserRow): Promise<MeetingCaller> {
    const [members, branchRole] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.roleOf(meeting.branch_id, user.id),
    ]);
    return this.caller(user, members, branchRole);
  }

  /**
   * The meetings among `rows` that the user may know of, as list entries: three queries
   * however long the list.
   */
  async summaries(rows: readonly MeetingRow[], user: UserRow): Promise<MeetingSummaryView[]> {
    const [roles, branches] = await Promise.all([
      this.deps.meetings.rolesOf(
        user.id,
        rows.map((r) => r.id),
      ),
      this.deps.branches.listFor(user.id, true),
    ]);
    const branchById = new Map(branches.map((b) => [b.id, b]));
    return rows.flatMap((row) => {
      const branch = branchById.get(row.branch_id);
      const members = [{ userId: user.id, roles: roles.get(row.id) ?? [] }];
      const caller = this.caller(user, members, (branch?.role ?? null) as BranchRole | null);
      if (!this.canSee(row, caller)) return [];
      return [{ ...toMeetingView(row, branch?.name ?? ''), myRoles: [...caller.roles] }];
    });
  }

  /** Whether the caller may know the meeting exists: drafts are for those who manage them. */
  canSee(meeting: MeetingRow, caller: MeetingCaller): boolean {
    if (caller.canManage || caller.isAdmin) return true;
    return meeting.status !== 'draft' && (caller.branchRole !== null || caller.roles.length > 0);
  }

  async detail(meeting: MeetingRow, caller: MeetingCaller): Promise<MeetingDetailView> {
    const [participants, branch] = await Promise.all([
      this.deps.meetings.participants(meeting),
      this.deps.branches.findById(meeting.branch_id),
    ]);
    const names = new Map(participants.map((p) => [p.userId, p.displayName]));
    const kind = meeting.kind as MeetingKind;
    const documents = meetingDocuments(participants).flatMap((ref) => {
      const access = documentAccess(toAccessMeeting(meeting), caller, ref);
      if (access === 'none') return [];
      const owner = ref.ownerId === null ? null : (names.get(ref.ownerId) ?? null);
      return [
        {
          name: meetingDocumentName(meeting.id, ref),
          title: documentTitle(kind, ref, owner),
          kind: ref.kind,
          ownerId: ref.ownerId,
          canWrite: access === 'write',
        },
      ];
    });
    return {
      ...toMeetingView(meeting, branch?.name ?? ''),
      participants,
      documents,
      myRoles: [...caller.roles],
      canManage: caller.canManage,
    };
  }

  /** The sync channel's question: may this user open this document, and write to it? */
  async authorizeDocument(user: UserRow, documentName: string): Promise<SyncAuthorization> {
    const rights = await this.documentRights(user, documentName);
    if (rights === 'unknown') return { refuse: 'not_found.document' };
    if (rights.access === 'none') return { refuse: 'forbidden.not_readable' };
    return { canWrite: rights.access === 'write' };
  }

  /**
   * The document's meeting, the caller there and their access to it; 'unknown' when the name
   * names no document of a meeting the caller is in (outsiders learn nothing, not even that
   * the meeting exists).
   */
  async documentRights(
    user: UserRow,
    documentName: string,
  ): Promise<{ meeting: MeetingRow; caller: MeetingCaller; access: DocumentAccess } | 'unknown'> {
    const ref = parseMeetingDocumentName(documentName);
    const meeting = ref && (await this.deps.meetings.findById(ref.meetingId));
    if (!ref || !meeting) return 'unknown';
    const [members, branchRole] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.roleOf(meeting.branch_id, user.id),
    ]);
    const caller = this.caller(user, members, branchRole);
    if (caller.roles.length === 0 || !hasDocument(members, ref)) return 'unknown';
    return { meeting, caller, access: documentAccess(toAccessMeeting(meeting), caller, ref) };
  }

  private caller(
    user: UserRow,
    members: MeetingMember[],
    branchRole: BranchRole | null,
  ): MeetingCaller {
    const roles = members.find((m) => m.userId === user.id)?.roles ?? [];
    return {
      userId: user.id,
      roles,
      branchRole,
      isAdmin: user.is_admin === 1,
      canManage: branchRole === 'secretary' || roles.includes('host'),
    };
  }
}

function toMeetingView(row: MeetingRow, branchName: string): MeetingView {
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName,
    kind: row.kind as MeetingKind,
    title: row.title,
    year: row.year,
    theme: row.theme,
    aspects: aspectsOf(row),
    scheduledAt: row.scheduled_at,
    location: row.location,
    status: row.status as MeetingStatus,
    templateId: row.template_id,
    previousMeetingId: row.previous_meeting_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAccessMeeting(row: MeetingRow): { kind: MeetingKind; status: MeetingStatus } {
  return { kind: row.kind as MeetingKind, status: row.status as MeetingStatus };
}
