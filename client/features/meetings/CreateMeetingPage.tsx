import { Button } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { MeetingKind } from '../../../shared/meetings/meetingSchemas.js';
import type { MeetingTemplate } from '../../../shared/meetings/meetingTemplates.js';
import { fetchBranch, type BranchDetail } from '../../api/branchApi.js';
import { describeApiError } from '../../api/describeApiError.js';
import { createMeeting } from '../../api/meetingApi.js';
import { listTemplates } from '../../api/templateApi.js';
import { useResource } from '../../api/useResource.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Link } from '../../routing/Link.js';
import { branchPath, meetingPath } from '../../routing/routes.js';
import { navigate } from '../../routing/useLocationPath.js';
import { MessagePage } from '../layout/MessagePage.js';
import { Notice } from '../layout/Notice.js';
import { KindRadios } from './KindRadios.js';
import {
  draftFromTemplate,
  draftProblems,
  draftToFields,
  emptyDraft,
  type MeetingDraft,
} from './meetingDraft.js';
import { MeetingFieldset } from './MeetingFieldset.js';
import { TemplateSelect } from './TemplateSelect.js';
import './CreateMeetingPage.css';

/** `/branches/:id/meetings/new` (新建会议): the secretary's form, prefilled from a template. */
export function CreateMeetingPage({ branchId }: { branchId: number }) {
  const { t } = useI18n();
  const branch = useResource(`branch:${branchId}`, (signal) => fetchBranch(branchId, signal));
  const templates = useResource(`templates:${branchId}`, (signal) =>
    listTemplates(branchId, signal),
  );

  useEffect(() => {
    document.title = `${t('meetingForm.heading')} · ${t('app.title')}`;
  }, [t]);

  if (branch.error !== null || templates.error !== null) {
    const error = branch.error ?? templates.error;
    return (
      <Notice tone="error" onRetry={branch.error ? branch.reload : templates.reload}>
        {t('common.loadFailed', { message: describeApiError(error, t) })}
      </Notice>
    );
  }
  if (!branch.data || !templates.data) return <Notice tone="info">{t('common.loading')}</Notice>;
  if (branch.data.branch.myRole !== 'secretary') {
    return (
      <MessagePage
        title={t('admin.noPermission')}
        detail={t('meetingForm.secretaryOnly')}
        alert
        testId="no-permission"
      />
    );
  }
  return <CreateMeetingForm branch={branch.data} templates={templates.data} />;
}

function CreateMeetingForm({
  branch,
  templates,
}: {
  branch: BranchDetail;
  templates: MeetingTemplate[];
}) {
  const { t } = useI18n();
  const id = useId();
  const branchId = branch.branch.id;
  const [kind, setKind] = useState<MeetingKind>('democratic-life');
  const [templateId, setTemplateId] = useState('');
  const [draft, setDraft] = useState<MeetingDraft>(() => emptyDraft());
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = draftProblems(draft);

  const chooseKind = (next: MeetingKind) => {
    setKind(next);
    // A template of the other kind no longer applies; what it filled in stays editable.
    if (templates.find((template) => template.id === templateId)?.kind !== next) {
      setTemplateId('');
    }
  };

  const chooseTemplate = (next: string) => {
    setTemplateId(next);
    const template = templates.find((candidate) => candidate.id === next);
    if (template) setDraft((current) => draftFromTemplate(template, current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (problems.length > 0) return;
    const fields = draftToFields(draft);
    setBusy(true);
    setError(null);
    try {
      const meeting = await createMeeting({
        branchId,
        kind,
        title: fields.title,
        theme: fields.theme,
        year: fields.year,
        aspects: fields.aspects,
        ...(templateId ? { templateId } : {}),
        ...(fields.scheduledAt ? { scheduledAt: fields.scheduledAt } : {}),
        ...(fields.location ? { location: fields.location } : {}),
      });
      navigate(meetingPath(meeting.id));
    } catch (failure) {
      setError(t('meetingForm.createFailed', { message: describeApiError(failure, t) }));
      setBusy(false);
    }
  };

  return (
    <div className="create-meeting-page">
      <div className="create-meeting-page__bar">
        <Link href={branchPath(branchId)}>← {branch.branch.name}</Link>
        <h2 className="create-meeting-page__heading">{t('meetingForm.heading')}</h2>
      </div>
      <form
        className="create-meeting-page__card"
        onSubmit={(event) => void submit(event)}
        data-testid="create-meeting-form"
        noValidate
      >
        <fieldset className="create-meeting-page__kind">
          <legend>{t('meeting.kind')}</legend>
          <KindRadios name={`${id}-kind`} value={kind} onChange={chooseKind} />
        </fieldset>
        <div className="create-meeting-page__template">
          <label htmlFor={`${id}-template`}>{t('meetingForm.template')}</label>
          <TemplateSelect
            id={`${id}-template`}
            kind={kind}
            templates={templates}
            value={templateId}
            onChange={chooseTemplate}
          />
          <p className="create-meeting-page__hint">{t('meetingForm.templateHint')}</p>
        </div>
        <MeetingFieldset value={draft} onChange={setDraft} />
        {attempted && problems.length > 0 && (
          <ul className="create-meeting-page__problems" role="alert">
            {problems.map((problem) => (
              <li key={problem}>{t(problem)}</li>
            ))}
          </ul>
        )}
        {error && (
          <Notice tone="error" data-testid="create-meeting-error">
            {error}
          </Notice>
        )}
        <div className="create-meeting-page__buttons">
          <Button
            type="primary"
            htmlType="submit"
            data-testid="create-meeting-submit"
            disabled={busy}
          >
            {busy ? t('meetingForm.creating') : t('meetingForm.create')}
          </Button>
          <Link href={branchPath(branchId)}>{t('dialog.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
