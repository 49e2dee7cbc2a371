import { MEETING_KINDS, type MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './KindRadios.css';

interface KindRadiosProps {
  name: string;
  value: MeetingKind;
  onChange(kind: MeetingKind): void;
}

/** 民主生活会 or 组织生活会, as a group of radio buttons under the caller's legend. */
export function KindRadios({ name, value, onChange }: KindRadiosProps) {
  const { t } = useI18n();
  return (
    <div className="kind-radios">
      {MEETING_KINDS.map((kind) => (
        <label key={kind} className="kind-radios__option">
          <input
            type="radio"
            name={name}
            value={kind}
            data-testid={`meeting-kind-${kind}`}
            checked={value === kind}
            onChange={() => onChange(kind)}
          />
          {t(`meeting.kind.${kind}`)}
        </label>
      ))}
    </div>
  );
}
