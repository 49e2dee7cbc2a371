import type { MeetingSummaryView } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { meetingPath } from '../../routing/routes.js';
import { formatMeetingTime } from './meetingTime.js';
import { StatusBadge } from './StatusBadge.js';
import './MeetingList.css';

interface MeetingListProps {
  meetings: readonly MeetingSummaryView[];
  /** On the home page meetings of several branches mix; on a branch's page the name is known. */
  showBranch: boolean;
  emptyText: string;
  'data-testid'?: string;
}

/** Meetings as rows: title (a link), status, kind, time, place, and the caller's roles. */
export function MeetingList({ meetings, showBranch, emptyText, ...rest }: MeetingListProps) {
  const { t } = useI18n();
  if (meetings.length === 0) {
    return (
      <p className="meeting-list__empty" data-testid={rest['data-testid']}>
        {emptyText}
      </p>
    );
  }
  return (
    <ul className="meeting-list" data-testid={rest['data-testid']}>
      {meetings.map((meeting) => (
        <li key={meeting.id} className="meeting-list__item" data-testid="meeting-item">
          <div className="meeting-list__title-row">
            <Link className="meeting-list__title" href={meetingPath(meeting.id)}>
              {meeting.title}
            </Link>
            <StatusBadge status={meeting.status} />
          </div>
          <div className="meeting-list__facts">
            <span>{t(`meeting.kind.${meeting.kind}`)}</span>
            {showBranch && <span>{meeting.branchName}</span>}
            <span>
              {meeting.scheduledAt === null
                ? t('meeting.timeUnset')
                : formatMeetingTime(meeting.scheduledAt)}
            </span>
            {meeting.location && <span>{meeting.location}</span>}
            {meeting.myRoles.length > 0 && (
              <span data-testid="meeting-my-roles">
                {t('meeting.myRoles', {
                  roles: meeting.myRoles.map((role) => t(`meeting.role.${role}`)).join('、'),
                })}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
