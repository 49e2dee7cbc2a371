import {
  parseMeetingDocumentName,
  type ParsedMeetingDocument,
} from '../../shared/meetings/meetingDocuments.js';
import type { UserRow } from '../auth/Accounts.js';
import type { Branches } from '../branches/Branches.js';
import { HttpError } from '../http/HttpError.js';
import type { MeetingAccess, MeetingCaller } from '../meetings/MeetingAccess.js';
import type { MeetingRow, Meetings } from '../meetings/Meetings.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { RectificationRow, Rectifications } from './Rectifications.js';
import { decodePosition } from './resolveAnchor.js';

export interface InMeeting {
  meeting: MeetingRow;
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
  meeting(meetingId: number, user: UserRow): Promise<InMeeting> {
    return this.deps.access.require(meetingId, user, 'rectification.read', {
      forbidden: '只有参会人员和支委可以查看整改事项 (not in the meeting)',
    });
  }

  /** Refuses with 403 (`message`) unless the rule book lets the caller `action` the item. */
  assert(
    found: InMeeting & { item?: RectificationRow },
    action: Action,
    message: string,
    document?: ParsedMeetingDocument,
  ): void {
    const { item } = found;
    this.deps.access.assert(found.meeting, found.caller, action, {
      forbidden: message,
      extra: {
        document,
        item: item && { ownerUserId: item.owner_user_id, leaderUserId: item.leader_user_id },
      },
    });
  }

  /** The item with its meeting, if the caller may read it; 404 for an item they may not know. */
  async item(id: number, user: UserRow): Promise<InMeeting & { item: RectificationRow }> {
    const item = await this.deps.items.findById(id);
    // Refused or unseen alike: someone who may not read the meeting learns nothing of its items.
    const found =
      item &&
      (await this.meeting(item.meeting_id, user).catch((err: unknown) => {
        if (err instanceof HttpError) return null;
        throw err;
      }));
    if (!item || !found) throw new HttpError(404, 'not_found', '整改事项不存在 (no such item)');
    return { ...found, item };
  }

  /** Owners, leaders and subjects are people of the branch or of the meeting: else 400. */
  async assertPeople(
    meeting: MeetingRow,
    people: { ownerUserId?: number; leaderUserId?: number | null; subjectUserId?: number | null },
  ): Promise<void> {
    const [members, branchMembers] = await Promise.all([
      this.deps.meetings.members(meeting.id),
      this.deps.branches.members(meeting.branch_id),
    ]);
    const inMeeting = new Set(members.map((m) => m.userId));
    const known = new Set([...inMeeting, ...branchMembers.map((m) => m.userId)]);
    const check = (id: number | null | undefined, allowed: Set<number>, what: string): void => {
      if (id !== undefined && id !== null && !allowed.has(id)) {
        throw new HttpError(400, 'invalid_user', `${what}不是本支部或本次会议的人员 (user ${id})`);
      }
    };
    check(people.ownerUserId, known, '责任人');
    check(people.leaderUserId, known, '责任领导');
    check(people.subjectUserId, inMeeting, '被批评人');
  }

  /** A document of this meeting that everyone in it reads (not private notes): else 400. */
  document(meeting: MeetingRow, name: string): ParsedMeetingDocument {
    const ref = parseMeetingDocumentName(name);
    if (!ref || ref.meetingId !== meeting.id || ref.kind === 'notes') {
      throw new HttpError(400, 'invalid_document', `不是本次会议的共享文档 (${name})`);
    }
    return ref;
  }

  /** A text link's document is the meeting's and its positions decode: else 400. */
  assertAnchor(
    meeting: MeetingRow,
    anchor: { document: string; start: string; end: string } | null | undefined,
  ): void {
    if (!anchor) return;
    this.document(meeting, anchor.document);
    if (!decodePosition(anchor.start) || !decodePosition(anchor.end)) {
      throw new HttpError(400, 'invalid_anchor', '文本位置无法识别 (not a Yjs relative position)');
    }
  }
}
