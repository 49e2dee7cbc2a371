import type { MeetingStatus } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './StatusBadge.css';

/** 草稿 / 会前准备 / 进行中 / 已结束, coloured by stage. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`status-badge status-badge--${status}`}
      data-testid="meeting-status"
      data-status={status}
    >
      {t(`meeting.status.${status}`)}
    </span>
  );
}
