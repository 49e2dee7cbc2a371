import {
  MEETING_ROLES,
  type MeetingParticipantView,
} from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './ParticipantSummary.css';

/** Who is in the meeting, by role, for those who may not change it. */
export function ParticipantSummary({
  participants,
}: {
  participants: readonly MeetingParticipantView[];
}) {
  const { t } = useI18n();
  const byRole = MEETING_ROLES.map((role) => ({
    role,
    names: participants.filter((p) => p.roles.includes(role)).map((p) => p.displayName),
  })).filter((group) => group.names.length > 0);
  if (byRole.length === 0) {
    return <p className="participant-summary__empty">{t('participants.none')}</p>;
  }
  return (
    <dl className="participant-summary" data-testid="participant-summary">
      {byRole.map(({ role, names }) => (
        <div key={role} className="participant-summary__row" data-role={role}>
          <dt>{t(`meeting.role.${role}`)}</dt>
          <dd>{names.join('、')}</dd>
        </div>
      ))}
    </dl>
  );
}
