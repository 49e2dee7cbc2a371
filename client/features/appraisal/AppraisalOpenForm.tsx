import { Button } from 'antd';
import { useState } from 'react';
import { maxExcellent } from '../../../shared/appraisal/appraisalRules.js';
import type { AppraisalCallerView } from '../../../shared/appraisal/appraisalSchemas.js';
import type { MeetingStatus } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingState } from '../../../shared/moderation/meetingState.js';
import { isAway } from '../../../shared/moderation/speakingOrder.js';
import { openAppraisal } from '../../api/appraisalApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { describeAppraisalError } from './describeAppraisalError.js';
import { MemberChecklist } from './MemberChecklist.js';
import './AppraisalOpenForm.css';

interface AppraisalOpenFormProps {
  meetingId: number;
  meetingStatus: MeetingStatus;
  state: MeetingState;
  name(userId: number): string;
  onOpened(answer: AppraisalCallerView): void;
}

/** The participants, the secretary first, then as the criticism round orders them. */
function participantsInOrder(state: MeetingState): number[] {
  const participants = state.roster.filter((r) => r.roles.includes('participant'));
  const ids = new Set(participants.map((r) => r.userId));
  return [
    ...new Set([
      ...participants.filter((r) => r.isSecretary).map((r) => r.userId),
      ...state.speakerOrder.filter((id) => ids.has(id)),
      ...participants.map((r) => r.userId),
    ]),
  ];
}

/**
 * Before the vote: who votes (the participants present, unless the host chooses otherwise)
 * and who is appraised (every participant), then 开始投票.
 */
export function AppraisalOpenForm({
  meetingId,
  meetingStatus,
  state,
  name,
  onOpened,
}: AppraisalOpenFormProps) {
  const { t } = useI18n();
  // Null: the default, which follows the attendance as people sign in.
  const [voterChoice, setVoterChoice] = useState<number[] | null>(null);
  const [subjectChoice, setSubjectChoice] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const members = participantsInOrder(state);
  const status = (id: number) => state.attendance[id]?.status ?? null;
  const voters = (voterChoice ?? members.filter((id) => status(id) === 'present')).filter(
    (id) => members.includes(id) && !isAway(state, id),
  );
  const subjects = (subjectChoice ?? members).filter((id) => members.includes(id));
  const live = meetingStatus === 'in-progress';

  const note = (id: number) => {
    const s = status(id);
    if (s === 'absent' || s === 'leave') return t(`attendance.status.${s}`);
    return s === 'present' ? null : t('host.notSignedIn');
  };

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      // In the order shown, which is the order of the ballot.
      const chosen = (list: number[]) => members.filter((id) => list.includes(id));
      onOpened(
        await openAppraisal(meetingId, { voters: chosen(voters), subjects: chosen(subjects) }),
      );
    } catch (failure) {
      setError(describeAppraisalError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="appraisal-open" data-testid="appraisal-open-form">
      {!live && <p className="appraisal-open__note">{t('host.notLive')}</p>}
      <div className="appraisal-open__lists">
        <MemberChecklist
          title={t('host.voters')}
          hint={t('host.votersHint')}
          members={members}
          chosen={voters}
          name={name}
          note={note}
          disabled={(id) => isAway(state, id)}
          onChange={setVoterChoice}
          data-testid="appraisal-voters"
        />
        <MemberChecklist
          title={t('host.subjects')}
          hint={t('host.subjectsHint')}
          members={members}
          chosen={subjects}
          name={name}
          note={() => null}
          disabled={() => false}
          onChange={setSubjectChoice}
          data-testid="appraisal-subjects"
        />
      </div>
      <p className="appraisal-open__note">
        {voters.length === 0 || subjects.length === 0
          ? t('host.needPeople')
          : t('host.maxExcellent', {
              max: maxExcellent(subjects.length),
              count: subjects.length,
            })}
      </p>
      {error && (
        <p className="appraisal-open__error" role="alert" data-testid="appraisal-open-error">
          {error}
        </p>
      )}
      <div className="appraisal-open__buttons">
        <Button
          type="primary"
          data-testid="appraisal-open"
          disabled={busy || !live || voters.length === 0 || subjects.length === 0}
          onClick={() => void open()}
        >
          {busy ? t('host.opening') : t('host.open')}
        </Button>
      </div>
    </div>
  );
}
