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
import { CloseCode } from '../../shared/sync/closeCodes.js';
import type { User } from '../auth/Accounts.js';
import type { SyncAuthorization } from '../auth/sessionSyncHooks.js';
import type { Branches } from '../branches/Branches.js';
import { type Meeting, type Meetings } from './Meetings.js';

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

  async callerOf(meeting: Meeting, user: User): Promise<MeetingCaller> {
    const [members, branchRole] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.roleOf(meeting.branchId, user.id),
    ]);
    return this.caller(user, members, branchRole);
  }

  /**
   * The meetings among `rows` that the user may know of, as list entries: three queries
   * however long the list.
   */
  async summaries(rows: readonly Meeting[], user: User): Promise<MeetingSummaryView[]> {
    const [roles, branches] = await Promise.all([
      this.deps.meetings.rolesOf(
        user.id,
        rows.map((r) => r.id),
      ),
      this.deps.branches.listFor(user.id, true),
    ]);
    const branchById = new Map(branches.map((b) => [b.id, b]));
    return rows.flatMap((row) => {
      const branch = branchById.get(row.branchId);
      const members = [{ userId: user.id, roles: roles.get(row.id) ?? [] }];
      const caller = this.caller(user, members, branch?.role ?? null);
      if (!this.canSee(row, caller)) return [];
      return [{ ...toMeetingView(row, branch?.name ?? ''), myRoles: [...caller.roles] }];
    });
  }

  /** Whether the caller may know the meeting exists: drafts are for those who manage them. */
  canSee(meeting: Meeting, caller: MeetingCaller): boolean {
    if (caller.canManage || caller.isAdmin) return true;
    return meeting.status !== 'draft' && (caller.branchRole !== null || caller.roles.length > 0);
  }

  async detail(meeting: Meeting, caller: MeetingCaller): Promise<MeetingDetailView> {
    const [participants, branch] = await Promise.all([
      this.deps.meetings.participants(meeting),
      this.deps.branches.findById(meeting.branchId),
    ]);
    const names = new Map(participants.map((p) => [p.userId, p.displayName]));
    const kind = meeting.kind;
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
  async authorizeDocument(user: User, documentName: string): Promise<SyncAuthorization> {
    const rights = await this.documentRights(user, documentName);
    if (rights === 'unknown') {
      return { refuse: CloseCode.unknownDocument, reason: 'no such document' };
    }
    if (rights.access === 'none')
      return { refuse: CloseCode.forbidden, reason: 'not yours to read' };
    return { canWrite: rights.access === 'write' };
  }

  /**
   * The document's meeting, the caller there and their access to it; 'unknown' when the name
   * names no document of a meeting the caller is in (outsiders learn nothing, not even that
   * the meeting exists).
   */
  async documentRights(
    user: User,
    documentName: string,
  ): Promise<{ meeting: Meeting; caller: MeetingCaller; access: DocumentAccess } | 'unknown'> {
    const ref = parseMeetingDocumentName(documentName);
    const meeting = ref && (await this.deps.meetings.findById(ref.meetingId));
    if (!ref || !meeting) return 'unknown';
    const [members, branchRole] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.roleOf(meeting.branchId, user.id),
    ]);
    const caller = this.caller(user, members, branchRole);
    if (caller.roles.length === 0 || !hasDocument(members, ref)) return 'unknown';
    return { meeting, caller, access: documentAccess(toAccessMeeting(meeting), caller, ref) };
  }

  private caller(
    user: User,
    members: MeetingMember[],
    branchRole: BranchRole | null,
  ): MeetingCaller {
    const roles = members.find((m) => m.userId === user.id)?.roles ?? [];
    return {
      userId: user.id,
      roles,
      branchRole,
      isAdmin: user.isAdmin,
      canManage: branchRole === 'secretary' || roles.includes('host'),
    };
  }
}

function toMeetingView(row: Meeting, branchName: string): MeetingView {
  return {
    id: row.id,
    branchId: row.branchId,
    branchName,
    kind: row.kind,
    title: row.title,
    year: row.year,
    theme: row.theme,
    aspects: row.aspects,
    scheduledAt: row.scheduledAt,
    location: row.location,
    status: row.status,
    templateId: row.templateId,
    previousMeetingId: row.previousMeetingId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toAccessMeeting(row: Meeting): { kind: MeetingKind; status: MeetingStatus } {
  return { kind: row.kind, status: row.status };
}
