import type { MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingTemplate } from '../../../shared/meetings/meetingTemplates.js';
import { useI18n } from '../../i18n/i18nContext.js';

interface TemplateSelectProps {
  id: string;
  kind: MeetingKind;
  templates: readonly MeetingTemplate[];
  /** '' for 不使用模板. */
  value: string;
  onChange(templateId: string): void;
}

/** The templates of one kind: the built-in ones, then the branch's own; or none. */
export function TemplateSelect({ id, kind, templates, value, onChange }: TemplateSelectProps) {
  const { t } = useI18n();
  const ofKind = templates.filter((template) => template.kind === kind);
  const builtIn = ofKind.filter((template) => template.branchId === null);
  const own = ofKind.filter((template) => template.branchId !== null);
  const option = (template: MeetingTemplate) => (
    <option key={template.id} value={template.id}>
      {template.name}
    </option>
  );
  return (
    <select
      id={id}
      data-testid="meeting-template"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t('meetingForm.noTemplate')}</option>
      {builtIn.length > 0 && (
        <optgroup label={t('templates.builtIn')}>{builtIn.map(option)}</optgroup>
      )}
      {own.length > 0 && <optgroup label={t('templates.own')}>{own.map(option)}</optgroup>}
    </select>
  );
}
