import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import type { CreateRectificationRequest } from '../../../shared/rectifications/rectificationSchemas.js';
import type {
  PersonRef,
  RectificationView,
} from '../../../shared/rectifications/rectificationViews.js';
import { describeApiError } from '../../api/describeApiError.js';
import { createRectification } from '../../api/rectificationApi.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ModalDialog } from '../layout/ModalDialog.js';
import { Notice } from '../layout/Notice.js';
import { createRequest, isComplete, type RectificationDraft } from './rectificationDraft.js';
import { RectificationFields } from './RectificationFields.js';
import './NewRectificationDialog.css';

interface NewRectificationDialogProps {
  meetingId: number;
  /** Filled in from where it was captured (a speech, a selection). */
  initial: RectificationDraft;
  /** Stored with the item: about whom, during which speech, from which text. */
  context?: Pick<CreateRectificationRequest, 'subjectUserId' | 'speechId' | 'anchor'>;
  people: readonly PersonRef[];
  aspects: readonly string[];
  /** What it was captured from, shown above the fields (the speech, the quote). */
  origin?: string;
  onClose(): void;
  onCreated(item: RectificationView): void;
}

/** 记录整改事项: the item's fields, prefilled, and 保存. */
export function NewRectificationDialog({
  meetingId,
  initial,
  context = {},
  people,
  aspects,
  origin,
  onClose,
  onCreated,
}: NewRectificationDialogProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isComplete(draft)) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createRectification(meetingId, createRequest(draft, context)));
    } catch (failure) {
      setError(describeApiError(failure, t));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={t('rect.newTitle')}
      onClose={onClose}
      width={640}
      data-testid="rect-new-dialog"
    >
      <form className="new-rectification" onSubmit={(event) => void submit(event)}>
        {origin && (
          <p className="new-rectification__origin" data-testid="rect-origin">
            {origin}
          </p>
        )}
        <RectificationFields draft={draft} onChange={setDraft} people={people} aspects={aspects} />
        {error && (
          <Notice tone="error" data-testid="rect-error">
            {error}
          </Notice>
        )}
        <div className="new-rectification__buttons">
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            data-testid="rect-create"
            disabled={busy || !isComplete(draft)}
          >
            {t('rect.save')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
