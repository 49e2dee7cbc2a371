import type { AccessChange } from '../../shared/cluster/clusterEvents.js';
import type { MeetingMember } from '../../shared/meetings/meetingDocuments.js';
import {
  BRANCH_MEMBER_ROLES,
  MEETING_TRANSITIONS,
  type MeetingRole,
  type MeetingStatus,
  type ParticipantEntry,
} from '../../shared/meetings/meetingSchemas.js';
import type { Accounts } from '../auth/Accounts.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { Branches } from '../branches/Branches.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { DomainEvents } from '../events/DomainEvents.js';
import { DomainEvent } from '../events/domainEventMap.js';
import type { MeetingDocumentWriter } from './MeetingDocumentWriter.js';
import type { MeetingChanges, Meeting, Meetings, NewMeeting } from './Meetings.js';

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
  /** Saves every document's version as a meeting starts (会前定稿) and closes (会议结束). */
  versions: {
    saveMeeting(meetingId: number, kind: 'meeting-start' | 'meeting-close'): Promise<number>;
  };
  /**
   * Told `meetingCreated` (its agenda is filled in), `rosterChanged`, `meetingStatusChanged`
   * and `documentAccessChanged` (sync connections admitted again under the new rights).
   */
  events: DomainEvents;
}

/** How meetings change: creation, their facts, participants and status, and branch changes around them. */
export class MeetingService {
  constructor(private readonly deps: MeetingServiceDeps) {}

  async create(request: NewMeeting, actor: Actor): Promise<Meeting> {
    const meeting = await this.deps.meetings.create(request);
    // The secretary who creates it hosts it and takes part, until they say otherwise.
    const creator: ParticipantEntry[] = [
      { userId: actor.id, role: 'host' },
      { userId: actor.id, role: 'participant' },
    ];
    await this.deps.meetings.replaceParticipants(meeting.id, creator);
    await this.deps.documents.ensure(meeting, await this.deps.meetings.members(meeting.id));
    await this.deps.events.emit(DomainEvent.meetingCreated, { meeting });
    await this.audit(actor, 'meeting.created', meeting, {
      branchId: meeting.branchId,
      title: meeting.title,
      templateId: meeting.templateId,
    });
    return meeting;
  }

  /** The routes ask the rule book first (`meeting.edit`: not once closed). */
  async update(meeting: Meeting, changes: MeetingChanges, actor: Actor): Promise<void> {
    await this.deps.meetings.update(meeting.id, changes);
    await this.audit(actor, 'meeting.updated', meeting, { fields: Object.keys(changes) });
  }

  async setParticipants(
    meeting: Meeting,
    entries: readonly ParticipantEntry[],
    actor: Actor,
  ): Promise<void> {
    const ids = [...new Set(entries.map((e) => e.userId))];
    const active = new Set((await this.deps.accounts.findActive(ids)).map((u) => u.id));
    const unknown = ids.filter((id) => !active.has(id));
    if (unknown.length > 0) {
      throw new DomainError('invalid_participants', { ids: unknown.join(', ') });
    }
    const branchMembers = new Set(
      (await this.deps.branches.members(meeting.branchId)).map((m) => m.userId),
    );
    const outsiders = entries.filter(
      (e) => BRANCH_MEMBER_ROLES.includes(e.role) && !branchMembers.has(e.userId),
    );
    if (outsiders.length > 0) {
      throw new DomainError('invalid_participants.outsiders', {
        ids: outsiders.map((e) => e.userId).join(', '),
      });
    }
    if (meeting.status === 'in-progress') assertHostAndRecorder(entries);

    const before = await this.deps.meetings.members(meeting.id);
    await this.deps.meetings.replaceParticipants(meeting.id, entries);
    const after = await this.deps.meetings.members(meeting.id);
    await this.deps.documents.ensure(meeting, after);
    const changed = changedUsers(before, after);
    await this.closeDocuments({ meetingIds: [meeting.id], userIds: [...changed] });
    await this.deps.events.emit(DomainEvent.rosterChanged, { meetingId: meeting.id });
    await this.audit(actor, 'meeting.participants.set', meeting, { participants: entries });
  }

  async setStatus(meeting: Meeting, to: MeetingStatus, actor: Actor): Promise<void> {
    const from = meeting.status;
    if (!MEETING_TRANSITIONS[from].includes(to)) {
      throw new DomainError('invalid_transition', { from, to });
    }
    if (from === 'open' && to === 'in-progress') {
      const members = await this.deps.meetings.members(meeting.id);
      assertHostAndRecorder(members.flatMap((m) => m.roles.map((role) => ({ role }))));
    }
    if (!(await this.deps.meetings.setStatus(meeting.id, from, to))) {
      throw new DomainError('conflict.meeting_status');
    }
    // Drafts, closing and reopening change who may read or write; starting changes nothing.
    if ([from, to].some((s) => s === 'draft' || s === 'closed')) {
      await this.closeDocuments({ meetingIds: [meeting.id] });
    }
    await this.deps.events.emit(DomainEvent.meetingStatusChanged, {
      meetingId: meeting.id,
      status: to,
    });
    if (from === 'open' && to === 'in-progress') {
      await this.deps.versions.saveMeeting(meeting.id, 'meeting-start');
    } else if (to === 'closed') {
      await this.deps.versions.saveMeeting(meeting.id, 'meeting-close');
    }
    await this.audit(actor, 'meeting.status', meeting, { from, to });
  }

  /**
   * Someone's branch role changed (it decides who writes a 组织生活会's collective material and
   * who goes first): their open documents in the branch's meetings are admitted again, and the
   * moderation rosters follow.
   */
  async branchMemberChanged(branchId: number, userId: number): Promise<void> {
    const ids = (await this.deps.meetings.listForBranch(branchId)).map((m) => m.id);
    await this.closeDocuments({ meetingIds: ids, userIds: [userId] });
    for (const id of ids) await this.deps.events.emit(DomainEvent.rosterChanged, { meetingId: id });
  }

  /** Closes the sync connections the change covers (on every instance), to admit them again. */
  private closeDocuments(change: AccessChange): Promise<void> {
    return this.deps.events.emit(DomainEvent.documentAccessChanged, change);
  }

  private audit(
    actor: Actor,
    action: string,
    meeting: Meeting,
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
    throw new DomainError('roles_missing');
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
