import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { PanelCard } from '../moderation/PanelCard.js';
import { useSpeechText } from '../moderation/useSpeechText.js';
import { AppraisalResultTable } from './AppraisalResultTable.js';
import { useAppraisal } from './useAppraisal.js';

/**
 * The result of 民主评议党员 on the page of a 组织生活会 that has ended, where the meeting bar
 * (and its 评议结果) no longer is; nothing when no vote was closed.
 */
export function AppraisalRecord({ meeting }: { meeting: MeetingDetailView }) {
  const { t } = useI18n();
  const { name } = useSpeechText(meeting);
  const { appraisal } = useAppraisal(meeting.id, null);
  if (appraisal?.status !== 'closed' || !appraisal.result) return null;
  return (
    <PanelCard title={t('appraisal.resultHeading')} data-testid="appraisal-record">
      <AppraisalResultTable result={appraisal.result} name={name} />
    </PanelCard>
  );
}
