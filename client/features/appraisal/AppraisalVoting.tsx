import { Button } from 'antd';
import { useState } from 'react';
import type { AppraisalCallerView } from '../../../shared/appraisal/appraisalSchemas.js';
import { closeAppraisal, discardAppraisal } from '../../api/appraisalApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { describeAppraisalError } from './describeAppraisalError.js';
import { PaperBallotsForm } from './PaperBallotsForm.js';
import { VoteEntry } from './VoteEntry.js';
import './AppraisalVoting.css';

interface AppraisalVotingProps {
  meetingId: number;
  userId: number;
  appraisal: AppraisalCallerView;
  name(userId: number): string;
  onChanged(answer: AppraisalCallerView): void;
}

/**
 * The host's view of the open vote: how many have voted (never who), the paper slips,
 * 结束投票 (without a result if too few voted on devices), and 作废本轮.
 */
export function AppraisalVoting({
  meetingId,
  userId,
  appraisal,
  name,
  onChanged,
}: AppraisalVotingProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<'close' | 'discard' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const paper = appraisal.paper?.ballots ?? 0;
  const total = appraisal.votedCount + paper;
  // Only ballots cast on devices count towards showing the result: slips never stand in.
  const enough = appraisal.votedCount >= appraisal.minBallots;
  // Voters without a ballot on a device or on paper.
  const missing = Math.max(0, appraisal.voters.length - total);

  const act = async (request: () => Promise<AppraisalCallerView>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await request());
      setConfirming(null);
    } catch (failure) {
      setError(describeAppraisalError(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const close = () => act(() => closeAppraisal(meetingId));

  return (
    <div className="appraisal-voting" data-testid="appraisal-voting">
      <p className="appraisal-voting__progress">
        <strong
          data-testid="appraisal-progress"
          data-voted={appraisal.votedCount}
          data-expected={appraisal.voters.length}
        >
          {t('host.progress', { voted: appraisal.votedCount, expected: appraisal.voters.length })}
        </strong>
        {paper > 0 && <span>{t('host.paperIncluded', { count: paper })}</span>}
      </p>
      {appraisal.youMayVote && (
        <div className="appraisal-voting__own">
          {t('host.youVote')}
          <VoteEntry
            meetingId={meetingId}
            userId={userId}
            appraisal={appraisal}
            name={name}
            onCast={onChanged}
          />
        </div>
      )}
      <PaperBallotsForm
        meetingId={meetingId}
        appraisal={appraisal}
        name={name}
        onSaved={onChanged}
      />
      {!enough && (
        <p className="appraisal-voting__hint" data-testid="appraisal-close-hint">
          {t('host.minBallots', { min: appraisal.minBallots, count: appraisal.votedCount })}
        </p>
      )}
      {error && (
        <p className="appraisal-voting__error" role="alert" data-testid="appraisal-error">
          {error}
        </p>
      )}
      <div className="appraisal-voting__buttons">
        <Button
          data-testid="appraisal-discard"
          disabled={busy}
          onClick={() => setConfirming('discard')}
        >
          {t('host.discard')}
        </Button>
        <Button
          type="primary"
          data-testid="appraisal-close"
          disabled={busy}
          // Everyone voted and enough on devices: nothing to weigh up. Otherwise the host
          // confirms (too few device ballots: the round closes without a result).
          onClick={() => (missing > 0 || !enough ? setConfirming('close') : void close())}
        >
          {busy ? t('host.closing') : t('host.closeVote')}
        </Button>
      </div>
      {confirming === 'close' && (
        <ConfirmDialog
          title={t('host.closeHeading')}
          hint={
            enough
              ? t('host.closeHint', { missing })
              : t('host.closeWithheldHint', { min: appraisal.minBallots })
          }
          confirmLabel={t('host.closeVote')}
          busy={busy}
          onConfirm={() => void close()}
          onCancel={() => setConfirming(null)}
          data-testid="appraisal-close-dialog"
          confirmTestId="appraisal-close-confirm"
        >
          {error && <p className="appraisal-voting__error">{error}</p>}
        </ConfirmDialog>
      )}
      {confirming === 'discard' && (
        <ConfirmDialog
          title={t('host.discardHeading')}
          hint={t('host.discardHint', { count: total })}
          confirmLabel={t('host.discard')}
          busy={busy}
          onConfirm={() => void act(() => discardAppraisal(meetingId))}
          onCancel={() => setConfirming(null)}
          data-testid="appraisal-discard-dialog"
          confirmTestId="appraisal-discard-confirm"
        >
          {error && <p className="appraisal-voting__error">{error}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
