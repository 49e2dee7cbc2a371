import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { PersonRef } from '../../../shared/rectifications/rectificationViews.js';

/** Who may own or lead an item: everyone with a role in the meeting, by name. */
export function meetingPeople(meeting: MeetingDetailView): PersonRef[] {
  return meeting.participants.map((p) => ({ id: p.userId, displayName: p.displayName }));
}
