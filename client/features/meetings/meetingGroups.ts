import type { MeetingSummaryView } from '../../../shared/meetings/meetingSchemas.js';

export interface MeetingGroups {
  /** 即将召开 / 进行中: not yet closed; running ones first, then the soonest. */
  current: MeetingSummaryView[];
  /** 已结束: closed, the latest first. */
  past: MeetingSummaryView[];
}

// Meetings without a date sort after those with one, in either direction.
const NO_DATE = Number.MAX_SAFE_INTEGER;

export function groupMeetings(meetings: readonly MeetingSummaryView[]): MeetingGroups {
  const time = (m: MeetingSummaryView) => m.scheduledAt ?? NO_DATE;
  const current = meetings
    .filter((m) => m.status !== 'closed')
    .sort(
      (a, b) =>
        Number(b.status === 'in-progress') - Number(a.status === 'in-progress') ||
        time(a) - time(b) ||
        a.id - b.id,
    );
  const past = meetings
    .filter((m) => m.status === 'closed')
    .sort(
      (a, b) =>
        Number(a.scheduledAt === null) - Number(b.scheduledAt === null) ||
        (b.scheduledAt ?? 0) - (a.scheduledAt ?? 0) ||
        b.id - a.id,
    );
  return { current, past };
}
