import { Button, Input } from 'antd';
import { useState } from 'react';
import type { AttendanceEntry, RosterEntry } from '../../../shared/moderation/meetingState.js';
import {
  ATTENDANCE_STATUSES,
  ModerationLimits,
  type AttendanceStatus,
} from '../../../shared/moderation/moderationSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { formatClockTime } from './speechClock.js';
import type { CommandRunner } from './useCommandRunner.js';

interface AttendanceRowProps {
  entry: RosterEntry;
  /** Null: not yet marked, nor signed in. */
  attendance: AttendanceEntry | null;
  name: string;
  runner: CommandRunner;
  live: boolean;
}

/** One person: 出席 / 缺席 / 请假, the reason when away, and when they signed in. */
export function AttendanceRow({ entry, attendance, name, runner, live }: AttendanceRowProps) {
  const { t, locale } = useI18n();
  const status = attendance?.status ?? null;
  const saved = attendance?.reason ?? '';
  // The reason as typed, until saved; null shows the saved one.
  const [draft, setDraft] = useState<string | null>(null);
  const reason = draft ?? saved;
  const off = runner.busy || !live;

  const mark = async (next: AttendanceStatus, nextReason: string) => {
    const ok = await runner.run({
      type: 'setAttendance',
      userId: entry.userId,
      status: next,
      reason: next === 'present' ? '' : nextReason,
    });
    if (ok) setDraft(null);
  };

  return (
    <tr data-testid="attendance-row" data-user-id={entry.userId} data-status={status ?? 'unmarked'}>
      <th scope="row" className="attendance__name">
        {name}
        <span className="attendance__roles">
          {entry.roles.map((role) => t(`meeting.role.${role}`)).join('、')}
        </span>
      </th>
      <td>
        <div className="attendance__choice" role="group" aria-label={t('attendance.of', { name })}>
          {ATTENDANCE_STATUSES.map((option) => (
            <button
              key={option}
              type="button"
              className={`attendance__option${status === option ? ` attendance__option--${option}` : ''}`}
              data-testid={`attendance-${option}`}
              aria-pressed={status === option}
              disabled={off}
              // Marking again what is already marked would only add noise to the event log.
              onClick={() => status !== option && void mark(option, reason)}
            >
              {t(`attendance.status.${option}`)}
            </button>
          ))}
        </div>
        {(status === 'leave' || status === 'absent') && (
          <form
            className="attendance__reason"
            onSubmit={(event) => {
              event.preventDefault();
              void mark(status, reason.trim());
            }}
          >
            <Input
              data-testid="attendance-reason"
              aria-label={t('attendance.reasonOf', { name })}
              placeholder={t('attendance.reason')}
              maxLength={ModerationLimits.maxReasonLength}
              value={reason}
              onChange={(event) => setDraft(event.target.value)}
            />
            {draft !== null && draft.trim() !== saved && (
              <Button
                type="primary"
                htmlType="submit"
                data-testid="attendance-reason-save"
                disabled={off}
              >
                {t('common.save')}
              </Button>
            )}
          </form>
        )}
      </td>
      <td className="attendance__signed-in" data-testid="attendance-signed-in">
        {attendance?.signedInAt ? formatClockTime(attendance.signedInAt, locale) : '—'}
      </td>
    </tr>
  );
}
