import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type {
  PersonRef,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';

/**
 * What the caller may do with a meeting's items, as server/rectifications/rectificationRights.ts
 * decides it: only to choose which buttons to show; the server checks every call anyway.
 */
export interface RectificationRights {
  /** Create items and edit their fields: managers and the recorder. */
  edit: boolean;
  /** 销号 and 退回: the branch secretary or deputy, or a host. */
  verify: boolean;
  /** Accept or drop proposals: managers. */
  decideProposals: boolean;
  /** Add progress and move the status of this item: its owner and leader, and managers. */
  report(item: RectificationView): boolean;
}

export function rectificationRights(
  meeting: MeetingDetailView,
  userId: number,
): RectificationRights {
  const me = meeting.participants.find((p) => p.userId === userId);
  const branchRole = me?.branchRole ?? null;
  const manage = meeting.canManage;
  return {
    edit: manage || meeting.myRoles.includes('recorder'),
    verify:
      meeting.myRoles.includes('host') || branchRole === 'secretary' || branchRole === 'deputy',
    decideProposals: manage,
    report: (item) => manage || item.owner.id === userId || item.leader?.id === userId,
  };
}

/** Who may own or lead an item: everyone with a role in the meeting, by name. */
export function meetingPeople(meeting: MeetingDetailView): PersonRef[] {
  return meeting.participants.map((p) => ({ id: p.userId, displayName: p.displayName }));
}
