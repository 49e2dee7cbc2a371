import { Upload } from 'antd';
import { ImportLimits } from '../../../shared/import/importLimits.js';
import { useI18n } from '../../i18n/i18nContext.js';
import { Notice } from '../layout/Notice.js';
import type { ChosenFile } from './useImportFlow.js';
import './ImportFileDrop.css';

interface ImportFileDropProps {
  file: ChosenFile | null;
  reading: boolean;
  disabled: boolean;
  onFile(file: File): void;
}

const ACCEPT = '.docx,.txt,.md,.markdown';

/** 上传文件: the kit's drop zone, which hands the file over instead of uploading it itself. */
export function ImportFileDrop({ file, reading, disabled, onFile }: ImportFileDropProps) {
  const { t } = useI18n();
  const size = ImportLimits.maxFileBytes / (1024 * 1024);
  return (
    <div className="import-file-drop" data-testid="import-file">
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(chosen) => {
          onFile(chosen);
          // The dialog sends the file to …/import/extract itself, with its name in a header.
          return false;
        }}
      >
        <p className="import-file-drop__title">{t('import.file.drop')}</p>
        <p className="import-file-drop__types">{t('import.file.types', { size })}</p>
      </Upload.Dragger>
      {file && reading && (
        <p className="import-file-drop__status" data-testid="import-file-reading">
          {t('import.file.reading', { name: file.name })}
        </p>
      )}
      {file && !reading && file.failed !== null && (
        <Notice tone="error" data-testid="import-file-error">
          {t('import.file.failed', { name: file.name, message: file.failed })}
        </Notice>
      )}
      {file && !reading && file.failed === null && (
        <p className="import-file-drop__status" data-testid="import-file-read">
          {t('import.file.read', { name: file.name })}
        </p>
      )}
    </div>
  );
}
