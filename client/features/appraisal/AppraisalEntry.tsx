import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import { ModalDialog } from '../layout/ModalDialog.js';
import { AppraisalResultTable } from './AppraisalResultTable.js';
import { useAppraisal, type AppraisalFeed } from './useAppraisal.js';
import { VoteEntry } from './VoteEntry.js';
import './AppraisalEntry.css';

interface AppraisalEntryProps {
  meetingId: number;
  userId: number;
  /** The meeting bar's channel: the round's changes come on it. */
  feed: AppraisalFeed;
  name(userId: number): string;
}

/**
 * The 民主评议党员 round in the meeting bar (组织生活会): 去投票 for a voter while the vote is
 * open, and 评议结果 for everyone in the meeting once the host has closed it.
 */
export function AppraisalEntry({ meetingId, userId, feed, name }: AppraisalEntryProps) {
  const { t } = useI18n();
  const round = useAppraisal(meetingId, feed);
  const [showing, setShowing] = useState(false);
  const { appraisal } = round;
  if (!appraisal || appraisal.status === 'none') return null;
  const result = appraisal.status === 'closed' ? appraisal.result : null;

  return (
    <span className="appraisal-entry" data-testid="appraisal-entry" data-status={appraisal.status}>
      <VoteEntry
        meetingId={meetingId}
        userId={userId}
        appraisal={appraisal}
        name={name}
        onCast={round.accept}
      />
      {result && (
        <Button
          type="primary"
          className="appraisal-entry__result"
          data-testid="appraisal-show-result"
          onClick={() => setShowing(true)}
        >
          {t('appraisal.showResult')}
        </Button>
      )}
      {showing && result && (
        <ModalDialog
          title={t('appraisal.resultHeading')}
          onClose={() => setShowing(false)}
          className="appraisal-entry__dialog"
          data-testid="appraisal-result-dialog"
        >
          <AppraisalResultTable result={result} name={name} />
          <div className="appraisal-entry__buttons">
            <Button type="primary" onClick={() => setShowing(false)} autoFocus>
              {t('appraisal.close')}
            </Button>
          </div>
        </ModalDialog>
      )}
    </span>
  );
}
