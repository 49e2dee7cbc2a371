import { Button } from 'antd';
import { useState } from 'react';
import type { AppraisalCallerView } from '../../../shared/appraisal/appraisalSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { BallotDialog } from './BallotDialog.js';
import type { Grades } from './BallotForm.js';
import { useBallotKey } from './useBallotKey.js';
import './VoteEntry.css';

interface VoteEntryProps {
  meetingId: number;
  userId: number;
  appraisal: AppraisalCallerView;
  name(userId: number): string;
  /** The answer to the ballot just cast, for the page's copy of the round. */
  onCast(answer: AppraisalCallerView): void;
}

/**
 * For a voter while the vote is open: 去投票, or 已投票 with 修改; either opens the ballot.
 * Nothing for anyone else.
 */
export function VoteEntry({ meetingId, userId, appraisal, name, onCast }: VoteEntryProps) {
  const { t } = useI18n();
  const ballotKey = useBallotKey(meetingId, userId);
  const [dialog, setDialog] = useState<'vote' | 'change' | null>(null);
  // What this page sent in this round: a change starts from it. Not kept anywhere else.
  const [sent, setSent] = useState<{ round: number | null; grades: Grades } | null>(null);
  const open = appraisal.status === 'open' && appraisal.youMayVote;
  if (!open && dialog === null) return null;

  return (
    <span className="vote-entry" data-testid="vote-entry" data-voted={appraisal.youHaveVoted}>
      {open &&
        (appraisal.youHaveVoted ? (
          <>
            <span className="vote-entry__voted" data-testid="vote-voted">
              {t('appraisal.voted')}
            </span>
            <Button
              data-testid="vote-change"
              title={t('appraisal.changeHint')}
              onClick={() => setDialog('change')}
            >
              {t('appraisal.change')}
            </Button>
          </>
        ) : (
          <Button
            type="primary"
            className="vote-entry__vote"
            data-testid="vote-open"
            title={t('appraisal.voteHint')}
            onClick={() => setDialog('vote')}
          >
            {t('appraisal.vote')}
          </Button>
        ))}
      {dialog && (
        <BallotDialog
          meetingId={meetingId}
          appraisal={appraisal}
          ballotKey={ballotKey}
          name={name}
          sent={sent?.round === appraisal.openedAt ? sent.grades : {}}
          startEditing={dialog === 'change'}
          onCast={(answer, grades) => {
            setSent({ round: answer.openedAt, grades });
            onCast(answer);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </span>
  );
}
