import { Button, Input } from 'antd';
import { RectificationLimits } from '../../../shared/rectifications/rectificationSchemas.js';
import { useId, useState, type FormEvent } from 'react';
import type { ProgressView } from '../../../shared/rectifications/rectificationViews.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { localToday } from './rectificationDraft.js';
import './ProgressNotes.css';

interface ProgressNotesProps {
  progress: readonly ProgressView[];
  /** Null for those who may not add notes. */
  onAdd: ((note: string, notedOn: string) => Promise<boolean>) | null;
  busy: boolean;
}

/** 进展情况: the notes with their dates, oldest first, and a note to add. */
export function ProgressNotes({ progress, onAdd, busy }: ProgressNotesProps) {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const [notedOn, setNotedOn] = useState(localToday);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!onAdd || note.trim() === '') return;
    if (await onAdd(note.trim(), notedOn)) setNote('');
  };

  return (
    <section className="progress-notes" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('rect.progress')}</h4>
      {progress.length === 0 ? (
        <p className="progress-notes__empty">{t('rect.noProgress')}</p>
      ) : (
        <ol className="progress-notes__list" data-testid="rect-progress-list">
          {progress.map((p) => (
            <li key={p.id} data-testid="rect-progress">
              <span className="progress-notes__date">{p.notedOn}</span>{' '}
              <span className="progress-notes__author">{p.author.displayName}</span>
              <p>{p.note}</p>
            </li>
          ))}
        </ol>
      )}
      {onAdd && (
        <form className="progress-notes__form" onSubmit={(event) => void submit(event)}>
          <Input.TextArea
            aria-label={t('rect.progressNote')}
            placeholder={t('rect.progressNote')}
            data-testid="rect-progress-note"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={RectificationLimits.maxTextLength}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="progress-notes__bar">
            <label htmlFor={`${id}-date`}>{t('rect.progressDate')}</label>
            <input
              id={`${id}-date`}
              type="date"
              data-testid="rect-progress-date"
              value={notedOn}
              required
              onChange={(event) => setNotedOn(event.target.value)}
            />
            <Button
              htmlType="submit"
              data-testid="rect-progress-add"
              disabled={busy || note.trim() === '' || notedOn === ''}
            >
              {t('rect.progressAdd')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
