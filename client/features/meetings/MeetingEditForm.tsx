import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import type { MeetingDetailView } from '../../../shared/meetings/meetingSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { updateMeeting } from '../../api/meetingApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import {
  draftFromMeeting,
  draftProblems,
  draftToFields,
  type MeetingDraft,
} from './meetingDraft.js';
import { MeetingFieldset } from './MeetingFieldset.js';
import './MeetingEditForm.css';

interface MeetingEditFormProps {
  meeting: MeetingDetailView;
  onSaved(meeting: MeetingDetailView): void;
  onCancel(): void;
}

/** 编辑会议信息: the details as the create form has them, saved in one PATCH. */
export function MeetingEditForm({ meeting, onSaved, onCancel }: MeetingEditFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<MeetingDraft>(() => draftFromMeeting(meeting));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = draftProblems(draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateMeeting(meeting.id, draftToFields(draft)));
    } catch (failure) {
      setError(t('meeting.saveFailed', { message: describeApiError(failure, t) }));
      setBusy(false);
    }
  };

  return (
    <form
      className="meeting-edit-form"
      onSubmit={(event) => void submit(event)}
      data-testid="meeting-edit-form"
      noValidate
    >
      <MeetingFieldset value={draft} onChange={setDraft} />
      {problems.length > 0 && (
        <ul className="meeting-edit-form__problems">
          {problems.map((problem) => (
            <li key={problem}>{t(problem)}</li>
          ))}
        </ul>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="meeting-edit-form__buttons">
        <Button
          type="primary"
          htmlType="submit"
          data-testid="meeting-edit-save"
          disabled={busy || problems.length > 0}
        >
          {busy ? t('common.saving') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
      </div>
    </form>
  );
}
