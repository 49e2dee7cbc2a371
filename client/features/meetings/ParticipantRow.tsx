import { useI18n } from '../../i18n/i18nContext.js';
import {
  allowedAttendance,
  mayLead,
  withAttendance,
  type Attendance,
  type ParticipantChoice,
} from './participantChoices.js';

interface ParticipantRowProps {
  choice: ParticipantChoice;
  disabled: boolean;
  onChange(choice: ParticipantChoice): void;
}

/** One person: how they attend, and whether they host or record. */
export function ParticipantRow({ choice, disabled, onChange }: ParticipantRowProps) {
  const { t } = useI18n();
  const name = t('users.who', { name: choice.displayName, username: choice.username });
  const lead = mayLead(choice, choice.attendance);
  return (
    <tr data-testid="participant-row" data-username={choice.username}>
      <th scope="row" className="participants-editor__name">
        {name}
      </th>
      <td className="participants-editor__branch-role">
        {choice.branchRole === null ? t('branch.notMember') : t(`branch.role.${choice.branchRole}`)}
      </td>
      <td>
        <select
          data-testid="participant-attendance"
          aria-label={t('participants.attendanceOf', { name })}
          value={choice.attendance}
          disabled={disabled}
          onChange={(event) => onChange(withAttendance(choice, event.target.value as Attendance))}
        >
          {allowedAttendance(choice).map((attendance) => (
            <option key={attendance} value={attendance}>
              {t(`participants.attendance.${attendance}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="participants-editor__check">
        <input
          type="checkbox"
          data-testid="participant-host"
          aria-label={t('participants.hostOf', { name })}
          checked={choice.host}
          disabled={disabled || !lead}
          onChange={(event) => onChange({ ...choice, host: event.target.checked })}
        />
      </td>
      <td className="participants-editor__check">
        <input
          type="checkbox"
          data-testid="participant-recorder"
          aria-label={t('participants.recorderOf', { name })}
          checked={choice.recorder}
          disabled={disabled || !lead}
          onChange={(event) => onChange({ ...choice, recorder: event.target.checked })}
        />
      </td>
    </tr>
  );
}
