import type { AccessChange } from '../../shared/cluster/clusterEvents.js';
import type { MeetingMember } from '../../shared/meetings/meetingDocuments.js';
import {
  MEETING_TRANSITIONS,
  type MeetingRole,
  type MeetingStatus,
  type ParticipantEntry,
} from '../../shared/meetings/meetingSchemas.js';
import type { Accounts } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { Branches } from '../branches/Branches.js';
import { HttpError } from '../http/HttpError.js';
import type { MeetingDocumentWriter } from './MeetingDocumentWriter.js';
import type { MeetingChanges, MeetingRow, Meetings, NewMeeting } from './Meetings.js';

/** Who did something, for the audit log. */
export interface Actor {
  id: number;
  ip: string | undefined;
}

export interface MeetingServiceDeps {
  meetings: Meetings;
  branches: Branches;
  accounts: Accounts;
  audit: AuditLog;
  documents: MeetingDocumentWriter;
  /** Closes the sync connections it covers (on every instance), to admit them under new rights. */
  closeDocuments(change: AccessChange): void;
  /** Saves every document's version as a meeting starts (会前定稿) and closes (会议结束). */
  versions: {
    saveMeeting(meetingId: number, kind: 'meeting-start' | 'meeting-close'): Promise<number>;
  };
  /** Fills in the new meeting's agenda (the 通报 phase's report on last year's items). */
  agenda: { meetingCreated(meeting: MeetingRow): Promise<void> };
  /** The moderation channel follows changes of people and status. */
  moderation: {
    participantsChanged(meetingId: number): Promise<void>;
    statusChanged(meetingId: number, status: MeetingStatus): Promise<void>;
  };
}

/** Roles that need branch membership; attendees and supervisors may come from outside. */
const MEMBER_ROLES: readonly MeetingRole[] = ['host', 'recorder', 'participant'];

/** How meetings change: creation, their facts, participants and status, and branch changes around them. */
export class MeetingService {
  constructor(private readonly deps: MeetingServiceDeps) {}

  async create(request: NewMeeting, actor: Actor): Promise<MeetingRow> {
    const meeting = await this.deps.meetings.create(request);
    // The secretary who creates it hosts it and takes part, until they say otherwise.
    const creator: ParticipantEntry[] = [
      { userId: actor.id, role: 'host' },
      { userId: actor.id, role: 'participant' },
    ];
    await this.deps.meetings.replaceParticipants(meeting.id, creator);
    await this.deps.documents.ensure(meeting, await this.deps.meetings.members(meeting.id));
    await this.deps.agenda.meetingCreated(meeting);
    await this.audit(actor, 'meeting.created', meeting, {
      branchId: meeting.branch_id,
      title: meeting.title,
      templateId: meeting.template_id,
    });
    return meeting;
  }

  /** The routes ask the rule book first (`meeting.edit`: not once closed). */
  async update(meeting: MeetingRow, changes: MeetingChanges, actor: Actor): Promise<void> {
    await this.deps.meetings.update(meeting.id, changes);
    await this.audit(actor, 'meeting.updated', meeting, { fields: Object.keys(changes) });
  }

  async setParticipants(
    meeting: MeetingRow,
    entries: readonly ParticipantEntry[],
    actor: Actor,
  ): Promise<void> {
    const ids = [...new Set(entries.map((e) => e.userId))];
    const active = new Set((await this.deps.accounts.findActive(ids)).map((u) => u.id));
    const unknown = ids.filter((id) => !active.has(id));
    if (unknown.length > 0) {
      throw new HttpError(
        400,
        'invalid_participants',
        `用户不存在或已停用 (no such active user): ${unknown.join(', ')}`,
      );
    }
    const branchMembers = new Set(
      (await this.deps.branches.members(meeting.branch_id)).map((m) => m.userId),
    );
    const outsiders = entries.filter(
      (e) => MEMBER_ROLES.includes(e.role) && !branchMembers.has(e.userId),
    );
    if (outsiders.length > 0) {
      throw new HttpError(
        400,
        'invalid_participants',
        `主持人、记录人和参会人员须为本支部党员 (not a branch member): ${outsiders.map((e) => e.userId).join(', ')}`,
      );
    }
    if (meeting.status === 'in-progress') assertHostAndRecorder(entries);

    const before = await this.deps.meetings.members(meeting.id);
    await this.deps.meetings.replaceParticipants(meeting.id, entries);
    const after = await this.deps.meetings.members(meeting.id);
    await this.deps.documents.ensure(meeting, after);
    const changed = changedUsers(before, after);
    this.deps.closeDocuments({ meetingIds: [meeting.id], userIds: [...changed] });
    await this.deps.moderation.participantsChanged(meeting.id);
    await this.audit(actor, 'meeting.participants.set', meeting, { participants: entries });
  }

  async setStatus(meeting: MeetingRow, to: MeetingStatus, actor: Actor): Promise<void> {
    const from = meeting.status as MeetingStatus;
    if (!MEETING_TRANSITIONS[from].includes(to)) {
      throw new HttpError(409, 'invalid_transition', `会议状态不能从 ${from} 变为 ${to}`);
    }
    if (from === 'open' && to === 'in-progress') {
      const members = await this.deps.meetings.members(meeting.id);
      assertHostAndRecorder(members.flatMap((m) => m.roles.map((role) => ({ role }))));
    }
    if (!(await this.deps.meetings.setStatus(meeting.id, from, to))) {
      throw new HttpError(
        409,
        'conflict',
        '会议状态已被他人修改，请刷新 (the status changed meanwhile)',
      );
    }
    // Drafts, closing and reopening change who may read or write; starting changes nothing.
    if ([from, to].some((s) => s === 'draft' || s === 'closed')) {
      this.deps.closeDocuments({ meetingIds: [meeting.id] });
    }
    await this.deps.moderation.statusChanged(meeting.id, to);
    if (from === 'open' && to === 'in-progress') {
      await this.deps.versions.saveMeeting(meeting.id, 'meeting-start');
    } else if (to === 'closed') {
      await this.deps.versions.saveMeeting(meeting.id, 'meeting-close');
    }
    await this.audit(actor, 'meeting.status', meeting, { from, to });
  }

  /**
   * Refuses to take someone out of a branch while they host, record or take part in one of its
   * meetings that is not closed: those roles need branch membership.
   */
  async assertRemovableFromBranch(branchId: number, userId: number): Promise<void> {
    const held = await this.deps.meetings.activeWithRole(branchId, userId, MEMBER_ROLES);
    if (held.length > 0) {
      throw new HttpError(
        409,
        'member_in_meeting',
        `该党员仍在会议中担任角色，请先调整会议人员 (still in meeting ${held.map((m) => m.id).join(', ')})`,
      );
    }
  }

  /**
   * Someone's branch role changed (it decides who writes a 组织生活会's collective material and
   * who goes first): their open documents in the branch's meetings are admitted again, and the
   * moderation rosters follow.
   */
  async branchMemberChanged(branchId: number, userId: number): Promise<void> {
    const ids = (await this.deps.meetings.listForBranch(branchId)).map((m) => m.id);
    this.deps.closeDocuments({ meetingIds: ids, userIds: [userId] });
    for (const id of ids) await this.deps.moderation.participantsChanged(id);
  }

  private audit(
    actor: Actor,
    action: string,
    meeting: MeetingRow,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record({
      action,
      actorId: actor.id,
      subject: `meeting:${meeting.id}`,
      ip: actor.ip,
      detail,
    });
  }
}

function assertHostAndRecorder(entries: ReadonlyArray<{ role: MeetingRole }>): void {
  const has = (role: MeetingRole): boolean => entries.some((e) => e.role === role);
  if (!has('host') || !has('recorder')) {
    throw new HttpError(
      409,
      'roles_missing',
      '会议须至少有一名主持人和一名记录人 (a host and a recorder are needed)',
    );
  }
}

/** Users whose set of roles differs between the two lists. */
function changedUsers(before: MeetingMember[], after: MeetingMember[]): Set<number> {
  const key = (m: MeetingMember | undefined): string => [...(m?.roles ?? [])].sort().join(',');
  const ids = new Set([...before, ...after].map((m) => m.userId));
  return new Set(
    [...ids].filter(
      (id) => key(before.find((m) => m.userId === id)) !== key(after.find((m) => m.userId === id)),
    ),
  );
}
