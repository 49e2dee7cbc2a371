import { Button } from 'antd';
import { useState } from 'react';
import {
  MEETING_TRANSITIONS,
  type MeetingDetailView,
  type MeetingStatus,
} from '../../../shared/meetings/meetingSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { setMeetingStatus } from '../../api/meetingApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ConfirmDialog } from '../layout/ConfirmDialog.js';
import { Notice } from '../layout/Notice.js';
import './MeetingStatusActions.css';

type Transition = `${MeetingStatus}>${MeetingStatus}`;

// The button for each allowed move; in-progress means 开始 from open and 重新开启 from closed.
const actionLabels: Partial<Record<Transition, MessageKey>> = {
  'draft>open': 'meeting.action.publish',
  'open>in-progress': 'meeting.action.start',
  'in-progress>closed': 'meeting.action.close',
  'closed>in-progress': 'meeting.action.reopen',
  'open>draft': 'meeting.action.backToDraft',
};
// The one move back: a quieter button after the way forward.
const backward: readonly Transition[] = ['open>draft'];

interface MeetingStatusActionsProps {
  meeting: MeetingDetailView;
  onChanged(meeting: MeetingDetailView): void;
}

/** The status moves open to a manager now; 结束会议 is confirmed first (the record becomes final). */
export function MeetingStatusActions({ meeting, onChanged }: MeetingStatusActionsProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const from = meeting.status;
  const moves = [...MEETING_TRANSITIONS[from]].sort(
    (a, b) => Number(backward.includes(`${from}>${a}`)) - Number(backward.includes(`${from}>${b}`)),
  );

  const move = async (to: MeetingStatus) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await setMeetingStatus(meeting.id, to));
    } catch (failure) {
      // 409s carry the reason (no host or recorder, changed meanwhile): the server's words.
      setError(t('meeting.statusFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="meeting-status-actions">
      {/* A closed meeting has its banner instead. */}
      {from !== 'closed' && (
        <p className="meeting-status-actions__stage">{t(`meeting.statusHint.${from}`)}</p>
      )}
      <div
        className="meeting-status-actions__buttons"
        role="group"
        aria-label={t('meeting.statusActions')}
      >
        {moves.map((to) => {
          const label = actionLabels[`${from}>${to}`];
          if (!label) return null;
          return (
            <Button
              key={to}
              type={backward.includes(`${from}>${to}`) ? 'default' : 'primary'}
              data-testid={`status-to-${to}`}
              disabled={busy}
              onClick={() => (to === 'closed' ? setConfirming(true) : void move(to))}
            >
              {t(label)}
            </Button>
          );
        })}
      </div>
      {error && (
        <Notice tone="error" data-testid="status-error">
          {error}
        </Notice>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('meeting.closeConfirm.heading')}
          hint={t('meeting.closeConfirm.hint')}
          confirmLabel={t('meeting.action.close')}
          busy={busy}
          onConfirm={() => void move('closed')}
          onCancel={() => setConfirming(false)}
          data-testid="close-meeting-dialog"
          confirmTestId="close-meeting-confirm"
        />
      )}
    </div>
  );
}
