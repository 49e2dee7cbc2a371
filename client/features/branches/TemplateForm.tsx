import { Button, Input } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import type { MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingTemplate } from '../../../shared/meetings/meetingTemplates.js';
import { describeApiError } from '../../api/describeApiError.js';
import { createTemplate } from '../../api/templateApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import { KindRadios } from '../meetings/KindRadios.js';
import {
  draftProblems,
  draftToFields,
  emptyDraft,
  type MeetingDraft,
} from '../meetings/meetingDraft.js';
import { AspectsEditor } from '../meetings/AspectsEditor.js';
import './TemplateForm.css';

interface TemplateFormProps {
  branchId: number;
  onCreated(template: MeetingTemplate): void;
}

/** 新建模板: the branch's own kind, year, name, theme and aspects for a local theme. */
export function TemplateForm({ branchId, onCreated }: TemplateFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<MeetingKind>('democratic-life');
  // The meeting draft's rules are the template's: a name, a year, distinct aspects.
  const [draft, setDraft] = useState<MeetingDraft>(() => emptyDraft());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = draftProblems(draft);
  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) return;
    const fields = draftToFields(draft);
    setBusy(true);
    setError(null);
    try {
      const template = await createTemplate(branchId, {
        kind,
        year: fields.year,
        name: fields.title,
        theme: fields.theme,
        aspects: fields.aspects,
      });
      setDraft(emptyDraft());
      onCreated(template);
    } catch (failure) {
      setError(t('templates.createFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="template-form"
      onSubmit={(event) => void submit(event)}
      data-testid="template-form"
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h4 id={`${id}-heading`}>{t('templates.create.heading')}</h4>
      <KindRadios name={`${id}-kind`} value={kind} onChange={setKind} />
      <div className="template-form__row">
        <div className="template-form__field template-form__field--wide">
          <label htmlFor={`${id}-name`}>{t('templates.name')}</label>
          <Input
            id={`${id}-name`}
            data-testid="template-name"
            value={draft.title}
            onChange={(event) => set('title', event.target.value)}
            maxLength={100}
          />
        </div>
        <div className="template-form__field">
          <label htmlFor={`${id}-year`}>{t('meeting.year')}</label>
          <input
            id={`${id}-year`}
            data-testid="template-year"
            type="number"
            min={2000}
            max={2100}
            value={draft.year}
            onChange={(event) => set('year', event.target.value)}
          />
        </div>
      </div>
      <div className="template-form__field">
        <label htmlFor={`${id}-theme`}>{t('meeting.theme')}</label>
        <Input.TextArea
          id={`${id}-theme`}
          data-testid="template-theme"
          value={draft.theme}
          onChange={(event) => set('theme', event.target.value)}
          rows={2}
          maxLength={500}
        />
      </div>
      <div className="template-form__field">
        <span id={`${id}-aspects`} className="template-form__label">
          {t('meeting.aspects')}
        </span>
        <AspectsEditor
          labelledBy={`${id}-aspects`}
          value={draft.aspects}
          onChange={(aspects) => set('aspects', aspects)}
        />
      </div>
      {draft.title.trim() !== '' && problems.length > 0 && (
        <ul className="template-form__problems">
          {problems.map((problem) => (
            <li key={problem}>{t(problem)}</li>
          ))}
        </ul>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <Button
        type="primary"
        htmlType="submit"
        className="template-form__submit"
        data-testid="template-submit"
        disabled={busy || problems.length > 0}
      >
        {t('templates.create.submit')}
      </Button>
    </form>
  );
}
