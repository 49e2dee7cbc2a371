import { Button, Input } from 'antd';
import { useId } from 'react';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { ModalDialog } from '../layout/ModalDialog.js';
import { Notice } from '../layout/Notice.js';
import { ImportFileDrop } from './ImportFileDrop.js';
import { ImportModeChoice } from './ImportModeChoice.js';
import { OutlinePreview } from './OutlinePreview.js';
import { useImportFlow, type ImportNotice } from './useImportFlow.js';
import './ImportDialog.css';

export interface ImportDialogProps {
  meetingId: number;
  /** `m/<meetingId>/collective` or the caller's `m/<meetingId>/self/<userId>`. */
  document: string;
  /** Send the measures found to the host as proposed rectification items. */
  propose: boolean;
  onClose(): void;
  /** Written: the dialog is done, and the page says so. */
  onImported(notice: ImportNotice): void;
}

/**
 * 导入材料: a file or pasted text, its structure previewed before anything is written, then
 * written into the live document (the editor below shows it through the sync channel).
 */
export function ImportDialog({
  meetingId,
  document,
  propose,
  onClose,
  onImported,
}: ImportDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const flow = useImportFlow({ meetingId, document, propose, onImported });
  const importing = flow.busy === 'importing';
  const ready = flow.outline !== null && !flow.stale && flow.mode !== null && flow.busy === null;

  return (
    <ModalDialog
      title={t('import.heading')}
      // Once the write is sent it finishes either way; the dialog stays to say how.
      onClose={() => !importing && onClose()}
      width={760}
      className="import-dialog"
      data-testid="import-dialog"
    >
      <div className="import-dialog__body">
        <p className="import-dialog__intro">{t('import.intro')}</p>
        <ImportFileDrop
          file={flow.file}
          reading={flow.busy === 'reading'}
          disabled={flow.busy !== null}
          onFile={flow.readFile}
        />
        <label className="import-dialog__label" htmlFor={`${id}-text`}>
          {t('import.text.label')}
        </label>
        <Input.TextArea
          id={`${id}-text`}
          data-testid="import-text"
          value={flow.text}
          onChange={(event) => flow.setText(event.target.value)}
          placeholder={t('import.text.placeholder')}
          autoSize={{ minRows: 4, maxRows: 6 }}
          maxLength={ImportLimits.maxTextLength}
          disabled={flow.busy !== null}
        />
        <div className="import-dialog__row">
          <Button
            data-testid="import-preview-submit"
            disabled={flow.text.trim() === '' || flow.busy !== null}
            loading={flow.busy === 'previewing'}
            onClick={flow.preview}
          >
            {flow.busy === 'previewing' ? t('import.preview.running') : t('import.preview.submit')}
          </Button>
          {flow.stale && (
            <span className="import-dialog__stale" data-testid="import-preview-stale">
              {t('import.preview.stale')}
            </span>
          )}
        </div>
        {flow.outline && <OutlinePreview outline={flow.outline} />}
        {flow.outline && (
          <ImportModeChoice
            mode={flow.mode}
            disabled={flow.busy !== null}
            onChange={flow.setMode}
          />
        )}
        {flow.error && (
          <Notice tone="error" data-testid="import-error">
            {flow.error}
          </Notice>
        )}
        <div className="import-dialog__actions">
          <Button data-testid="import-cancel" disabled={importing} onClick={onClose}>
            {t('import.cancel')}
          </Button>
          <Button
            type="primary"
            data-testid="import-submit"
            disabled={!ready}
            loading={importing}
            onClick={flow.submit}
          >
            {importing ? t('import.submitting') : t('import.submit')}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
