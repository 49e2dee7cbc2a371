import { Button, Input } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import {
  VersionLimits,
  type DocumentVersionView,
} from '../../../shared/documents/versionSchemas.js';
import { describeApiError } from '../../api/describeApiError.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import './SaveVersionForm.css';

interface SaveVersionFormProps {
  /** Saves under the trimmed name; rejects with the server's refusal. */
  onSave(label: string): Promise<DocumentVersionView>;
  onSaved(version: DocumentVersionView): void;
}

/** 保存版本 (hosts): the document as it is now, under a name of their choosing. */
export function SaveVersionForm({ onSave, onSaved }: SaveVersionFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = label.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      const version = await onSave(trimmed);
      setLabel('');
      onSaved(version);
    } catch (failure) {
      setError(t('versions.saveFailed', { message: describeApiError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="save-version-form"
      onSubmit={(event) => void submit(event)}
      data-testid="version-save-form"
    >
      <label htmlFor={`${id}-label`}>{t('versions.save.label')}</label>
      <div className="save-version-form__row">
        <Input
          id={`${id}-label`}
          data-testid="version-label"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          placeholder={t('versions.save.placeholder')}
          maxLength={VersionLimits.maxLabelLength}
          required
        />
        <Button
          type="primary"
          htmlType="submit"
          data-testid="version-save"
          disabled={busy || trimmed === ''}
        >
          {busy ? t('versions.save.saving') : t('versions.save.submit')}
        </Button>
      </div>
      {error && (
        <Notice tone="error" data-testid="version-save-error">
          {error}
        </Notice>
      )}
    </form>
  );
}
