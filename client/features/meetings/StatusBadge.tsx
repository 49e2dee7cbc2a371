import { Tag } from 'antd';
import type { MeetingStatus } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';

// The kit's preset colours, by stage: grey, blue, orange, green.
const COLOURS: Record<MeetingStatus, string> = {
  draft: 'default',
  open: 'blue',
  'in-progress': 'orange',
  closed: 'green',
};

/** 草稿 / 会前准备 / 进行中 / 已结束, coloured by stage. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOURS[status]} data-testid="meeting-status" data-status={status}>
      {t(`meeting.status.${status}`)}
    </Tag>
  );
}
