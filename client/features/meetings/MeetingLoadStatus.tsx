import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { ApiError } from '../../api/ApiError.js';
import { describeApiError } from '../../api/describeApiError.js';
import type { Resource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { MessagePage } from '../layout/MessagePage.js';
import { Notice } from '../layout/Notice.js';

/**
 * What a meeting's page shows until the meeting has loaded: not found (a 404 also hides a
 * meeting the caller may not see), the failure with a retry, or that it is loading.
 */
export function MeetingLoadStatus({ meeting }: { meeting: Resource<MeetingDetailView> }) {
  const { t } = useI18n();
  if (meeting.error instanceof ApiError && meeting.error.status === 404) {
    return <MessagePage title={t('meeting.notFound')} alert testId="meeting-not-found" />;
  }
  if (meeting.error !== null) {
    return (
      <Notice tone="error" onRetry={meeting.reload}>
        {t('common.loadFailed', { message: describeApiError(meeting.error, t) })}
      </Notice>
    );
  }
  return <Notice tone="info">{t('common.loading')}</Notice>;
}
