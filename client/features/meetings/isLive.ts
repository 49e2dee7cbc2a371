import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';

/**
 * Whether the meeting channel runs for the caller: while the meeting is prepared or held, for
 * those in it (who speaks, who is in which document).
 */
export function isLive(meeting: MeetingDetailView): boolean {
  return (
    (meeting.status === 'open' || meeting.status === 'in-progress') &&
    meeting.abilities['meeting.join']
  );
}
