import {
  parseMeetingDocumentName,
  type ParsedMeetingDocument,
} from '../../shared/meetings/meetingDocuments.js';
import type { User } from '../auth/Accounts.js';
import type { Branches } from '../branches/Branches.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import type { ErrorKey } from '../../shared/errors/errorMessages.js';
import type { MeetingAccess, MeetingCaller } from '../meetings/MeetingAccess.js';
import type { Meeting, Meetings } from '../meetings/Meetings.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { Rectification, Rectifications } from './Rectifications.js';
import { decodePosition } from './resolveAnchor.js';

export interface InMeeting {
  meeting: Meeting;
  caller: MeetingCaller;
}

/**
 * Finds a meeting or an item for a caller who may read it, and checks what a change refers to
 * (people, documents); outsiders learn nothing, not even that the meeting exists.
 */
export class RectificationAccess {
  constructor(
    private readonly deps: {
      meetings: Meetings;
      branches: Branches;
      access: MeetingAccess;
      items: Rectifications;
    },
  ) {}

  /** The meeting if the caller may read its items: 404 if they cannot see it, 403 if they can. */
  meeting(meetingId: number, user: User): Promise<InMeeting> {
    return this.deps.access.require(meetingId, user, 'rectification.read', {
      forbidden: 'forbidden.rectifications_not_in_meeting',
    });
  }

  /** Refuses with 403 (`message`) unless the rule book lets the caller `action` the item. */
  assert(
    found: InMeeting & { item?: Rectification },
    action: Action,
    message: ErrorKey,
    document?: ParsedMeetingDocument,
  ): void {
    const { item } = found;
    this.deps.access.assert(found.meeting, found.caller, action, {
      forbidden: message,
      extra: {
        document,
        item: item && { ownerUserId: item.ownerUserId, leaderUserId: item.leaderUserId },
      },
    });
  }

  /** The item with its meeting, if the caller may read it; 404 for an item they may not know. */
  async item(id: number, user: User): Promise<InMeeting & { item: Rectification }> {
    const item = await this.deps.items.findById(id);
    // Refused or unseen alike: someone who may not read the meeting learns nothing of its items.
    const found =
      item &&
      (await this.meeting(item.meetingId, user).catch((err: unknown) => {
        if (err instanceof DomainError) return null;
        throw err;
      }));
    if (!item || !found) throw new DomainError('not_found.rectification');
    return { ...found, item };
  }

  /** Owners, leaders and subjects are people of the branch or of the meeting: else 400. */
  async assertPeople(
    meeting: Meeting,
    people: { ownerUserId?: number; leaderUserId?: number | null; subjectUserId?: number | null },
  ): Promise<void> {
    const [members, branchMembers] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.members(meeting.branchId),
    ]);
    const inMeeting = new Set(members.map((m) => m.userId));
    const known = new Set([...inMeeting, ...branchMembers.map((m) => m.userId)]);
    const check = (
      id: number | null | undefined,
      allowed: Set<number>,
      key: ErrorKey & `invalid_user.${string}`,
    ): void => {
      if (id !== undefined && id !== null && !allowed.has(id)) {
        throw new DomainError(key, { id });
      }
    };
    check(people.ownerUserId, known, 'invalid_user.owner');
    check(people.leaderUserId, known, 'invalid_user.leader');
    check(people.subjectUserId, inMeeting, 'invalid_user.subject');
  }

  /** A document of this meeting that everyone in it reads (not private notes): else 400. */
  document(meeting: Meeting, name: string): ParsedMeetingDocument {
    const ref = parseMeetingDocumentName(name);
    if (!ref || ref.meetingId !== meeting.id || ref.kind === 'notes') {
      throw new DomainError('invalid_document', { name });
    }
    return ref;
  }

  /** A text link's document is the meeting's and its positions decode: else 400. */
  assertAnchor(
    meeting: Meeting,
    anchor: { document: string; start: string; end: string } | null | undefined,
  ): void {
    if (!anchor) return;
    this.document(meeting, anchor.document);
    if (!decodePosition(anchor.start) || !decodePosition(anchor.end)) {
      throw new DomainError('invalid_anchor');
    }
  }
}
