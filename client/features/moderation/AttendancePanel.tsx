import { quorum, type MeetingState } from '../../../shared/moderation/meetingState.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { AttendanceRow } from './AttendanceRow.js';
import { PanelCard } from './PanelCard.js';
import type { CommandRunner } from './useCommandRunner.js';
import type { SpeechText } from './useSpeechText.js';
import './AttendancePanel.css';

interface AttendancePanelProps {
  state: MeetingState;
  text: SpeechText;
  runner: CommandRunner;
  live: boolean;
}

/** 签到 / 请假 for everyone in the meeting, with 应到 / 实到 and the two-thirds rule. */
export function AttendancePanel({ state, text, runner, live }: AttendancePanelProps) {
  const { t } = useI18n();
  const q = quorum(state);
  // Participants first, as they are who is counted.
  const roster = [...state.roster].sort(
    (a, b) => Number(b.roles.includes('participant')) - Number(a.roles.includes('participant')),
  );
  return (
    <PanelCard
      title={t('attendance.heading')}
      data-testid="attendance"
      actions={
        <span
          className={`attendance__quorum${q.enough ? '' : ' attendance__quorum--short'}`}
          data-testid="quorum"
          data-enough={q.enough}
          data-present={q.present}
          data-expected={q.expected}
        >
          {t('attendance.quorum', { expected: q.expected, present: q.present })}
        </span>
      }
    >
      {!q.enough && (
        <p className="attendance__warning" role="alert" data-testid="quorum-warning">
          {t('attendance.notEnough', { needed: Math.ceil((q.expected * 2) / 3) })}
        </p>
      )}
      <div className="data-table attendance__table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('attendance.status')}</th>
              <th scope="col">{t('attendance.signedIn')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((entry) => (
              <AttendanceRow
                key={entry.userId}
                entry={entry}
                attendance={state.attendance[entry.userId] ?? null}
                name={text.name(entry.userId)}
                runner={runner}
                live={live}
              />
            ))}
          </tbody>
        </table>
      </div>
    </PanelCard>
  );
}
