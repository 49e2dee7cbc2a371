import { Input } from 'antd';
import { useId } from 'react';
import { MeetingLimits } from '../../../shared/meetings/meetingSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { AspectsEditor } from './AspectsEditor.js';
import type { MeetingDraft } from './meetingDraft.js';
import './MeetingFieldset.css';

interface MeetingFieldsetProps {
  value: MeetingDraft;
  onChange(draft: MeetingDraft): void;
}

/** A meeting's details as inputs: the same on the create form and the edit form. */
export function MeetingFieldset({ value, onChange }: MeetingFieldsetProps) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof MeetingDraft>(key: K, next: MeetingDraft[K]) =>
    onChange({ ...value, [key]: next });

  return (
    <div className="meeting-fieldset">
      <div className="meeting-fieldset__row">
        <div className="meeting-fieldset__field meeting-fieldset__field--wide">
          <label htmlFor={`${id}-title`}>{t('meeting.title')}</label>
          <Input
            id={`${id}-title`}
            data-testid="meeting-title-input"
            value={value.title}
            onChange={(event) => set('title', event.target.value)}
            maxLength={MeetingLimits.maxTitleLength}
            required
          />
        </div>
        <div className="meeting-fieldset__field meeting-fieldset__field--year">
          <label htmlFor={`${id}-year`}>{t('meeting.year')}</label>
          <input
            id={`${id}-year`}
            data-testid="meeting-year-input"
            type="number"
            min={2000}
            max={2100}
            value={value.year}
            onChange={(event) => set('year', event.target.value)}
            required
          />
        </div>
      </div>
      <div className="meeting-fieldset__field">
        <label htmlFor={`${id}-theme`}>{t('meeting.theme')}</label>
        <Input.TextArea
          id={`${id}-theme`}
          data-testid="meeting-theme-input"
          value={value.theme}
          onChange={(event) => set('theme', event.target.value)}
          maxLength={MeetingLimits.maxThemeLength}
          rows={3}
        />
      </div>
      <div className="meeting-fieldset__field">
        <span id={`${id}-aspects`} className="meeting-fieldset__label">
          {t('meeting.aspects')}
        </span>
        <AspectsEditor
          labelledBy={`${id}-aspects`}
          value={value.aspects}
          onChange={(aspects) => set('aspects', aspects)}
        />
      </div>
      <div className="meeting-fieldset__row">
        <div className="meeting-fieldset__field">
          <label htmlFor={`${id}-time`}>{t('meeting.time')}</label>
          <input
            id={`${id}-time`}
            data-testid="meeting-time-input"
            type="datetime-local"
            value={value.scheduledAt}
            onChange={(event) => set('scheduledAt', event.target.value)}
          />
        </div>
        <div className="meeting-fieldset__field meeting-fieldset__field--wide">
          <label htmlFor={`${id}-location`}>{t('meeting.location')}</label>
          <Input
            id={`${id}-location`}
            data-testid="meeting-location-input"
            value={value.location}
            onChange={(event) => set('location', event.target.value)}
            maxLength={MeetingLimits.maxLocationLength}
          />
        </div>
      </div>
    </div>
  );
}
