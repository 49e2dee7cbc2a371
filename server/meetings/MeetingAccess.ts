import {
  documentTitle,
  hasDocument,
  meetingDocumentName,
  meetingDocuments,
  parseMeetingDocumentName,
  type MeetingMember,
  type ParsedMeetingDocument,
} from '../../shared/meetings/meetingDocuments.js';
import type {
  MeetingDetailView,
  MeetingKind,
  MeetingStatus,
  MeetingSummaryView,
  MeetingView,
} from '../../shared/meetings/meetingSchemas.js';
import { decide } from '../../shared/rights/can.js';
import { meetingAbilities } from '../../shared/rights/meetingAbilities.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { Decision, RightsCaller, RightsSubject } from '../../shared/rights/rightsTypes.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
import type { SyncAuthorization } from '../auth/sessionSyncHooks.js';
import type { BranchRole } from '../../shared/branches/branchSchemas.js';
import type { Branches } from '../branches/Branches.js';
import { type Meeting, type Meetings } from './Meetings.js';
import { refusalError } from './refusalError.js';

/** The caller as one meeting sees them: the facts the rule book decides on. */
export type MeetingCaller = RightsCaller;

/** A signed-in user, as much as access needs (sessions, sockets). */
export interface AccessUser {
  id: number;
  isAdmin: boolean;
}

/** `User`-like rows to `AccessUser`. */
export function accessUser(user: AccessUser): AccessUser {
  return { id: user.id, isAdmin: user.isAdmin };
}

type UserLike = AccessUser;

/** What else a question is about, besides the meeting. */
export type AccessExtra = Omit<RightsSubject, 'meeting'>;

/**
 * The meeting side of the rule book (shared/rights): finds the caller's facts and asks `can`,
 * for the REST routes, the sync channel, socket.io and the services alike.
 */
export class MeetingAccess {
  constructor(private readonly deps: { meetings: Meetings; branches: Branches }) {}

  async callerOf(meeting: Meeting, user: UserLike): Promise<MeetingCaller> {
    const [members, branchRole] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.roleOf(meeting.branchId, user.id),
    ]);
    return callerFrom(user, members, branchRole);
  }

  decide(meeting: Meeting, caller: MeetingCaller, action: Action, extra?: AccessExtra): Decision {
    return decide(caller, action, { ...extra, meeting: subjectOf(meeting) });
  }

  can(meeting: Meeting, caller: MeetingCaller, action: Action, extra?: AccessExtra): boolean {
    return this.decide(meeting, caller, action, extra).ok;
  }

  /** The decision for a user on a meeting row (the moderation and appraisal queues' check). */
  async decideFor(
    meeting: Meeting,
    user: UserLike,
    action: Action,
    extra?: AccessExtra,
  ): Promise<Decision> {
    return this.decide(meeting, await this.callerOf(meeting, user), action, extra);
  }

  /**
   * The meeting and the caller if the rule book allows the action; else its refusal as an error
   * (404 for one who may not see the meeting, 403, or 409 for a closed or idle meeting).
   */
  async require(
    meetingId: number,
    user: UserLike,
    action: Action,
    options: { extra?: AccessExtra; forbidden?: ErrorKey } = {},
  ): Promise<{ meeting: Meeting; caller: MeetingCaller }> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw refusalError('unseen');
    const caller = await this.callerOf(meeting, user);
    this.assert(meeting, caller, action, options);
    return { meeting, caller };
  }

  /** Throws the refusal, if any, as the routes answer it. */
  assert(
    meeting: Meeting,
    caller: MeetingCaller,
    action: Action,
    options: { extra?: AccessExtra; forbidden?: ErrorKey } = {},
  ): void {
    const decision = this.decide(meeting, caller, action, options.extra);
    if (!decision.ok) {
      throw refusalError(
        decision.refusal,
        decision.refusal === 'forbidden' ? options.forbidden : undefined,
      );
    }
  }

  /** The meetings among `rows` that the user may see, as list entries: three queries however long. */
  async summaries(rows: readonly Meeting[], user: UserLike): Promise<MeetingSummaryView[]> {
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
      const caller = callerFrom(user, members, branch?.role ?? null);
      if (!this.can(row, caller, 'meeting.see')) return [];
      return [{ ...toMeetingView(row, branch?.name ?? ''), myRoles: [...caller.roles] }];
    });
  }

  async detail(meeting: Meeting, caller: MeetingCaller): Promise<MeetingDetailView> {
    const [participants, branch] = await Promise.all([
      this.deps.meetings.participants(meeting),
      this.deps.branches.findById(meeting.branchId),
    ]);
    const names = new Map(participants.map((p) => [p.userId, p.displayName]));
    const kind = meeting.kind;
    const documents = meetingDocuments(participants).flatMap((document) => {
      if (!this.can(meeting, caller, 'document.read', { document })) return [];
      const owner = document.ownerId === null ? null : (names.get(document.ownerId) ?? null);
      return [
        {
          name: meetingDocumentName(meeting.id, document),
          title: documentTitle(kind, document, owner),
          kind: document.kind,
          ownerId: document.ownerId,
          canWrite: this.can(meeting, caller, 'document.write', { document }),
        },
      ];
    });
    const abilities = meetingAbilities(caller, subjectOf(meeting));
    return {
      ...toMeetingView(meeting, branch?.name ?? ''),
      participants,
      documents,
      myRoles: [...caller.roles],
      canManage: abilities['meeting.manage'],
      me: caller,
      abilities,
    };
  }

  /** The sync channel's question: may this user open this document, and write to it? */
  async authorizeDocument(user: UserLike, documentName: string): Promise<SyncAuthorization> {
    const found = await this.document(user, documentName);
    if (found === 'unknown') {
      return { refuse: 'not_found.document' };
    }
    const read = this.decide(found.meeting, found.caller, 'document.read', {
      document: found.document,
    });
    if (!read.ok) {
      return read.refusal === 'unseen'
        ? { refuse: 'not_found.document' }
        : { refuse: 'forbidden.not_readable' };
    }
    return {
      canWrite: this.can(found.meeting, found.caller, 'document.write', {
        document: found.document,
      }),
    };
  }

  /**
   * The document's meeting and the caller there; 'unknown' when the name names no document of
   * a meeting the caller may see (who may not see it learns nothing, not even that it exists).
   */
  async document(
    user: UserLike,
    documentName: string,
  ): Promise<
    { meeting: Meeting; caller: MeetingCaller; document: ParsedMeetingDocument } | 'unknown'
  > {
    const document = parseMeetingDocumentName(documentName);
    const meeting = document && (await this.deps.meetings.findById(document.meetingId));
    if (!document || !meeting) return 'unknown';
    const [members, branchRole] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.roleOf(meeting.branchId, user.id),
    ]);
    const caller = callerFrom(user, members, branchRole);
    if (!this.can(meeting, caller, 'meeting.see') || !hasDocument(members, document)) {
      return 'unknown';
    }
    return { meeting, caller, document };
  }

  /**
   * The document's meeting and caller if the action on it is allowed; else 404 for a document
   * the caller may not know of, or the rule book's refusal.
   */
  async requireDocument(
    user: UserLike,
    documentName: string,
    action: Action,
    options: { meetingId?: number; forbidden?: ErrorKey } = {},
  ): Promise<{ meeting: Meeting; caller: MeetingCaller; document: ParsedMeetingDocument }> {
    const found = await this.document(user, documentName);
    if (
      found === 'unknown' ||
      (options.meetingId !== undefined && found.meeting.id !== options.meetingId)
    ) {
      throw refusalError('unseen', 'not_found.document');
    }
    this.assert(found.meeting, found.caller, action, {
      extra: { document: found.document },
      forbidden: options.forbidden,
    });
    return found;
  }
}

function callerFrom(
  user: UserLike,
  members: readonly MeetingMember[],
  branchRole: BranchRole | null,
): MeetingCaller {
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    branchRole,
    roles: [...(members.find((m) => m.userId === user.id)?.roles ?? [])],
  };
}

/** What the rule book needs of a meeting. */
export function subjectOf(row: Meeting): { kind: MeetingKind; status: MeetingStatus } {
  return { kind: row.kind, status: row.status };
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
