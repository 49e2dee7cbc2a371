import { listBranchMeetings } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { groupMeetings } from '../meetings/meetingGroups.js';
import { MeetingList } from '../meetings/MeetingList.js';
import './BranchMeetings.css';

/** The branch's meetings the caller may see: 即将召开/进行中, then 已结束. */
export function BranchMeetings({ branchId }: { branchId: number }) {
  const { t } = useI18n();
  const meetings = useResource(`branch-meetings:${branchId}`, (signal) =>
    listBranchMeetings(branchId, signal),
  );
  if (meetings.error !== null) {
    return (
      <Notice tone="error" onRetry={meetings.reload}>
        {t('common.loadFailed', { message: describeApiError(meetings.error, t) })}
      </Notice>
    );
  }
  if (!meetings.data) return <Notice tone="info">{t('common.loading')}</Notice>;
  const { current, past } = groupMeetings(meetings.data);
  return (
    <div className="branch-meetings">
      <h4 className="branch-meetings__heading">{t('branch.meetings.current')}</h4>
      <MeetingList
        meetings={current}
        showBranch={false}
        emptyText={t('branch.meetings.noneCurrent')}
        data-testid="branch-meetings-current"
      />
      <h4 className="branch-meetings__heading">{t('branch.meetings.past')}</h4>
      <MeetingList
        meetings={past}
        showBranch={false}
        emptyText={t('branch.meetings.nonePast')}
        data-testid="branch-meetings-past"
      />
    </div>
  );
}
