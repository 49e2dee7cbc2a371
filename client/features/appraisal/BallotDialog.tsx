import { Button } from 'antd';
import { useState } from 'react';
import type { AppraisalCallerView } from '../../../shared/appraisal/appraisalSchemas.js';
import { castBallot } from '../../api/appraisalApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ModalDialog } from '../layout/ModalDialog.js';
import { BallotForm, type Grades } from './BallotForm.js';
import { describeAppraisalError } from './describeAppraisalError.js';
import type { BallotKey } from './useBallotKey.js';
import './BallotDialog.css';

interface BallotDialogProps {
  meetingId: number;
  appraisal: AppraisalCallerView;
  ballotKey: BallotKey;
  name(userId: number): string;
  /** The ballot this page sent in this round, to start a change from. */
  sent: Grades;
  /** Opens on the form (修改) rather than on the ballot already cast. */
  startEditing: boolean;
  onCast(answer: AppraisalCallerView, grades: Grades): void;
  onClose(): void;
}

/** The voter's ballot in a dialog: the form, or that it was cast and may still be changed. */
export function BallotDialog({
  meetingId,
  appraisal,
  ballotKey,
  name,
  sent,
  startEditing,
  onCast,
  onClose,
}: BallotDialogProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(startEditing);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const voted = appraisal.youHaveVoted;

  const send = async (grades: Grades) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await castBallot(meetingId, { key: ballotKey.obtain(), grades });
      setEditing(false);
      onCast(answer, grades);
    } catch (failure) {
      setError(describeAppraisalError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (appraisal.status !== 'open') {
    body = <p className="ballot-dialog__message">{t('ballot.notOpen')}</p>;
  } else if (voted && !editing) {
    body = (
      <div className="ballot-dialog__cast" data-testid="ballot-cast">
        <p className="ballot-dialog__done" role="status">
          {t('ballot.cast')}
        </p>
        {ballotKey.key === null && (
          <p className="ballot-dialog__message">{t('ballot.votedElsewhere')}</p>
        )}
      </div>
    );
  } else {
    body = (
      <BallotForm
        subjects={appraisal.subjects}
        name={name}
        initial={sent}
        changing={voted}
        busy={busy}
        onSubmit={(grades) => void send(grades)}
        onCancel={onClose}
      />
    );
  }
  const formShown = appraisal.status === 'open' && (!voted || editing);

  return (
    <ModalDialog
      title={t('ballot.heading')}
      onClose={onClose}
      className="ballot-dialog"
      data-testid="ballot-dialog"
    >
      {body}
      {error && (
        <p className="ballot-dialog__error" role="alert" data-testid="ballot-error">
          {error}
        </p>
      )}
      {!formShown && (
        <div className="ballot-dialog__buttons">
          {appraisal.status === 'open' && voted && ballotKey.key !== null && (
            <Button data-testid="ballot-change" onClick={() => setEditing(true)}>
              {t('ballot.change')}
            </Button>
          )}
          <Button type="primary" data-testid="ballot-close" onClick={onClose} autoFocus>
            {t('appraisal.close')}
          </Button>
        </div>
      )}
    </ModalDialog>
  );
}
