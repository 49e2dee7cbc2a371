import { Radio } from 'antd';
import type { ImportMode } from '../../../shared/import/importSchemas.js';
import { useI18n } from '../../i18n/i18nContext.js';
import './ImportModeChoice.css';

interface ImportModeChoiceProps {
  /** None until chosen: replacing is never what happens by default. */
  mode: ImportMode | null;
  disabled: boolean;
  onChange(mode: ImportMode): void;
}

/** 替换全文 or 追加到末尾, each with what it does to what the document holds. */
export function ImportModeChoice({ mode, disabled, onChange }: ImportModeChoiceProps) {
  const { t } = useI18n();
  return (
    <fieldset className="import-mode-choice" data-testid="import-mode">
      <legend className="import-mode-choice__legend">{t('import.mode.label')}</legend>
      <Radio.Group
        className="import-mode-choice__options"
        value={mode}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as ImportMode)}
      >
        <Radio value="replace" data-testid="import-mode-replace">
          <span className="import-mode-choice__name">{t('import.mode.replace')}</span>
          <span className="import-mode-choice__hint">{t('import.mode.replaceHint')}</span>
        </Radio>
        <Radio value="append" data-testid="import-mode-append">
          <span className="import-mode-choice__name">{t('import.mode.append')}</span>
          <span className="import-mode-choice__hint">{t('import.mode.appendHint')}</span>
        </Radio>
      </Radio.Group>
    </fieldset>
  );
}
