import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { PanelCard } from '../moderation/PanelCard.js';
import { AppraisalOpenForm } from './AppraisalOpenForm.js';
import { AppraisalResultTable } from './AppraisalResultTable.js';
import { AppraisalVoting } from './AppraisalVoting.js';
import { useAppraisal, type AppraisalFeed } from './useAppraisal.js';
import './AppraisalHostPanel.css';

interface AppraisalHostPanelProps {
  meeting: MeetingDetailView;
  userId: number;
  state: MeetingState;
  /** The moderator panel's channel: the round's changes come on it. */
  feed: AppraisalFeed;
  name(userId: number): string;
}

/** 民主评议党员 on the moderator panel (组织生活会): open the vote, follow it, close it. */
export function AppraisalHostPanel({
  meeting,
  userId,
  state,
  feed,
  name,
}: AppraisalHostPanelProps) {
  const { t } = useI18n();
  const round = useAppraisal(meeting.id, feed);
  const { appraisal } = round;

  let body;
  if (!appraisal) {
    body =
      round.error !== null ? (
        <Notice tone="error" onRetry={round.reload}>
          {t('appraisal.loadFailed', { message: describeApiError(round.error, t) })}
        </Notice>
      ) : (
        <Notice tone="info">{t('common.loading')}</Notice>
      );
  } else if (appraisal.status === 'none' || appraisal.resultWithheld) {
    // After a round closed without a result nothing was shown: a new round may be held.
    body = (
      <>
        {appraisal.resultWithheld && (
          <Notice tone="info" data-testid="appraisal-withheld">
            {t('appraisal.withheld', { min: appraisal.minBallots })}
          </Notice>
        )}
        <AppraisalOpenForm
          meetingId={meeting.id}
          meetingStatus={meeting.status}
          state={state}
          name={name}
          onOpened={round.accept}
        />
      </>
    );
  } else if (appraisal.status === 'open') {
    body = (
      <AppraisalVoting
        meetingId={meeting.id}
        userId={userId}
        appraisal={appraisal}
        name={name}
        onChanged={round.accept}
      />
    );
  } else {
    body = appraisal.result && <AppraisalResultTable result={appraisal.result} name={name} />;
  }

  return (
    <PanelCard
      title={t('appraisal.heading')}
      className={`appraisal-panel${appraisal?.status === 'open' ? ' appraisal-panel--open' : ''}`}
      data-testid="appraisal-panel"
      actions={
        appraisal && (
          <span
            className={`appraisal-panel__status appraisal-panel__status--${appraisal.status}`}
            data-testid="appraisal-status"
            data-status={appraisal.status}
          >
            {t(`appraisal.status.${appraisal.status}`)}
          </span>
        )
      }
    >
      {body}
    </PanelCard>
  );
}
