import type { ReactNode } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { branchPath, meetingPath } from '../../routing/routes.js';
import { formatMeetingTime } from './meetingTime.js';
import './MeetingInfo.css';

/** The meeting's facts: branch, kind, year, time, place, theme, aspects, the meeting before. */
export function MeetingInfo({ meeting }: { meeting: MeetingDetailView }) {
  const { t } = useI18n();
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div className="meeting-info__row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <dl className="meeting-info" data-testid="meeting-info">
      {row(
        t('meeting.branch'),
        <Link href={branchPath(meeting.branchId)}>{meeting.branchName}</Link>,
        'meeting-branch',
      )}
      {row(t('meeting.kind'), t(`meeting.kind.${meeting.kind}`), 'meeting-kind')}
      {row(t('meeting.year'), meeting.year)}
      {row(
        t('meeting.time'),
        meeting.scheduledAt === null
          ? t('meeting.timeUnset')
          : formatMeetingTime(meeting.scheduledAt),
        'meeting-time',
      )}
      {row(
        t('meeting.location'),
        meeting.location ?? t('meeting.locationUnset'),
        'meeting-location',
      )}
      {row(
        t('meeting.theme'),
        meeting.theme === '' ? t('meeting.themeUnset') : meeting.theme,
        'meeting-theme',
      )}
      {row(
        t('meeting.aspects'),
        meeting.aspects.length === 0 ? (
          t('meeting.aspectsUnset')
        ) : (
          <ol className="meeting-info__aspects">
            {meeting.aspects.map((aspect) => (
              <li key={aspect}>{aspect}</li>
            ))}
          </ol>
        ),
        'meeting-aspects',
      )}
      {meeting.previousMeetingId !== null &&
        row(
          t('meeting.previous'),
          <Link href={meetingPath(meeting.previousMeetingId)} data-testid="previous-meeting">
            {t('meeting.previousLink')}
          </Link>,
        )}
    </dl>
  );
}
